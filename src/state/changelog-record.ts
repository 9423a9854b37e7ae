// Changelog records: how one state entry (key-value, window, materialized row) is written to and read from a changelog topic.

import { valueFromJson, valueToJson, type Row, type Value, type WindowBounds } from '../common/index.js';
import type { MaterializedTable, MaterializedTableSpec, SourceRecord } from '../exec/index.js';

/**
 * The record key names the entry (so a compacted changelog keeps each entry's last value); the
 * value is its state, or null when it was deleted (a tombstone).
 * - key-value store: key `["kv", store, key]`, value the stored JSON
 * - window store: key `["w", store, key, start, end]`, value the stored JSON
 * - materialized table: key `["m", table, [key values], windowStart, windowEnd]`, value `{ row, rowtime }`
 */
export type ChangelogEntry =
  | { readonly kind: 'kv'; readonly store: string; readonly key: string; readonly value: unknown }
  | { readonly kind: 'w'; readonly store: string; readonly key: string; readonly start: number; readonly end: number; readonly value: unknown }
  | { readonly kind: 'm'; readonly table: string; readonly keyJson: unknown[]; readonly window: WindowBounds | null; readonly value: MaterializedValue | null };

export interface MaterializedValue {
  /** Every column of the table's schema, as JSON-safe data by type. */
  readonly row: unknown[];
  readonly rowtime: number;
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

export function kvRecordKey(store: string, key: string): string {
  return JSON.stringify(['kv', store, key]);
}

export function windowRecordKey(store: string, key: string, start: number, end: number): string {
  return JSON.stringify(['w', store, key, start, end]);
}

/** The key of a materialized row: its key columns (laid out by the spec) and window. */
export function materializedRecordKey(spec: MaterializedTableSpec, row: Row, window: WindowBounds | undefined | null): string {
  const keys: unknown[] = [];
  spec.schema.columns.forEach((c, i) => {
    if (c.namespace === 'key') keys.push(valueToJson(row[i] ?? null, c.type));
  });
  return JSON.stringify(['m', spec.name, keys, window?.start ?? null, window?.end ?? null]);
}

export function materializedRecordValue(spec: MaterializedTableSpec, row: Row, rowtime: number): string {
  const value: MaterializedValue = { row: spec.schema.columns.map((c, i) => valueToJson(row[i] ?? null, c.type)), rowtime };
  return JSON.stringify(value);
}

export function encodeText(text: string | null): Uint8Array | null {
  return text === null ? null : utf8(text);
}

/** Reads one changelog record; null for a record this version does not know (skipped). */
export function decodeChangelogRecord(record: SourceRecord): ChangelogEntry | null {
  if (record.key === null) return null;
  const key = JSON.parse(Buffer.from(record.key).toString('utf8')) as unknown[];
  const value = record.value === null ? null : (JSON.parse(Buffer.from(record.value).toString('utf8')) as unknown);
  switch (key[0]) {
    case 'kv':
      return { kind: 'kv', store: String(key[1]), key: String(key[2]), value };
    case 'w':
      return { kind: 'w', store: String(key[1]), key: String(key[2]), start: Number(key[3]), end: Number(key[4]), value };
    case 'm': {
      const window = key[3] === null || key[3] === undefined ? null : { start: Number(key[3]), end: Number(key[4]) };
      return { kind: 'm', table: String(key[1]), keyJson: key[2] as unknown[], window, value: value as MaterializedValue | null };
    }
    default:
      return null;
  }
}

/** A materialized row from its changelog entry: the whole row, or (a tombstone) just its key columns. */
export function materializedRow(spec: MaterializedTableSpec, entry: { keyJson: unknown[]; value: MaterializedValue | null }): Row {
  const columns = spec.schema.columns;
  if (entry.value !== null) {
    const stored = entry.value.row;
    return columns.map((c, i) => valueFromJson(stored[i] ?? null, c.type));
  }
  const row: Value[] = new Array<Value>(columns.length).fill(null);
  let k = 0;
  columns.forEach((c, i) => {
    if (c.namespace === 'key') row[i] = valueFromJson(entry.keyJson[k++] ?? null, c.type);
  });
  return row;
}

/** Applies a materialized row's changelog entry to its table: an upsert, or a delete for a tombstone. */
export function applyMaterializedEntry(table: MaterializedTable, spec: MaterializedTableSpec, entry: Extract<ChangelogEntry, { kind: 'm' }>): void {
  const window = entry.window ?? undefined;
  if (entry.value === null) table.delete(materializedRow(spec, entry), window);
  else table.upsert(materializedRow(spec, entry), entry.value.rowtime, window);
}
