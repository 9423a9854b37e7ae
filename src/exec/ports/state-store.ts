// StateStore: the port through which operators keep state (implemented over SQLite by state/).

import type { MaterializedTable, MaterializedTableSpec } from './materialized-table.js';

/** Values are JSON-safe data (operators encode bigint, Decimal and bytes themselves). */
export interface KeyValueStore {
  get(key: string): unknown;
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

/** One entry of a window store: a key's state for one window. */
export interface WindowEntry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/** State per (key, window), with the range reads windows need: sessions by key, closing windows by end. */
export interface WindowStore {
  get(key: string, start: number, end: number): unknown;
  put(key: string, start: number, end: number, value: unknown): void;
  delete(key: string, start: number, end: number): void;
  /** The entries of `key` whose window meets `[from, to]` (start ≤ to and end ≥ from), by start. */
  overlapping(key: string, from: number, to: number): WindowEntry[];
  /** Every entry whose window ends at or before `bound`, by end, then start, then key. */
  endingBy(bound: number): WindowEntry[];
  /**
   * Deletes every entry whose window ends at or before `bound` at once (closed windows), as
   * `delete` of each entry `endingBy(bound)` lists would. Optional: without it, callers delete entry by entry.
   */
  deleteEndingBy?(bound: number): void;
}

/**
 * Deletes the entries ending at or before `bound` of those `endingBy` listed (which may list more):
 * with one range delete when the store has one, else entry by entry.
 */
export function deleteClosed(store: WindowStore, listed: readonly WindowEntry[], bound: number): void {
  if (store.deleteEndingBy !== undefined) {
    store.deleteEndingBy(bound);
    return;
  }
  for (const entry of listed) if (entry.end <= bound) store.delete(entry.key, entry.start, entry.end);
}

export interface StateStore {
  /** A named key-value store owned by one operator of one query. */
  keyValue(name: string): KeyValueStore;
  /** A named window store owned by one operator of one query. */
  windows(name: string): WindowStore;
  /** The SQLite table that materializes a table (read by pull queries, written by persistent ones). */
  materialized(spec: MaterializedTableSpec): MaterializedTable;
}
