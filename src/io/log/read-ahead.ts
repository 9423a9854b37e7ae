// ReadAhead: per reader and partition, the decoded rest of the stored batch a read stopped inside, so the reader's next read goes on from memory.

import type { LogRecord } from './log-record.js';

/** The most rests kept (reader and partition pairs; each holds its stored batch's buffer); the oldest goes first. */
export const READ_AHEAD_RESTS = 64;

/** Records of consecutive offsets from `first`: the part of one stored batch no read has returned yet. */
interface Rest {
  readonly first: number;
  readonly records: readonly LogRecord[];
}

/**
 * A stored batch holds up to a thousand records while a query reads a few hundred per partition at a
 * time: without this, every read of a partition fetched and decoded its batch again from SQLite.
 * Rests are kept per reader: readers of one partition at different offsets (two queries over a
 * topic) would otherwise replace each other's. Kept records are committed ones only (the caller
 * keeps nothing it read inside a transaction), which never change; the log clears them when another
 * connection has committed (`PRAGMA data_version` changed: a topic may have been deleted and its id
 * reused) and when this connection deletes records.
 */
export class ReadAhead {
  private readonly rests = new Map<string, Rest>();

  /** Appends to `out` the records kept for `reader` of the partition from `offset` on, at most `max`; returns how many. */
  take(reader: number, topicId: number, partition: number, offset: number, max: number, out: LogRecord[]): number {
    if (this.rests.size === 0) return 0;
    const key = restKey(reader, topicId, partition);
    const rest = this.rests.get(key);
    if (rest === undefined) return 0;
    const from = offset - rest.first;
    if (from < 0 || from >= rest.records.length) return 0;
    const to = Math.min(rest.records.length, from + max);
    for (let i = from; i < to; i++) out.push(rest.records[i] as LogRecord);
    if (to === rest.records.length) this.rests.delete(key);
    return to - from;
  }

  /** Keeps the committed records (consecutive offsets) a read by `reader` decoded from a stored batch but did not return. */
  keep(reader: number, topicId: number, partition: number, records: readonly LogRecord[]): void {
    const first = records[0];
    if (first === undefined) return;
    const key = restKey(reader, topicId, partition);
    this.rests.delete(key);
    this.rests.set(key, { first: first.offset, records });
    if (this.rests.size > READ_AHEAD_RESTS) {
      const oldest = this.rests.keys().next().value;
      if (oldest !== undefined) this.rests.delete(oldest);
    }
  }

  /** Forgets everything (stored batches were deleted, or another connection committed). */
  clear(): void {
    this.rests.clear();
  }
}

function restKey(reader: number, topicId: number, partition: number): string {
  return `${reader}/${topicId}/${partition}`;
}
