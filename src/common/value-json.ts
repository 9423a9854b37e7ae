// Value ⇄ JSON-safe data by SQL type: how state stores and SQLite TEXT columns keep values exactly.

import { Decimal } from './decimal.js';
import type { SqlType } from './sql-type.js';
import type { MapKey, Value, ValueMap, ValueStruct } from './value.js';

/**
 * BIGINT and DECIMAL become their exact text, BYTES base64, non-finite DOUBLEs their name,
 * MAPs `[key, value]` pairs, STRUCTs objects; everything else is already JSON.
 */
export function valueToJson(value: Value, type: SqlType): unknown {
  if (value === null) return null;
  switch (type.kind) {
    case 'BIGINT':
      return (value as bigint).toString();
    case 'DECIMAL':
      return (value as Decimal).toString();
    case 'DOUBLE':
      return Number.isFinite(value) ? value : (value as number).toString();
    case 'BYTES':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'ARRAY':
      return (value as readonly Value[]).map((v) => valueToJson(v, type.element));
    case 'MAP':
      return [...(value as ValueMap).entries].map(([k, v]) => [valueToJson(k, type.key), valueToJson(v, type.value)]);
    case 'STRUCT': {
      const fields = (value as ValueStruct).fields;
      return Object.fromEntries(type.fields.map((f) => [f.name, valueToJson(fields[f.name] ?? null, f.type)]));
    }
    case 'BOOLEAN':
    case 'INT':
    case 'STRING':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return value;
  }
}

export function valueFromJson(json: unknown, type: SqlType): Value {
  if (json === null || json === undefined) return null;
  switch (type.kind) {
    case 'BIGINT':
      return BigInt(json as string);
    case 'DECIMAL':
      return Decimal.parse(json as string).rescale(type.scale);
    case 'DOUBLE':
      return typeof json === 'string' ? Number(json) : (json as number);
    case 'BYTES':
      return new Uint8Array(Buffer.from(json as string, 'base64'));
    case 'ARRAY':
      return (json as unknown[]).map((v) => valueFromJson(v, type.element));
    case 'MAP':
      return {
        kind: 'map',
        entries: new Map((json as [unknown, unknown][]).map(([k, v]) => [valueFromJson(k, type.key) as MapKey, valueFromJson(v, type.value)])),
      };
    case 'STRUCT': {
      const obj = json as Record<string, unknown>;
      return { kind: 'struct', fields: Object.fromEntries(type.fields.map((f) => [f.name, valueFromJson(obj[f.name], f.type)])) };
    }
    case 'BOOLEAN':
    case 'INT':
    case 'STRING':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return json as Value;
  }
}
