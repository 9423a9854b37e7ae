// JoinBuffer: one side of a stream-stream join's buffered records, probed, added to and expired per record.

import type { Row } from '../../common/index.js';
import { deleteClosed, type WindowStore } from '../ports/state-store.js';

/** Where a buffered record is stored (a segment of the memory buffer; none for the stored buffer). */
export interface StoredIn {
  /** Records of it not closed yet. */
  live: number;
}

/** One buffered record: its JSON-safe form (as stored), its row once decoded, whether it has joined yet. */
export interface BufferedRow {
  readonly json: unknown[];
  row: Row | undefined;
  matched: boolean;
  readonly storedIn: StoredIn | undefined;
}

/** The records of one side with one key and one event time (`start`); `end` is when they can no longer match. */
export interface BufferEntry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly rows: BufferedRow[];
}

/** The buffered records of one side: what the join probes, adds to and expires. */
export interface JoinBuffer {
  /** Buffered records in all entries. */
  readonly size: number;
  /** No entry ends before it (−∞ when the buffer does not know: `closeBy` must look). */
  readonly earliestEnd: number;
  /** The entries of `key` whose event time is in `[from, to]`, by start (then end). */
  matching(key: string, from: number, to: number): readonly BufferEntry[];
  /** Adds a record to the entry (key, start, end), creating it if needed. */
  add(key: string, start: number, end: number, json: unknown[], matched: boolean): void;
  /** The entry's rows changed (matched flags). */
  touch(entry: BufferEntry): void;
  /** Removes and returns the entries ending at or before `bound`, by end, then start, then key. */
  closeBy(bound: number): BufferEntry[];
  /** Writes what changed since the last flush to the store (the batch must call it before it commits). */
  flush(store: WindowStore): void;
}

/** A bucket as stored by the first layout: the records of one key and event time, an entry per (key, start, end). */
export interface StoredBucket {
  readonly rows: readonly { readonly row: unknown[]; readonly matched: boolean }[];
}

export function bucketValue(rows: readonly BufferedRow[]): StoredBucket {
  return { rows: rows.map((r) => ({ row: r.json, matched: r.matched })) };
}

/**
 * The store itself, in the bucket layout, read and written per record (a side with more buffered records
 * than the join keeps in memory). The entries it returns are fresh copies; `touch` and `add` write at once.
 */
export class StoredJoinBuffer implements JoinBuffer {
  readonly size = 0;
  readonly earliestEnd = Number.NEGATIVE_INFINITY;

  constructor(private readonly store: WindowStore) {}

  matching(key: string, from: number, to: number): readonly BufferEntry[] {
    return this.store
      .overlapping(key, from, to)
      .filter((e) => e.start >= from && e.start <= to)
      .map((e) => ({ key: e.key, start: e.start, end: e.end, rows: rowsOf(e.value) }));
  }

  add(key: string, start: number, end: number, json: unknown[], matched: boolean): void {
    const value = this.store.get(key, start, end);
    const rows = value === undefined ? [] : rowsOf(value);
    rows.push({ json, row: undefined, matched, storedIn: undefined });
    this.touch({ key, start, end, rows });
  }

  touch(entry: BufferEntry): void {
    this.store.put(entry.key, entry.start, entry.end, bucketValue(entry.rows));
  }

  closeBy(bound: number): BufferEntry[] {
    const closed = this.store.endingBy(bound);
    deleteClosed(this.store, closed, bound);
    return closed.map((e) => ({ key: e.key, start: e.start, end: e.end, rows: rowsOf(e.value) }));
  }

  flush(): void {
    // Every change was written when it happened.
  }
}

function rowsOf(value: unknown): BufferedRow[] {
  return (value as StoredBucket).rows.map((r) => ({ json: r.row, row: undefined, matched: r.matched, storedIn: undefined }));
}
