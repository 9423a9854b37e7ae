// QueryRunner: the poll → process → commit loop of one query, until stopped, caught up or fenced.

import type { Pipeline } from './build-pipeline.js';
import type { BatchCommitter } from './ports/batch-committer.js';
import type { Positions, SourceRecord } from './ports/records.js';
import type { TopicReader } from './ports/topic-reader.js';

export interface QueryRunnerOptions {
  readonly pipeline: Pipeline;
  /** One reader per topic the pipeline reads. */
  readonly readers: readonly TopicReader[];
  /** Persistent queries commit each batch; transient ones (push, pull) have none. */
  readonly committer?: BatchCommitter;
  /** The most records one batch may hold (`max.poll.records`). */
  readonly maxBatchRecords: number;
}

export class QueryRunner {
  private readonly options: QueryRunnerOptions;
  private readonly committed = new Map<string, Positions>();
  private next = 0;
  /** Records read but not yet committed (between a poll and its commit). */
  private inFlight = false;
  /**
   * The readers of tables a join looks rows up in, until each has once reached its end: streams are
   * not read before, so a stream record meets the table as it stood when the query started (on
   * Kafka, fetches of different topics arrive in any order).
   */
  private loading: TopicReader[];

  constructor(options: QueryRunnerOptions) {
    this.options = options;
    for (const reader of options.readers) this.committed.set(reader.topic, new Map(reader.positions()));
    const tables = options.pipeline.tableTopics;
    this.loading = options.readers.length > tables.length ? options.readers.filter((r) => tables.includes(r.topic)) : [];
  }

  /**
   * Reads one batch (waiting up to `waitMs` when there is nothing) and pushes it through the
   * pipeline; for a persistent query, commits outputs and input positions together. Returns the
   * number of records processed. A failed commit rewinds the reader, so nothing is skipped.
   */
  async step(waitMs: number, signal?: AbortSignal): Promise<number> {
    if (this.loading.length > 0) this.loading = this.loading.filter((r) => !r.caughtUp());
    const readers = this.loading.length > 0 ? this.loading : this.options.readers;
    for (let tried = 0; tried < readers.length; tried++) {
      const reader = readers[this.next++ % readers.length];
      if (reader === undefined) continue;
      const records = await reader.poll(this.options.maxBatchRecords, tried === readers.length - 1 ? waitMs : 0, signal);
      if (records.length === 0) continue;
      this.inFlight = true;
      try {
        await this.process(reader, records);
      } finally {
        this.inFlight = false;
      }
      return records.length;
    }
    return 0;
  }

  private async process(reader: TopicReader, records: readonly SourceRecord[]): Promise<void> {
    const { pipeline, committer } = this.options;
    if (committer === undefined) {
      pipeline.process(reader.topic, records);
      return;
    }
    const positions = new Map(reader.positions());
    try {
      await committer.commit(reader.topic, positions, () => {
        pipeline.process(reader.topic, records);
        return pipeline.drainSinkRecords();
      });
    } catch (e) {
      pipeline.drainSinkRecords();
      pipeline.rollback();
      reader.seek(this.committed.get(reader.topic) ?? new Map());
      throw e;
    }
    this.committed.set(reader.topic, positions);
  }

  /** True when every reader is at the end of its topic as of now, with nothing left uncommitted. */
  caughtUp(): boolean {
    return !this.inFlight && this.options.readers.every((r) => r.caughtUp());
  }

  /** Processes batches until every input is consumed up to its end as of now. */
  async runUntilCaughtUp(signal?: AbortSignal): Promise<number> {
    let total = 0;
    while (signal?.aborted !== true && !this.caughtUp()) total += await this.step(0, signal);
    return total;
  }

  close(): void {
    for (const reader of this.options.readers) reader.close();
  }
}
