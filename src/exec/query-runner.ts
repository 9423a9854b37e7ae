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
   * join one open transaction until this long after its first batch (or until the input is idle).
   * With one that commits groups of batches (the embedded log), a query whose input has a backlog
   * reads on inside its transaction, up to `GROUP_BATCHES` batches for up to this long or
   * `MAX_GROUP_MS`, whichever is less.
   * 0 or absent commits every batch.
   */
  readonly commitIntervalMs?: number;
  /** The clock of the commit interval (tests). */
  readonly now?: () => number;
}

/**
 * The most batches a group on the embedded log holds: one commit for this many while a backlog
 * drains. A count, not a time: every query of the process advances by the same number of batches
 * per turn of the event loop, as without groups, so a query reading another's output keeps pace
 * with it (q7's join reads the maxima a second query computes from the same bids: were the faster
 * query to read on for longer, the maxima would run ahead of the bids and the bids come late).
 */
export const GROUP_BATCHES = 4;

/**
 * The longest a group keeps its transaction open, however few batches it holds. The group runs
 * without yielding the event loop (a SQLite transaction cannot span another query's work on the
 * same connection), so this also bounds how long the process's other work (pull queries, the REPL)
 * waits beyond one batch.
 */
export const MAX_GROUP_MS = 50;

export class QueryRunner {
  private readonly options: QueryRunnerOptions;
  /** Per topic: the input positions durably committed. */
  private readonly committed = new Map<string, Positions>();
  /** Per topic: the input positions of batches staged in the open transaction (not durable yet). */
  private readonly staged = new Map<string, Positions>();
  /** Set when batches share one transaction (`commitIntervalMs` > 0 and a committer that stages). */
  private readonly schedule: CommitSchedule | null;
  /** How long a group of batches may read on (0: every batch commits alone). */
  private readonly groupMs: number;
  private readonly now: () => number;
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
    this.groupMs = committer?.commitGroup !== undefined && this.schedule === null ? Math.min(commitIntervalMs, MAX_GROUP_MS) : 0;
    this.now = options.now ?? Date.now;
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
      let processed: number;
      try {
        processed = await this.process(reader, records);
      } finally {
        this.inFlight = false;
      }
      if (schedule?.due() === true) await this.flush();
      return processed;
    }
    if (schedule?.pending === true) await this.flush();
    return 0;
  }

  /** Processes `records` (and, in a group, the batches read on after them); returns how many records that was. */
  private async process(reader: TopicReader, records: readonly SourceRecord[]): Promise<number> {
    const { pipeline, committer } = this.options;
    if (committer === undefined) {
      pipeline.process(reader.topic, records);
      return records.length;
    }
    if (this.groupMs > 0 && committer.commitGroup !== undefined) return this.processGroup(committer.commitGroup.bind(committer), reader, records);
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
        return records.length;
      }
      await committer.commit(reader.topic, positions, run);
    } catch (e) {
      this.rollback([reader]);
      throw e;
    }
    this.committed.set(reader.topic, positions);
    return records.length;
  }

  /**
   * The embedded log: `records`, then the batches read on after them (`readOn`), committed as one
   * group with the positions of every input it read.
   */
  private async processGroup(commitGroup: NonNullable<BatchCommitter['commitGroup']>, reader: TopicReader, records: readonly SourceRecord[]): Promise<number> {
    const { pipeline } = this.options;
    const positions = new Map<string, Positions>();
    let processed = records.length;
    const run = () => {
      const started = this.now();
      pipeline.process(reader.topic, records);
      const read = new Set([reader]);
      processed += this.readOn(read, started + this.groupMs);
      for (const r of read) positions.set(r.topic, new Map(r.positions()));
      return pipeline.drainSinkRecords();
    };
    try {
      await commitGroup(positions, run);
    } catch (e) {
      // Every input the group may have read (each stood at its last commit before the group).
      this.rollback(this.options.readers);
      throw e;
    }
    for (const [topic, topicPositions] of positions) this.committed.set(topic, topicPositions);
    return processed;
  }

  /**
   * Inside a group's transaction: processes the batches the inputs have at once, taking the inputs
   * in turn as `step` does, until none has any, the group holds `GROUP_BATCHES` batches or `until`
   * has passed; adds each input it read from to `read`.
   * Returns the records read on. While a backlog drains, this spreads a commit's cost (a SQLite
   * write transaction, the offsets, the metrics) over several batches; at the inputs' end a poll
   * finds one batch or none, so a live record waits no longer.
   */
  private readOn(read: Set<TopicReader>, until: number): number {
    const { pipeline, maxBatchRecords } = this.options;
    const readers = this.loading.length > 0 ? this.loading : this.options.readers;
    let records = 0;
    for (let batches = 1, idle = 0; batches < GROUP_BATCHES && idle < readers.length && this.now() < until; ) {
      const reader = readers[this.next++ % readers.length];
      const more = reader?.readAvailable?.(maxBatchRecords) ?? [];
      if (reader === undefined || more.length === 0) {
        idle++;
        continue;
      }
      idle = 0;
      batches++;
      read.add(reader);
      pipeline.process(reader.topic, more);
      records += more.length;
    }
    return records;
  }

  /** Commits the open transaction, if any (a clean stop calls this before closing). */
  async flush(): Promise<void> {
    const { committer } = this.options;
    if (this.schedule?.pending !== true || committer?.flush === undefined) return;
    this.inFlight = true;
    try {
      await committer.flush();
    } catch (e) {
      this.rollback([]);
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
   * clears the operators' caches, and sends every reader that had staged input (and those in
   * `failed`) back to its last durable commit.
   */
  private rollback(failed: readonly TopicReader[]): void {
    const { pipeline } = this.options;
    pipeline.drainSinkRecords();
    pipeline.rollback();
    for (const reader of this.options.readers) {
      if (failed.includes(reader) || this.staged.has(reader.topic)) reader.seek(this.committed.get(reader.topic) ?? new Map());
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
