// Test helper: calls a scalar function as a compiled query would — overload resolution, widening casts, NULL rule.

import { Decimal, decimalType, formatValue, SqlTypes, type SqlType, type Value } from '../../../src/common/index.js';
import { implementationFor, resolveCall, type CallArg } from '../../../src/functions/index.js';

export const T = {
  ...SqlTypes,
  decimal: decimalType,
  array: (element: SqlType): SqlType => ({ kind: 'ARRAY', element }),
  map: (key: SqlType, value: SqlType): SqlType => ({ kind: 'MAP', key, value }),
} as const;

/** The widening cast the analyzer inserts (INT → BIGINT / DECIMAL / DOUBLE, …). */
function widen(v: Value, to: SqlType): Value {
  if (v === null) return null;
  if (to.kind === 'BIGINT' && typeof v === 'number') return BigInt(v);
  if (to.kind === 'DOUBLE' && (typeof v === 'bigint' || v instanceof Decimal)) return Number(v.toString());
  if (to.kind === 'DECIMAL' && !(v instanceof Decimal)) return Decimal.parse((v as number | bigint).toString()).rescale(to.scale);
  return v;
}

/** Resolves `name` for `types`, casts the values, applies the NULL rule and invokes the implementation. */
export function call(name: string, types: readonly CallArg[], ...values: Value[]): Value {
  const resolved = resolveCall(name, types);
  const args = values.map((v, i) => widen(v, resolved.paramTypes[i] ?? { kind: 'STRING' }));
  if (resolved.fn.callOnNull !== true && args.some((a) => a === null)) return null;
  return implementationFor(resolved.fn, resolved.paramTypes)(args);
}

/** The result type `name` has for argument types `types`, as text. */
export function returnType(name: string, ...types: CallArg[]): string {
  const t = resolveCall(name, types).returnType;
  return formatType(t);
}

function formatType(t: SqlType): string {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY':
      return `ARRAY<${formatType(t.element)}>`;
    case 'MAP':
      return `MAP<${formatType(t.key)}, ${formatType(t.value)}>`;
    case 'STRUCT':
      return `STRUCT<${t.fields.map((f) => `${f.name} ${formatType(f.type)}`).join(', ')}>`;
    default:
      return t.kind;
  }
}

export const dec = (text: string): Decimal => Decimal.parse(text);
export const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
export const map = (entries: Record<string, Value>): Value => ({ kind: 'map', entries: new Map(Object.entries(entries)) });

/** A value as text (DECIMALs with their scale: `1.240`). */
export const text = (v: Value): string => formatValue(v);
