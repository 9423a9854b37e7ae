// castValue: CAST between SQL types at run time; a value that cannot convert becomes NULL.

import { Decimal, formatDouble, isInt32, type SqlType, type Value } from '../../common/index.js';

export type Caster = (v: Value) => Value;

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

/** A converter from `from` to `to`, chosen once at compile time. */
export function caster(from: SqlType, to: SqlType): Caster {
  if (to.kind === 'STRING') return (v) => (v === null ? null : toText(v, from));
  switch (to.kind) {
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

/** Text of a value as ksqlDB renders it when cast to STRING. */
function toText(v: Value, from: SqlType): string {
  if (typeof v === 'number') return from.kind === 'DOUBLE' ? formatDouble(v) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Decimal) return v.toString();
  return JSON.stringify(v);
}
