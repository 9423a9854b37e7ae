// RecentReads: the records a connection's readers read last, per partition, so readers following one another (queries over one topic) skip SQLite.

import type { LogRecord } from './log-record.js';

/** The most records kept per partition; a reader further behind the leading one reads SQLite as before. */
export const RECENT_RECORDS = 1024;

/** A partition's latest run of consecutive records: offsets `first` … `first + records.length - 1`. */
interface Run {
  first: number;
  records: LogRecord[];
}

/** Where the partition's reads have reached, and whether a read has come back for offsets read before (a second reader). */
interface Reach {
  end: number;
  followed: boolean;
}

/**
 * Records of the log are never changed once committed; they only go away with their topic. The log
 * clears what is kept when another connection has committed (`PRAGMA data_version` changed: another
 * process may have deleted and re-created a topic, whose id SQLite can reuse) and when this
 * connection deletes a topic. Runs follow the leading reader: a read past a run's end starts a new
 * run (or extends it, when contiguous); a read of older offsets leaves it alone. Records are kept only
 * for partitions read again at offsets read before (a topic with one reader keeps none).
 */
export class RecentReads {
  private readonly runs = new Map<string, Run>();
  private readonly reach = new Map<string, Reach>();

  /** Up to `max` kept records of the partition from `offset` on (consecutive offsets), possibly none. */
  get(topicId: number, partition: number, offset: number, max: number): LogRecord[] {
    if (this.runs.size === 0) return [];
    const run = this.runs.get(runKey(topicId, partition));
    if (run === undefined || offset < run.first || offset >= run.first + run.records.length) return [];
    const from = offset - run.first;
    return run.records.slice(from, from + max);
  }

  /** Records just read from SQLite (consecutive offsets, committed: the caller is in no transaction). */
  put(topicId: number, partition: number, records: readonly LogRecord[]): void {
    const firstRecord = records[0];
    if (firstRecord === undefined) return;
    const key = runKey(topicId, partition);
    const offset = firstRecord.offset;
    const end = offset + records.length;
    const reach = this.reach.get(key);
    if (reach === undefined) this.reach.set(key, { end, followed: false });
    else {
      if (offset < reach.end) reach.followed = true;
      reach.end = Math.max(reach.end, end);
    }
    if (reach?.followed !== true) return;
    const run = this.runs.get(key);
    if (run !== undefined && end <= run.first + run.records.length) return;
    if (run !== undefined && offset >= run.first && offset <= run.first + run.records.length) {
      // Overlaps or continues the run: keep its head, take the new tail.
      run.records.length = offset - run.first;
      for (const r of records) run.records.push(r);
      if (run.records.length > 2 * RECENT_RECORDS) {
        const drop = run.records.length - RECENT_RECORDS;
        run.records.splice(0, drop);
        run.first += drop;
      }
      return;
    }
    if (run !== undefined && end <= run.first) return;
    this.runs.set(key, { first: offset, records: records.slice(-2 * RECENT_RECORDS) });
    const kept = this.runs.get(key) as Run;
    kept.first = end - kept.records.length;
  }

  /** Forgets everything (a topic was deleted, or another connection committed). */
  clear(): void {
    this.runs.clear();
    this.reach.clear();
  }
}

function runKey(topicId: number, partition: number): string {
  return `${topicId}/${partition}`;
}
