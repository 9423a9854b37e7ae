// LogReader: a TopicReader over the embedded log, polling SQLite and woken by appends.

import type { Positions, SourceRecord, TopicReader } from '../../exec/index.js';
import type { EmbeddedLog } from './embedded-log.js';

export type StartFrom = 'earliest' | 'latest';

/**
 * The longest a waiting reader goes without looking again. Appends by this process wake it at once
 * and commits by other processes within 2–10 ms (the log's CrossProcessWatch): this is a
 * safety net only.
 */
const RECHECK_MS = 500;

/** Numbers readers, for the log to keep what each read ahead apart. */
let readers = 0;

export class LogReader implements TopicReader {
  private readonly next: number[];
  private readonly id = ++readers;

  constructor(
    private readonly log: EmbeddedLog,
    readonly topic: string,
    private readonly topicId: number,
    private readonly partitions: number,
    start: Positions | StartFrom,
  ) {
    this.next = Array.from({ length: partitions }, (_, p) => {
      if (start === 'earliest') return 0;
      if (start === 'latest') return log.endOffset(topicId, p);
      return start.get(p) ?? 0;
    });
  }

  async poll(maxRecords: number, waitMs: number, signal?: AbortSignal): Promise<readonly SourceRecord[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const records = this.readAvailable(maxRecords);
      if (records.length > 0 || signal?.aborted === true) return records;
      const left = deadline - Date.now();
      if (left <= 0) return records;
      await this.log.waitForAppend(this.topic, Math.min(left, RECHECK_MS), signal);
    }
  }

  /**
   * What is there now, without waiting. Each partition gets a fair share of `maxRecords` first (a
   * backlog is read evenly across partitions, so their stream times advance together and windows
   * do not close on one partition's time alone), then the rest is filled in partition order; the
   * order is deterministic.
   */
  readAvailable(maxRecords: number): SourceRecord[] {
    const out: SourceRecord[] = [];
    const share = Math.max(1, Math.ceil(maxRecords / this.partitions));
    const more: number[] = [];
    for (let p = 0; p < this.partitions && out.length < maxRecords; p++) {
      if (this.readInto(out, p, Math.min(share, maxRecords - out.length))) more.push(p);
    }
    for (const p of more) {
      if (out.length >= maxRecords) break;
      this.readInto(out, p, maxRecords - out.length);
    }
    return out;
  }

  /** Appends up to `limit` records of partition `p`; true when it got all `limit` (there may be more). */
  private readInto(out: SourceRecord[], p: number, limit: number): boolean {
    const records = this.log.readPartition(this.id, this.topicId, this.topic, p, this.next[p] ?? 0, limit);
    const last = records[records.length - 1];
    if (last !== undefined) this.next[p] = last.offset + 1;
    for (const r of records) out.push(r);
    return records.length === limit;
  }

  positions(): Positions {
    return new Map(this.next.map((offset, p) => [p, offset]));
  }

  seek(positions: Positions): void {
    for (const [p, offset] of positions) if (p < this.partitions) this.next[p] = offset;
  }

  /** The embedded log's ends are read as of now, which is after any `since`. */
  caughtUp(): boolean {
    return this.next.every((offset, p) => offset >= this.log.endOffset(this.topicId, p));
  }

  close(): void {
    // Nothing held: reads are plain queries on the shared connection.
  }
}
