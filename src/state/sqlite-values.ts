// SQLite values of materialized tables: the declared column type per SQL type, and value conversions.

import { Decimal, valueFromJson, valueToJson, type SqlType, type Value } from '../common/index.js';

export type SqliteValue = null | number | bigint | string | Buffer;

/**
 * The declared type of a column, chosen so SQLite's type affinity keeps values exact: DECIMAL is
 * TEXT (NUMERIC affinity would round it to a double), ARRAY/MAP/STRUCT are JSON TEXT.
 */
export function sqliteColumnType(type: SqlType): string {
  switch (type.kind) {
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'INT':
    case 'BIGINT':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return 'INTEGER';
    case 'DOUBLE':
      return 'REAL';
    case 'BYTES':
      return 'BLOB';
    case 'DECIMAL':
    case 'STRING':
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      return 'TEXT';
  }
}

export function toSqlite(value: Value, type: SqlType): SqliteValue {
  if (value === null) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      return value === true ? 1 : 0;
    case 'DECIMAL':
      return (value as Decimal).toString();
    case 'BYTES':
      return Buffer.from(value as Uint8Array);
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      return JSON.stringify(valueToJson(value, type));
    case 'INT':
    case 'BIGINT':
    case 'DOUBLE':
    case 'STRING':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return value as number | bigint | string;
  }
}

/** Reads a value written by `toSqlite`; integers arrive as bigint (statements read with safeIntegers). */
export function fromSqlite(raw: unknown, type: SqlType): Value {
  if (raw === null || raw === undefined) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      return Number(raw) !== 0;
    case 'BIGINT':
      return BigInt(raw as bigint | number);
    case 'INT':
    case 'DOUBLE':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return Number(raw);
    case 'DECIMAL':
      return Decimal.parse(raw as string).rescale(type.scale);
    case 'STRING':
      return raw as string;
    case 'BYTES':
      return new Uint8Array(raw as Buffer);
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      return valueFromJson(JSON.parse(raw as string), type);
  }
}

/** A SQL identifier in double quotes (names keep their case, as Eddy's names do). */
export function quoteSqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
