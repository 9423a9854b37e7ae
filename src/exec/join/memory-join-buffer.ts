// MemoryJoinBuffer: one join side's buffered records in memory, stored as one window-store entry per batch (a segment).

import type { WindowStore } from '../ports/state-store.js';
import { EntryHeap } from './entry-heap.js';
import { bucketValue, type BufferEntry, type BufferedRow, type JoinBuffer, type StoredBucket, type StoredIn } from './join-buffer.js';

interface MemoryEntry extends BufferEntry {
  readonly rows: MemoryRow[];
  closed: boolean;
}

/** A buffered record with the entry it is in (a segment lists its records so: no object per record besides it). */
interface MemoryRow extends BufferedRow {
  readonly entry: MemoryEntry;
}

/**
 * A window-store entry holding buffered records: a segment (key `#<n>`, the records one flush added, from
 * the earliest event time to the latest end) or a bucket of the first layout (one key and event time).
 */
interface Segment extends StoredIn {
  id: string | undefined;
  start: number;
  end: number;
  readonly bucket: boolean;
  readonly rows: MemoryRow[];
  inStore: boolean;
  dirty: boolean;
}

/** A segment's value: its open records as [key, start, end, row, matched]. */
interface StoredSegment {
  readonly records: readonly (readonly [string, number, number, unknown[], boolean])[];
}

/** Segment numbers, shared by both sides of a join and kept with its stream time. */
export interface SegmentIds {
  next: number;
}

/**
 * All of a side's open records in memory, indexed by key and by end, loaded once from the store. The records
 * one flush adds are written as one segment entry, which is rewritten only when an outer side's matched flags
 * change and deleted when its last record closes; a record that closed is left in its segment until then
 * (loading skips records that ended before the stream time).
 */
export class MemoryJoinBuffer implements JoinBuffer {
  private readonly byKey = new Map<string, MemoryEntry[]>();
  private readonly byEnd = new EntryHeap<MemoryEntry>();
  private changed: Segment[] = [];
  private current: Segment | undefined;
  size = 0;

  private constructor(private readonly ids: SegmentIds) {}

  /** The records of `store` still open at `streamTime`. */
  static load(store: WindowStore, streamTime: number, ids: SegmentIds): MemoryJoinBuffer {
    const buffer = new MemoryJoinBuffer(ids);
    const entries = store.endingBy(Number.MAX_SAFE_INTEGER);
    // Arrival order: first-layout buckets (older than any segment), then segments by number.
    const segments = entries.filter((e) => e.key.startsWith('#')).sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)));
    for (const e of entries) {
      if (e.key.startsWith('#')) continue;
      const segment = buffer.segment(e.key, e.start, e.end, true);
      for (const r of (e.value as StoredBucket).rows) buffer.place(segment, e.key, e.start, e.end, r.row, r.matched);
    }
    for (const e of segments) {
      const segment = buffer.segment(e.key, e.start, e.end, false);
      for (const [key, start, end, json, matched] of (e.value as StoredSegment).records) {
        if (end >= streamTime) buffer.place(segment, key, start, end, json, matched);
      }
      if (segment.live === 0) buffer.mark(segment);
    }
    return buffer;
  }

  /** The end of the entry to close next (+∞ when none is buffered). */
  get earliestEnd(): number {
    return this.byEnd.peek()?.end ?? Number.POSITIVE_INFINITY;
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
    let segment = this.current;
    if (segment === undefined) {
      segment = this.segment(undefined, start, end, false);
      this.current = segment;
      this.mark(segment);
    }
    segment.start = Math.min(segment.start, start);
    segment.end = Math.max(segment.end, end);
    this.place(segment, key, start, end, json, matched);
  }

  touch(entry: BufferEntry): void {
    for (const r of entry.rows) if (r.storedIn !== undefined) this.mark(r.storedIn as Segment);
  }

  closeBy(bound: number): BufferEntry[] {
    const closed: MemoryEntry[] = [];
    for (let e = this.byEnd.peek(); e !== undefined && e.end <= bound; e = this.byEnd.peek()) {
      this.byEnd.pop();
      const entries = this.byKey.get(e.key) ?? [];
      entries.splice(entries.indexOf(e), 1);
      if (entries.length === 0) this.byKey.delete(e.key);
      e.closed = true;
      this.size -= e.rows.length;
      for (const r of e.rows) {
        const segment = r.storedIn as Segment;
        segment.live -= 1;
        if (segment.live === 0) this.mark(segment);
      }
      closed.push(e);
    }
    return closed;
  }

  flush(store: WindowStore): void {
    for (const s of this.changed) {
      s.dirty = false;
      if (s.live === 0) {
        if (s.inStore && s.id !== undefined) store.delete(s.id, s.start, s.end);
        s.inStore = false;
        continue;
      }
      s.id ??= `#${this.ids.next++}`;
      store.put(s.id, s.start, s.end, s.bucket ? bucketValue(s.rows) : segmentValue(s));
      s.inStore = true;
    }
    this.changed = [];
    this.current = undefined;
  }

  /** Rewrites the store in the first layout, a bucket per open (key, event time), for reading it per record. */
  toBuckets(store: WindowStore): void {
    this.flush(store);
    const segments = new Set<Segment>();
    for (const entries of this.byKey.values()) {
      for (const e of entries) {
        store.put(e.key, e.start, e.end, bucketValue(e.rows));
        for (const r of e.rows) segments.add(r.storedIn as Segment);
      }
    }
    for (const s of segments) if (!s.bucket && s.inStore && s.id !== undefined) store.delete(s.id, s.start, s.end);
  }

  private segment(id: string | undefined, start: number, end: number, bucket: boolean): Segment {
    return { id, start, end, bucket, rows: [], live: 0, inStore: id !== undefined, dirty: false };
  }

  private mark(segment: Segment): void {
    if (!segment.dirty) {
      segment.dirty = true;
      this.changed.push(segment);
    }
  }

  /** Adds a record to its entry (created if needed) and to its segment. */
  private place(segment: Segment, key: string, start: number, end: number, json: unknown[], matched: boolean): void {
    let entries = this.byKey.get(key);
    if (entries === undefined) {
      entries = [];
      this.byKey.set(key, entries);
    }
    let entry = entries.length === 0 ? undefined : entries.find((e) => e.start === start && e.end === end);
    if (entry === undefined) {
      entry = { key, start, end, rows: [], closed: false };
      // By start, then end, as the store reads them; entries mostly arrive in order, so search from the back.
      let i = entries.length;
      while (i > 0 && startsAfter(entries[i - 1] as MemoryEntry, entry)) i -= 1;
      entries.splice(i, 0, entry);
      this.byEnd.push(entry);
    }
    const row: MemoryRow = { json, row: undefined, matched, storedIn: segment, entry };
    entry.rows.push(row);
    segment.rows.push(row);
    segment.live += 1;
    this.size += 1;
  }
}

function segmentValue(segment: Segment): StoredSegment {
  const records: [string, number, number, unknown[], boolean][] = [];
  for (const row of segment.rows) {
    const entry = row.entry;
    if (!entry.closed) records.push([entry.key, entry.start, entry.end, row.json, row.matched]);
  }
  return { records };
}

function startsAfter(a: BufferEntry, b: BufferEntry): boolean {
  return a.start > b.start || (a.start === b.start && a.end > b.end);
}

const NONE: readonly BufferEntry[] = [];
