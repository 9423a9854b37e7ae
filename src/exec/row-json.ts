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

/** A key's identity in a state store: the JSON text of its values. */
export function keyString(values: readonly Value[], types: readonly SqlType[]): string {
  return JSON.stringify(values.map((v, i) => valueToJson(v, types[i] ?? { kind: 'STRING' })));
}

export function keyFromString(text: string, types: readonly SqlType[]): Value[] {
  return rowFromJson(JSON.parse(text), types);
}
