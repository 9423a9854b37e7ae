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

/** `JSON.stringify(rowToJson(row, types))`: one flat string (kept in memory by join state, parsed back only when needed). */
export function rowToJsonText(row: Row, types: readonly SqlType[]): string {
  return JSON.stringify(rowToJson(row, types));
}

/** A key's identity in a state store: the JSON text of its values (`JSON.stringify` of their JSON-safe forms). */
export function keyString(values: readonly Value[], types: readonly SqlType[]): string {
  let text = '[';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += ',';
    text += valueJsonText(values[i], types[i] ?? STRING);
  }
  return `${text}]`;
}

/** `JSON.stringify(valueToJson(value ?? null, type))`, with BIGINT and STRING written without the detour. */
export function valueJsonText(value: Value | undefined, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  if (type.kind === 'BIGINT') return `"${(value as bigint).toString()}"`;
  if (type.kind === 'STRING') return JSON.stringify(value);
  return JSON.stringify(valueToJson(value, type));
}

const STRING: SqlType = { kind: 'STRING' };

export function keyFromString(text: string, types: readonly SqlType[]): Value[] {
  return rowFromJson(JSON.parse(text), types);
}
