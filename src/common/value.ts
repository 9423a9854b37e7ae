// Value: the runtime representation of SQL values, and their canonical text form.
//
//   BOOLEAN → boolean            INT → number (32-bit integer)     BIGINT → bigint (exact)
//   DOUBLE → number              DECIMAL → Decimal (exact)         STRING → string
//   BYTES → Uint8Array           DATE → number (days since 1970-01-01)
//   TIME → number (milliseconds since midnight)                    TIMESTAMP → number (epoch ms, no zone)
//   ARRAY → readonly Value[]     MAP → ValueMap (primitive keys)   STRUCT → ValueStruct (declared field names)
//   NULL → null. A lambda passed to a function (TRANSFORM, FILTER, REDUCE) is a LambdaValue.

import { Decimal } from './decimal.js';
import type { SqlType } from './sql-type.js';
import { formatDate, formatTime, formatTimestamp } from './temporal-text.js';

export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Decimal
  | Uint8Array
  | readonly Value[]
  | ValueMap
  | ValueStruct;

/** Map keys are primitive values (JS Map compares them by value, bigint included). */
export type MapKey = string | number | bigint | boolean;

export interface ValueMap {
  readonly kind: 'map';
  readonly entries: ReadonlyMap<MapKey, Value>;
}

/** A lambda argument at run time: called with one value per lambda parameter. */
export type LambdaValue = (...args: Value[]) => Value;

export interface ValueStruct {
  readonly kind: 'struct';
  readonly fields: Readonly<Record<string, Value>>;
}

/** A positional row: values laid out by the schema of the operator that produced it. */
export type Row = readonly Value[];

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function isInt32(n: number): boolean {
  return Number.isInteger(n) && n >= INT_MIN && n <= INT_MAX;
}

/** Java's text for a double: `1.0`, `13.54`, `1.0E10`, `NaN`, `Infinity`. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(n, -0)) return '-0.0';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) {
    const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
    const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${m}E${exponent.replace('+', '')}`;
  }
  const text = String(n);
  return text.includes('.') ? text : `${text}.0`;
}

/** The value as the CLI and golden files show it; with its type, DOUBLEs print as Java does (`4.0`, `1.0E10`). */
export function formatValue(value: Value, type?: SqlType): string {
  if (typeof value === 'number' && type !== undefined) {
    if (type.kind === 'DOUBLE') return formatDouble(value);
    if (type.kind === 'DATE') return formatDate(value);
    if (type.kind === 'TIME') return formatTime(value);
    if (type.kind === 'TIMESTAMP') return formatTimestamp(value);
  }
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatDouble(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (value instanceof Decimal) return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) {
    const element = type?.kind === 'ARRAY' ? type.element : undefined;
    return `[${(value as readonly Value[]).map((v) => formatValue(v, element)).join(', ')}]`;
  }
  const composite = value as ValueMap | ValueStruct;
  if (composite.kind === 'map') {
    const [k, v] = type?.kind === 'MAP' ? [type.key, type.value] : [undefined, undefined];
    return `{${[...composite.entries].map(([key, e]) => `${formatValue(key, k)}=${formatValue(e, v)}`).join(', ')}}`;
  }
  const fieldType = (name: string) => (type?.kind === 'STRUCT' ? type.fields.find((f) => f.name === name)?.type : undefined);
  return `{${Object.entries(composite.fields).map(([k, v]) => `${k}=${formatValue(v, fieldType(k))}`).join(', ')}}`;
}
