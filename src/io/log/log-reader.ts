// LogReader: a TopicReader over the embedded log, polling SQLite and woken by appends.

import type { Positions, SourceRecord, TopicReader } from '../../exec/index.js';
import type { EmbeddedLog } from './embedded-log.js';

export type StartFrom = 'earliest' | 'latest';

/**
 * The longest a waiting reader goes without looking again. Appends by this process wake it at once
 * and commits by other processes within about 10 ms (the log's CrossProcessWatch): this is a
 * safety net only.
 */
const RECHECK_MS = 500;

export class LogReader implements TopicReader {
  private readonly next: number[];

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

  /** What is there now, without waiting: partitions in order, so the output order is deterministic. */
  readAvailable(maxRecords: number): SourceRecord[] {
    const out: SourceRecord[] = [];
    for (let p = 0; p < this.partitions && out.length < maxRecords; p++) {
      const from = this.next[p] ?? 0;
      const records = this.log.readPartition(this.topicId, this.topic, p, from, maxRecords - out.length);
      const last = records[records.length - 1];
      if (last !== undefined) this.next[p] = last.offset + 1;
      for (const r of records) out.push(r);
    }
    return out;
  }

  positions(): Positions {
    return new Map(this.next.map((offset, p) => [p, offset]));
  }

  seek(positions: Positions): void {
    for (const [p, offset] of positions) if (p < this.partitions) this.next[p] = offset;
  }

  caughtUp(): boolean {
    return this.next.every((offset, p) => offset >= this.log.endOffset(this.topicId, p));
  }

  close(): void {
    // Nothing held: reads are plain queries on the shared connection.
  }
}
