// MemoryJoinBuffer: one join side's buffered records in memory, stored as one window-store entry per batch (a segment).

import type { WindowStore } from '../ports/state-store.js';
import { EntryQueue } from './entry-queue.js';
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

/** A segment's value as the first segment layout wrote it: its open records as [key, start, end, row, matched]. */
interface StoredSegment {
  readonly records: readonly (readonly [string, number, number, unknown[], boolean])[];
}

/**
 * A segment's value in the compact layout: its open records as a flat list of (start − the segment's start, row)
 * pairs, the positions (in records) of the matched ones if any, and their keys unless the side computes them
 * from the row (`SideLayout.keyOf`). A record's end is its start plus the side's reach, so it is not stored.
 */
interface CompactSegment {
  readonly v: 2;
  readonly r: readonly (number | unknown[])[];
  readonly m?: readonly number[];
  readonly k?: readonly string[];
}

/** What the compact layout leaves out of a stored record, computed again on loading. */
export interface SideLayout {
  /** A record's end minus its start: how far the window reaches past its event time, plus the grace period. */
  readonly reach: number;
  /**
   * The join key of a stored row, when the key expressions give the same key every time they are evaluated
   * (never NULL: records with a NULL key are not buffered); without it, keys are stored.
   */
  readonly keyOf: ((json: unknown[]) => string) | undefined;
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
  /** A key's entries by start, then end: the entry itself while it is the key's only one (most keys), else a list. */
  private readonly byKey = new Map<string, MemoryEntry | MemoryEntry[]>();
  private readonly byEnd = new EntryQueue<MemoryEntry>();
  private changed: Segment[] = [];
  private current: Segment | undefined;
  size = 0;

  private constructor(
    private readonly ids: SegmentIds,
    private readonly layout: SideLayout,
  ) {}

  /** The records of `store` still open at `streamTime` (segments of either layout, and buckets). */
  static load(store: WindowStore, streamTime: number, ids: SegmentIds, layout: SideLayout): MemoryJoinBuffer {
    const buffer = new MemoryJoinBuffer(ids, layout);
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
      if (isCompact(e.value)) {
        const { r, m, k } = e.value;
        const matched = new Set(m ?? []);
        for (let i = 0; i + 1 < r.length; i += 2) {
          const start = e.start + (r[i] as number);
          const end = start + layout.reach;
          const json = r[i + 1] as unknown[];
          const key = k !== undefined ? (k[i >> 1] as string) : (layout.keyOf as (json: unknown[]) => string)(json);
          if (end >= streamTime) buffer.place(segment, key, start, end, json, matched.has(i >> 1));
        }
      } else {
        for (const [key, start, end, json, matched] of (e.value as StoredSegment).records) {
          if (end >= streamTime) buffer.place(segment, key, start, end, json, matched);
        }
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
    if (!Array.isArray(entries)) return entries.start >= from && entries.start <= to ? [entries] : NONE;
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
      const entries = this.byKey.get(e.key);
      if (Array.isArray(entries)) {
        entries.splice(entries.indexOf(e), 1);
        if (entries.length === 0) this.byKey.delete(e.key);
      } else {
        this.byKey.delete(e.key);
      }
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
      store.put(s.id, s.start, s.end, s.bucket ? bucketValue(s.rows) : this.segmentValue(s));
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
      for (const e of Array.isArray(entries) ? entries : [entries]) {
        store.put(e.key, e.start, e.end, bucketValue(e.rows));
        for (const r of e.rows) segments.add(r.storedIn as Segment);
      }
    }
    for (const s of segments) if (!s.bucket && s.inStore && s.id !== undefined) store.delete(s.id, s.start, s.end);
  }

  /**
   * A segment's open records in the compact layout. Records loaded from a segment of the first layout are
   * written so too when it is rewritten: their key and end are what the side computes (the same plan).
   */
  private segmentValue(segment: Segment): CompactSegment {
    const r: (number | unknown[])[] = [];
    const k: string[] | undefined = this.layout.keyOf === undefined ? [] : undefined;
    let m: number[] | undefined;
    for (const row of segment.rows) {
      const entry = row.entry;
      if (entry.closed) continue;
      if (row.matched) (m ??= []).push(r.length >> 1);
      r.push(entry.start - segment.start, row.json);
      k?.push(entry.key);
    }
    return { v: 2, r, ...(m === undefined ? {} : { m }), ...(k === undefined ? {} : { k }) };
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
    // Most keys have one entry and most entries one record, kept for the whole window: a key's only entry is
    // kept without a list, and a row list is made with its first element (one pushed onto `[]` gets room for 17).
    const entries = this.byKey.get(key);
    let entry =
      entries === undefined
        ? undefined
        : Array.isArray(entries)
          ? entries.find((e) => e.start === start && e.end === end)
          : entries.start === start && entries.end === end
            ? entries
            : undefined;
    let row: MemoryRow;
    if (entry === undefined) {
      const fresh = { key, start, end, rows: NO_ROWS, closed: false };
      row = { json, row: undefined, matched, storedIn: segment, entry: fresh };
      fresh.rows = [row];
      entry = fresh;
      if (entries === undefined) {
        this.byKey.set(key, entry);
      } else if (!Array.isArray(entries)) {
        this.byKey.set(key, startsAfter(entries, entry) ? [entry, entries] : [entries, entry]);
      } else {
        // By start, then end, as the store reads them; entries mostly arrive in order, so search from the back.
        let i = entries.length;
        while (i > 0 && startsAfter(entries[i - 1] as MemoryEntry, entry)) i -= 1;
        entries.splice(i, 0, entry);
      }
      this.byEnd.push(entry);
    } else {
      row = { json, row: undefined, matched, storedIn: segment, entry };
      entry.rows.push(row);
    }
    segment.rows.push(row);
    segment.live += 1;
    this.size += 1;
  }

}

function isCompact(value: unknown): value is CompactSegment {
  return (value as Partial<CompactSegment>).v === 2;
}

function startsAfter(a: BufferEntry, b: BufferEntry): boolean {
  return a.start > b.start || (a.start === b.start && a.end > b.end);
}

const NONE: readonly BufferEntry[] = [];
/** A new entry's rows until its first record is made (which refers to the entry). */
const NO_ROWS: MemoryRow[] = [];
