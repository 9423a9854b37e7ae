// castValue: CAST between SQL types at run time; a value that cannot convert becomes NULL.

import {
  dateToTimestamp,
  Decimal,
  formatSqlType,
  formatValue,
  isInt32,
  parseDate,
  parseTime,
  parseTimestamp,
  timestampToDate,
  timestampToTime,
  type MapKey,
  type SqlType,
  type Value,
  type ValueMap,
  type ValueStruct,
} from '../../common/index.js';

export type Caster = (v: Value) => Value;

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

/** A converter from `from` to `to`, chosen once at compile time. */
export function caster(from: SqlType, to: SqlType): Caster {
  if (formatSqlType(from) === formatSqlType(to)) return (v) => v;
  if (to.kind === 'STRING') return (v) => (v === null ? null : toText(v, from));
  switch (to.kind) {
    case 'DATE':
      if (from.kind === 'TIMESTAMP') return (v) => (v === null ? null : timestampToDate(v as number));
      return (v) => (typeof v === 'string' ? parseDate(v) : null);
    case 'TIME':
      if (from.kind === 'TIMESTAMP') return (v) => (v === null ? null : timestampToTime(v as number));
      return (v) => (typeof v === 'string' ? parseTime(v) : null);
    case 'TIMESTAMP':
      if (from.kind === 'DATE') return (v) => (v === null ? null : dateToTimestamp(v as number));
      return (v) => (typeof v === 'string' ? parseTimestamp(v) : null);
    case 'ARRAY': {
      const element = caster(from.kind === 'ARRAY' ? from.element : from, to.element);
      return (v) => (v === null ? null : (v as readonly Value[]).map(element));
    }
    case 'MAP': {
      const key = caster(from.kind === 'MAP' ? from.key : from, to.key);
      const value = caster(from.kind === 'MAP' ? from.value : from, to.value);
      return (v) => {
        if (v === null) return null;
        const entries = new Map<MapKey, Value>();
        for (const [k, e] of (v as ValueMap).entries) {
          const ck = key(k);
          if (ck !== null) entries.set(ck as MapKey, value(e));
        }
        return { kind: 'map', entries };
      };
    }
    case 'STRUCT': {
      const fields = to.fields.map((f) => {
        const source = from.kind === 'STRUCT' ? from.fields.find((g) => g.name === f.name) : undefined;
        return { name: f.name, convert: source === undefined ? null : caster(source.type, f.type) };
      });
      return (v) => {
        if (v === null) return null;
        const input = (v as ValueStruct).fields;
        const out: Record<string, Value> = {};
        for (const f of fields) out[f.name] = f.convert === null ? null : f.convert(input[f.name] ?? null);
        return { kind: 'struct', fields: out };
      };
    }
    case 'INT':
      return (v) => {
        const n = toNumber(v, from);
        if (n === null || Number.isNaN(n)) return null;
        const t = Math.trunc(n);
        return isInt32(t) ? t : null;
      };
    case 'BIGINT':
      return (v) => {
        if (v === null) return null;
        if (typeof v === 'bigint') return v;
        if (v instanceof Decimal) return v.rescale(0).unscaled;
        if (typeof v === 'string') {
          const t = v.trim();
          if (/^[+-]?\d+$/.test(t)) return inBigIntRange(BigInt(t));
          const n = Number(t);
          return t === '' || !Number.isFinite(n) ? null : inBigIntRange(BigInt(Math.trunc(n)));
        }
        const n = toNumber(v, from);
        return n === null || !Number.isFinite(n) ? null : inBigIntRange(BigInt(Math.trunc(n)));
      };
    case 'DOUBLE':
      return (v) => toNumber(v, from);
    case 'DECIMAL':
      return (v) => {
        if (v === null) return null;
        try {
          const d = v instanceof Decimal ? v : typeof v === 'bigint' ? Decimal.fromBigInt(v) : typeof v === 'number' ? Decimal.parse(numberText(v)) : typeof v === 'string' ? Decimal.parse(v) : null;
          if (d === null) return null;
          const scaled = d.rescale(to.scale);
          return scaled.precision - scaled.scale > to.precision - to.scale ? null : scaled;
        } catch {
          return null;
        }
      };
    case 'BOOLEAN':
      return (v) => {
        if (v === null || typeof v === 'boolean') return v;
        if (typeof v === 'string') {
          const t = v.trim().toLowerCase();
          return t === 'true' ? true : t === 'false' ? false : null;
        }
        return null;
      };
    default:
      return (v) => v;
  }
}

function inBigIntRange(n: bigint): bigint | null {
  return n < BIGINT_MIN || n > BIGINT_MAX ? null : n;
}

function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n).includes('e') ? n.toFixed(20) : String(n);
}

function toNumber(v: Value, from: SqlType): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Decimal) return v.toNumber();
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    const n = Number(t);
    return Number.isNaN(n) && !/^[+-]?NaN$/.test(t) ? null : n;
  }
  return from.kind === 'BOOLEAN' ? null : null;
}

/** Text of a value as ksqlDB renders it when cast to STRING (DOUBLE as Java does, dates in ISO-8601). */
function toText(v: Value, from: SqlType): string {
  return formatValue(v, from);
}
