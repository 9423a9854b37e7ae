// Value order and equality for functions that sort, compare or deduplicate values (ARRAY_SORT, GREATEST, …).

import { Decimal, type Value, type ValueMap, type ValueStruct } from '../common/index.js';

/**
 * Java's natural order of one SQL type's values: numbers by value, strings by UTF-16 code units,
 * `false < true`, BYTES by signed bytes (as Java's ByteBuffer compares them). NULLs are not compared.
 */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Decimal && b instanceof Decimal) return a.compare(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = ((a[i] ?? 0) << 24 >> 24) - ((b[i] ?? 0) << 24 >> 24);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  }
  return 0;
}

/** Deep equality as Java's `equals` on ksqlDB values (DECIMALs by value; NULL equals NULL here). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Decimal && b instanceof Decimal) return a.compare(b) === 0;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = a as readonly Value[];
    const y = b as readonly Value[];
    return x.length === y.length && x.every((v, i) => valuesEqual(v, y[i] ?? null));
  }
  if (typeof a === 'object' && typeof b === 'object' && 'kind' in a && 'kind' in b) {
    const x = a;
    const y = b;
    if (x.kind === 'map' && y.kind === 'map') {
      return x.entries.size === y.entries.size && [...x.entries].every(([k, v]) => y.entries.has(k) && valuesEqual(v, y.entries.get(k) ?? null));
    }
    if (x.kind === 'struct' && y.kind === 'struct') {
      const keys = Object.keys(x.fields);
      return keys.length === Object.keys(y.fields).length && keys.every((k) => valuesEqual(x.fields[k] ?? null, y.fields[k] ?? null));
    }
  }
  return false;
}

/** A string that is equal for equal values (for Sets of values: ARRAY_DISTINCT, COLLECT_SET, …). */
export function valueKey(v: Value): string {
  if (v === null) return 'n';
  if (typeof v === 'number') return `d${Object.is(v, -0) ? '0' : String(v)}`;
  if (typeof v === 'bigint') return `l${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (v instanceof Decimal) {
    const t = v.toString();
    return `m${t.includes('.') ? t.replace(/\.?0+$/, '') : t}`;
  }
  if (v instanceof Uint8Array) return `y${Buffer.from(v).toString('base64')}`;
  if (Array.isArray(v)) return `[${(v as readonly Value[]).map(valueKey).join(',')}]`;
  const c = v as ValueMap | ValueStruct;
  if (c.kind === 'map') return `{${[...c.entries].map(([k, x]) => `${valueKey(k)}:${valueKey(x)}`).sort().join(',')}}`;
  return `(${Object.entries(c.fields).map(([k, x]) => `${k}:${valueKey(x)}`).join(',')})`;
}
