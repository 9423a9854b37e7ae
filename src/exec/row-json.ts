// Rows ⇄ JSON-safe arrays by schema, for operator state (exact BIGINT, DECIMAL, BYTES survive the store).

import { valueFromJson, valueToJson, type Row, type Schema, type SqlType, type Value } from '../common/index.js';

export function rowToJson(row: Row, types: readonly SqlType[]): unknown[] {
  return types.map((t, i) => valueToJson(row[i] ?? null, t));
}

export function rowFromJson(json: unknown, types: readonly SqlType[]): Value[] {
  const values = json as unknown[];
  return types.map((t, i) => valueFromJson(values[i] ?? null, t));
}

export function schemaTypes(schema: Schema): SqlType[] {
  return schema.columns.map((c) => c.type);
}

/** A key's identity in a state store: the JSON text of its values (`JSON.stringify` of their JSON-safe forms). */
export function keyString(values: readonly Value[], types: readonly SqlType[]): string {
  if (values.length === 1) return `[${valueJsonText(values[0], types[0] ?? STRING)}]`;
  if (values.length === 0) return '[]';
  // One `join` makes one flat string (`[…]` around a joined text would be a rope of three, flattened again
  // on its first use as a Map key, and kept as such by the stores that keep the key).
  const parts = new Array<string>(2 * values.length + 1);
  parts[0] = '[';
  for (let i = 0; i < values.length; i++) {
    parts[2 * i + 1] = valueJsonText(values[i], types[i] ?? STRING);
    parts[2 * i + 2] = ',';
  }
  parts[parts.length - 1] = ']';
  return parts.join('');
}

/** `JSON.stringify(valueToJson(value ?? null, type))`, with NULL, BIGINT and STRING written without the detour. */
function valueJsonText(value: Value | undefined, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  if (type.kind === 'BIGINT') return `"${(value as bigint).toString()}"`;
  if (type.kind === 'STRING') return JSON.stringify(value);
  return JSON.stringify(valueToJson(value, type));
}

const STRING: SqlType = { kind: 'STRING' };

export function keyFromString(text: string, types: readonly SqlType[]): Value[] {
  return rowFromJson(JSON.parse(text), types);
}
