// JoinBuffer: one side of a stream-stream join's buffered records — in memory over its window store, or the store itself.

import type { Row } from '../../common/index.js';
import type { WindowStore } from '../ports/state-store.js';
import { EntryHeap } from './entry-heap.js';

/** One buffered record: its JSON-safe form (as stored), its row once decoded, whether it has joined yet. */
export interface BufferedRow {
  readonly json: unknown[];
  row: Row | undefined;
  matched: boolean;
}

/** The records of one side with one key and one event time (`start`); `end` is when they can no longer match. */
export interface BufferEntry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly rows: BufferedRow[];
}

/** How a bucket is stored in the window store (unchanged since the first version: stored state stays readable). */
interface StoredBucket {
  readonly rows: readonly { readonly row: unknown[]; readonly matched: boolean }[];
}

/** The buffered records of one side: what the join probes, adds to and expires. */
export interface JoinBuffer {
  /** Buffered records in all entries. */
  readonly size: number;
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

/** The entry's value in the window store. */
function stored(entry: BufferEntry): StoredBucket {
  return { rows: entry.rows.map((r) => ({ row: r.json, matched: r.matched })) };
}

function buffered(value: unknown): BufferedRow[] {
  return (value as StoredBucket).rows.map((r) => ({ json: r.row, row: undefined, matched: r.matched }));
}

interface MemoryEntry extends BufferEntry {
  /** Whether the store holds this entry (a version of it). */
  inStore: boolean;
  /** Whether it changed (or closed) since the last flush. */
  dirty: boolean;
  closed: boolean;
}

/**
 * All of a side's entries in memory, indexed by key and by end, loaded once from the store. Writes are
 * coalesced: `flush` puts each entry that changed once and deletes the closed ones the store holds (an
 * entry that opened and closed between two flushes never reaches the store).
 */
export class MemoryJoinBuffer implements JoinBuffer {
  private readonly byKey = new Map<string, MemoryEntry[]>();
  private readonly byEnd = new EntryHeap<MemoryEntry>();
  private changed: MemoryEntry[] = [];
  size = 0;

  /** Every entry of `store`. */
  static load(store: WindowStore): MemoryJoinBuffer {
    const buffer = new MemoryJoinBuffer();
    for (const e of store.endingBy(Number.MAX_SAFE_INTEGER)) {
      buffer.insert({ key: e.key, start: e.start, end: e.end, rows: buffered(e.value), inStore: true, dirty: false, closed: false });
    }
    return buffer;
  }

  matching(key: string, from: number, to: number): readonly BufferEntry[] {
    const entries = this.byKey.get(key);
    if (entries === undefined) return NONE;
    let found: MemoryEntry[] | undefined;
    for (const e of entries) {
      if (e.start > to) break;
      if (e.start >= from) (found ??= []).push(e);
    }
    return found ?? NONE;
  }

  add(key: string, start: number, end: number, json: unknown[], matched: boolean): void {
    const entries = this.byKey.get(key);
    let entry = entries?.find((e) => e.start === start && e.end === end);
    if (entry === undefined) {
      entry = { key, start, end, rows: [], inStore: false, dirty: false, closed: false };
      this.insert(entry);
    }
    entry.rows.push({ json, row: undefined, matched });
    this.size += 1;
    this.touch(entry);
  }

  touch(entry: BufferEntry): void {
    const e = entry as MemoryEntry;
    if (!e.dirty) {
      e.dirty = true;
      this.changed.push(e);
    }
  }

  closeBy(bound: number): BufferEntry[] {
    const closed: MemoryEntry[] = [];
    for (let e = this.byEnd.peek(); e !== undefined && e.end <= bound; e = this.byEnd.peek()) {
      this.byEnd.pop();
      const entries = this.byKey.get(e.key) ?? [];
      entries.splice(entries.indexOf(e), 1);
      if (entries.length === 0) this.byKey.delete(e.key);
      this.size -= e.rows.length;
      e.closed = true;
      this.touch(e);
      closed.push(e);
    }
    return closed;
  }

  flush(store: WindowStore): void {
    for (const e of this.changed) {
      e.dirty = false;
      if (e.closed) {
        if (e.inStore) store.delete(e.key, e.start, e.end);
      } else {
        store.put(e.key, e.start, e.end, stored(e));
      }
      e.inStore = !e.closed;
    }
    this.changed = [];
  }

  private insert(entry: MemoryEntry): void {
    let entries = this.byKey.get(entry.key);
    if (entries === undefined) {
      entries = [];
      this.byKey.set(entry.key, entries);
    }
    // By start, then end, as the store reads them; entries mostly arrive in order, so search from the back.
    let i = entries.length;
    while (i > 0 && startsAfter(entries[i - 1] as MemoryEntry, entry)) i -= 1;
    entries.splice(i, 0, entry);
    this.byEnd.push(entry);
    this.size += entry.rows.length;
  }
}

/**
 * The store itself, read and written per record (a side with more buffered records than the join keeps
 * in memory). The entries it returns are fresh copies; `touch` and `add` write at once.
 */
export class StoredJoinBuffer implements JoinBuffer {
  readonly size = 0;

  constructor(private readonly store: WindowStore) {}

  matching(key: string, from: number, to: number): readonly BufferEntry[] {
    return this.store
      .overlapping(key, from, to)
      .filter((e) => e.start >= from && e.start <= to)
      .map((e) => ({ key: e.key, start: e.start, end: e.end, rows: buffered(e.value) }));
  }

  add(key: string, start: number, end: number, json: unknown[], matched: boolean): void {
    const value = this.store.get(key, start, end);
    const rows = value === undefined ? [] : buffered(value);
    rows.push({ json, row: undefined, matched });
    this.touch({ key, start, end, rows });
  }

  touch(entry: BufferEntry): void {
    this.store.put(entry.key, entry.start, entry.end, stored(entry));
  }

  closeBy(bound: number): BufferEntry[] {
    const closed = this.store.endingBy(bound);
    for (const e of closed) this.store.delete(e.key, e.start, e.end);
    return closed.map((e) => ({ key: e.key, start: e.start, end: e.end, rows: buffered(e.value) }));
  }

  flush(): void {
    // Every change was written when it happened.
  }
}

function startsAfter(a: BufferEntry, b: BufferEntry): boolean {
  return a.start > b.start || (a.start === b.start && a.end > b.end);
}

const NONE: readonly BufferEntry[] = [];
