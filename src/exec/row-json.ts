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
  if (values.length === 1) {
    const single = singleKeyString(values[0] ?? null, types[0]);
    if (single !== null) return single;
  }
  return JSON.stringify(values.map((v, i) => valueToJson(v, types[i] ?? { kind: 'STRING' })));
}

/**
 * The text the general path gives a lone BIGINT, INT or STRING (`["12"]`, `[12]`, `["a"]`), spelled out
 * without its two arrays (a stream-table join keys every stream record); null for anything else.
 */
function singleKeyString(v: Value, type: SqlType | undefined): string | null {
  switch (type?.kind) {
    case 'BIGINT':
      return typeof v === 'bigint' ? `["${v.toString()}"]` : null;
    case 'INT':
      return typeof v === 'number' ? `[${JSON.stringify(v)}]` : null;
    case 'STRING':
      return typeof v === 'string' ? `[${JSON.stringify(v)}]` : null;
    default:
      return null;
  }
}

export function keyFromString(text: string, types: readonly SqlType[]): Value[] {
  return rowFromJson(JSON.parse(text), types);
}
