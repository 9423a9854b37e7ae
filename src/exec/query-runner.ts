// QueryRunner: the poll → process → commit loop of one query, until stopped, caught up or fenced.

import type { Pipeline } from './build-pipeline.js';
import { CommitSchedule } from './commit-schedule.js';
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
  /**
   * `commit.interval.ms`: with a committer that can stage batches (Kafka, exactly-once), batches
   * join one open transaction until this long after its first batch (or until the input is idle);
   * 0 or absent commits every batch.
   */
  readonly commitIntervalMs?: number;
  /** The clock of the commit interval (tests). */
  readonly now?: () => number;
}

export class QueryRunner {
  private readonly options: QueryRunnerOptions;
  /** Per topic: the input positions durably committed. */
  private readonly committed = new Map<string, Positions>();
  /** Per topic: the input positions of batches staged in the open transaction (not durable yet). */
  private readonly staged = new Map<string, Positions>();
  /** Set when batches share one transaction (`commitIntervalMs` > 0 and a committer that stages). */
  private readonly schedule: CommitSchedule | null;
  private next = 0;
  /** Records read but not yet committed (between a poll and its commit). */
  private inFlight = false;
  /**
   * The readers of tables a join looks rows up in, until each has once reached its end: streams are
   * not read before, so a stream record meets the table as it stood when the query started (on
   * Kafka, fetches of different topics arrive in any order).
   */
  private loading: TopicReader[];
  /** When the runner began: the tables are loaded up to their ends as of then. */
  private readonly openedAt = Date.now();

  constructor(options: QueryRunnerOptions) {
    this.options = options;
    for (const reader of options.readers) this.committed.set(reader.topic, new Map(reader.positions()));
    const tables = options.pipeline.tableTopics;
    this.loading = options.readers.length > tables.length ? options.readers.filter((r) => tables.includes(r.topic)) : [];
    const { committer, commitIntervalMs = 0 } = options;
    const stages = committer?.stage !== undefined && committer.flush !== undefined;
    this.schedule = stages && commitIntervalMs > 0 ? new CommitSchedule(commitIntervalMs, options.now) : null;
  }

  /**
   * Reads one batch (waiting up to `waitMs` when there is nothing) and pushes it through the
   * pipeline; for a persistent query, commits outputs and input positions together — or, with a
   * commit interval, stages them in the open transaction, which commits once the interval has
   * passed or a poll finds no input. Returns the number of records processed. A failed commit
   * rewinds the readers to the last durable commit, so nothing is skipped.
   */
  async step(waitMs: number, signal?: AbortSignal): Promise<number> {
    const schedule = this.schedule;
    if (schedule?.due() === true) await this.flush();
    if (this.loading.length > 0) this.loading = this.loading.filter((r) => !r.caughtUp(this.openedAt));
    const readers = this.loading.length > 0 ? this.loading : this.options.readers;
    // With a transaction open, an idle input commits it at once: latency stays low on slow input.
    const lastWait = schedule?.pending === true ? 0 : waitMs;
    for (let tried = 0; tried < readers.length; tried++) {
      const reader = readers[this.next++ % readers.length];
      if (reader === undefined) continue;
      const records = await reader.poll(this.options.maxBatchRecords, tried === readers.length - 1 ? lastWait : 0, signal);
      if (records.length === 0) continue;
      this.inFlight = true;
      try {
        await this.process(reader, records);
      } finally {
        this.inFlight = false;
      }
      if (schedule?.due() === true) await this.flush();
      return records.length;
    }
    if (schedule?.pending === true) await this.flush();
    return 0;
  }

  private async process(reader: TopicReader, records: readonly SourceRecord[]): Promise<void> {
    const { pipeline, committer } = this.options;
    if (committer === undefined) {
      pipeline.process(reader.topic, records);
      return;
    }
    const positions = new Map(reader.positions());
    const run = () => {
      pipeline.process(reader.topic, records);
      return pipeline.drainSinkRecords();
    };
    try {
      if (this.schedule !== null && committer.stage !== undefined) {
        await committer.stage(reader.topic, positions, run);
        this.staged.set(reader.topic, positions);
        this.schedule.staged();
        return;
      }
      await committer.commit(reader.topic, positions, run);
    } catch (e) {
      this.rollback(reader);
      throw e;
    }
    this.committed.set(reader.topic, positions);
  }

  /** Commits the open transaction, if any (a clean stop calls this before closing). */
  async flush(): Promise<void> {
    const { committer } = this.options;
    if (this.schedule?.pending !== true || committer?.flush === undefined) return;
    this.inFlight = true;
    try {
      await committer.flush();
    } catch (e) {
      this.rollback(null);
      throw e;
    } finally {
      this.inFlight = false;
    }
    for (const [topic, positions] of this.staged) this.committed.set(topic, positions);
    this.staged.clear();
    this.schedule.reset();
  }

  /**
   * After a failed batch or commit: forgets the staged batches (their transaction is aborted),
   * clears the operators' caches, and sends every reader that had staged input (and `failed`) back
   * to its last durable commit.
   */
  private rollback(failed: TopicReader | null): void {
    const { pipeline } = this.options;
    pipeline.drainSinkRecords();
    pipeline.rollback();
    for (const reader of this.options.readers) {
      if (reader === failed || this.staged.has(reader.topic)) reader.seek(this.committed.get(reader.topic) ?? new Map());
    }
    this.staged.clear();
    this.schedule?.reset();
  }

  /** True when every reader is at the end of its topic as of `since` (default: now), with nothing left uncommitted. */
  caughtUp(since: number = Date.now()): boolean {
    return !this.inFlight && this.schedule?.pending !== true && this.options.readers.every((r) => r.caughtUp(since));
  }

  /** Processes batches until every input is consumed up to its end as of now. */
  async runUntilCaughtUp(signal?: AbortSignal): Promise<number> {
    let total = 0;
    const since = Date.now();
    while (signal?.aborted !== true && !this.caughtUp(since)) total += await this.step(0, signal);
    return total;
  }

  close(): void {
    for (const reader of this.options.readers) reader.close();
  }
}
