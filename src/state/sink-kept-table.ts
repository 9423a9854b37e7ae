// SinkKeptTable: a materialized table whose rows its C*AS sink topic keeps, restored from that topic instead of changelog 'm' records.

import { assertNever, type FormatSpec, type Schema, type SqlType, type Value, type WindowKind } from '../common/index.js';
import { decodeWindowedKey, type MaterializedTable, type MaterializedTableSpec, type RowDecoder, type SourceRecord } from '../exec/index.js';

/**
 * The sink topic of a C*AS table carries every committed change of the table in the same Kafka
 * transaction as the query's state changelog (the sink record follows the materialize step, with
 * the row's time as its timestamp, and a tombstone for a delete). When its formats give back every
 * column exactly, the table is rebuilt from that topic (read_committed) and the changelog need not
 * hold its rows as well.
 */
export interface SinkKeptTable {
  readonly spec: MaterializedTableSpec;
  readonly topic: string;
  /** Decodes the sink's records with the table's schema and the sink's formats. */
  readonly decoder: RowDecoder;
  /** A windowed table's key layout (size: null for SESSION, whose keys hold both bounds). */
  readonly window: { readonly kind: WindowKind; readonly sizeMs: number | null } | null;
}

/** KAFKA keys hold one primitive exactly (Kafka's serializers' byte layouts). */
const KAFKA_KEY_TYPES: ReadonlySet<SqlType['kind']> = new Set(['INT', 'BIGINT', 'DOUBLE', 'STRING']);

/**
 * Whether records in these formats give back every column of `schema` exactly. JSON keys and
 * values do (BIGINT keeps its digits, DOUBLE its non-finite values, BYTES as base64, a bare single
 * value as JSON `null` rather than a tombstone) for the types `jsonKeepsType` accepts; a KAFKA key
 * does for one primitive key column. A KAFKA value does not (a null value would be a tombstone), nor does DELIMITED (an
 * empty field and a null are the same text), nor a NONE key (the key is not written).
 */
export function sinkFormatsKeepRows(schema: Schema, formats: FormatSpec): boolean {
  const keys = schema.columns.filter((c) => c.namespace === 'key');
  if (keys.length === 0 || formats.valueFormat !== 'JSON' || !schema.columns.every((c) => jsonKeepsType(c.type))) return false;
  switch (formats.keyFormat) {
    case 'JSON':
      return true;
    case 'KAFKA':
      return keys.length === 1 && KAFKA_KEY_TYPES.has((keys[0] as (typeof keys)[number]).type.kind);
    case 'DELIMITED':
    case 'NONE':
      return false;
    default:
      return assertNever(formats.keyFormat, 'key format');
  }
}

/**
 * JSON gives these back as written. Not DECIMAL: reading checks the declared precision, which a
 * computed value is not guaranteed to fit; nor MAP keys other than STRING, INT, BIGINT and BOOLEAN
 * (keys are written as text: a negative DATE key reads as a malformed date, -0.0 as 0).
 */
function jsonKeepsType(type: SqlType): boolean {
  switch (type.kind) {
    case 'DECIMAL':
      return false;
    case 'ARRAY':
      return jsonKeepsType(type.element);
    case 'MAP':
      return MAP_KEY_TYPES.has(type.key.kind) && jsonKeepsType(type.value);
    case 'STRUCT':
      return type.fields.every((f) => jsonKeepsType(f.type));
    case 'BOOLEAN':
    case 'INT':
    case 'BIGINT':
    case 'DOUBLE':
    case 'STRING':
    case 'BYTES':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return true;
    default:
      return assertNever(type, 'SQL type');
  }
}

const MAP_KEY_TYPES: ReadonlySet<SqlType['kind']> = new Set(['STRING', 'INT', 'BIGINT', 'BOOLEAN']);

/**
 * Applies sink records (in offset order per partition; a row's key and window always land in the
 * same partition) to the table: a tombstone deletes the row, any other record replaces it with the
 * record's timestamp as its ROWTIME. Records that do not decode (not written by the query) are
 * skipped and counted.
 */
export function applySinkRecords(table: MaterializedTable, kept: SinkKeptTable, records: readonly SourceRecord[]): number {
  const width = kept.spec.schema.columns.length;
  let skipped = 0;
  for (const record of records) {
    if (record.key === null) {
      skipped++;
      continue;
    }
    let key: Uint8Array = record.key;
    let window: { start: number; end: number } | undefined;
    if (kept.window !== null) {
      const split = decodeWindowedKey(key, kept.window.kind, kept.window.sizeMs);
      if (split === null) {
        skipped++;
        continue;
      }
      key = split.key;
      window = split.window;
    }
    const row = new Array<Value>(width);
    const problem = kept.decoder.decode({ ...record, key }, row);
    if (problem !== null) {
      skipped++;
      continue;
    }
    if (record.value === null) table.delete(row, window);
    else table.upsert(row, record.timestamp, window);
  }
  return skipped;
}
