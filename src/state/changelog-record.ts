// Changelog records: how one state entry (key-value, window, materialized row) is written to and read from a changelog topic.

import { valueFromJson, valueToJson, type Row, type SqlType, type Value, type WindowBounds } from '../common/index.js';
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

export function kvRecordKey(store: string, key: string): string {
  return JSON.stringify(['kv', store, key]);
}

/**
 * The start of a window store's record keys: `windowRecordKey(prefix, …)` then equals
 * `JSON.stringify(['w', store, key, start, end])` (window bounds are integers, which a template
 * prints as JSON does) without building an array per entry.
 */
export function windowRecordKeyPrefix(store: string): string {
  return `["w",${JSON.stringify(store)},`;
}

export function windowRecordKey(prefix: string, key: string, start: number, end: number): string {
  return `${prefix}${JSON.stringify(key)},${start},${end}]`;
}

/** Writes a materialized table's rows as changelog keys and values, with the spec's key columns found once. */
export class MaterializedRecordEncoder {
  private readonly prefix: string;
  private readonly keyColumns: readonly number[];
  private readonly types: readonly SqlType[];

  constructor(spec: MaterializedTableSpec) {
    this.prefix = `["m",${JSON.stringify(spec.name)},`;
    this.types = spec.schema.columns.map((c) => c.type);
    this.keyColumns = spec.schema.columns.flatMap((c, i) => (c.namespace === 'key' ? [i] : []));
  }

  /** `["m", table, [key values], windowStart, windowEnd]` */
  key(row: Row, window: WindowBounds | undefined | null): string {
    const keys: unknown[] = [];
    for (const i of this.keyColumns) keys.push(valueToJson(row[i] ?? null, this.types[i]!));
    const bounds = window === undefined || window === null ? 'null,null' : `${window.start},${window.end}`;
    return `${this.prefix}${JSON.stringify(keys)},${bounds}]`;
  }

  /** `{ row, rowtime }`: every column as JSON-safe data by type. */
  value(row: Row, rowtime: number): string {
    const types = this.types;
    const values: unknown[] = new Array<unknown>(types.length);
    for (let i = 0; i < types.length; i++) values[i] = valueToJson(row[i] ?? null, types[i]!);
    const value: MaterializedValue = { row: values, rowtime };
    return JSON.stringify(value);
  }
}

/** A changelog key or value as the bytes of a record (a Buffer is a Uint8Array: no second copy). */
export function encodeText(text: string | null): Uint8Array | null {
  return text === null ? null : Buffer.from(text, 'utf8');
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
