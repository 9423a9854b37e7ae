// MeteredCommitter: adds a batch's counters to the query's persisted metrics inside the batch's commit.

import type { Clock } from '../common/index.js';
import type { BatchCommitter, Positions, QueryCounters, SinkRecord } from '../exec/index.js';
import type { QueryMetricsStore } from '../state/index.js';

export class MeteredCommitter implements BatchCommitter {
  /** The counters as of the last durable commit: a failure goes back to them. */
  private saved: QueryCounters;
  /** The counters as of the last batch recorded in the metrics (each batch adds the difference). */
  private recorded: QueryCounters;
  readonly stage?: (topic: string, positions: Positions, process: () => readonly SinkRecord[]) => Promise<void>;
  readonly flush?: () => Promise<void>;
  readonly commitGroup?: (positions: ReadonlyMap<string, Positions>, process: () => readonly SinkRecord[]) => Promise<void>;

  constructor(
    private readonly inner: BatchCommitter,
    private readonly store: QueryMetricsStore,
    private readonly queryId: string,
    private readonly counters: QueryCounters,
    private readonly clock: Clock,
  ) {
    this.saved = { ...counters };
    this.recorded = this.saved;
    if (inner.commitGroup !== undefined) {
      this.commitGroup = (positions, process) => this.durably(() => inner.commitGroup?.(positions, this.metered(process)));
    }
    if (inner.stage !== undefined && inner.flush !== undefined) {
      this.stage = (topic, positions, process) => this.guarded(() => inner.stage?.(topic, positions, this.metered(process)));
      this.flush = () => this.durably(() => inner.flush?.());
    }
  }

  commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    return this.durably(() => this.inner.commit(topic, positions, this.metered(process)));
  }

  /** A commit: once it is durable, the counters it recorded are the ones a later failure goes back to. */
  private async durably(work: () => void | Promise<void>): Promise<void> {
    await this.guarded(work);
    this.saved = this.recorded;
  }

  /** `process`, then the batch's counters added to the stored metrics. */
  private metered(process: () => readonly SinkRecord[]): () => readonly SinkRecord[] {
    return () => {
      const out = process();
      const c = this.counters;
      const last = this.recorded;
      const now = this.clock.now();
      const decoded = c.lastRecordTime !== last.lastRecordTime || c.recordsIn !== last.recordsIn;
      this.store.add(
        this.queryId,
        {
          recordsIn: c.recordsIn - last.recordsIn,
          recordsOut: c.recordsOut - last.recordsOut,
          errors: c.errors - last.errors,
          late: c.late - last.late,
          streamTime: c.streamTime,
          latencyMs: decoded && c.lastRecordTime >= 0 ? Math.max(0, now - c.lastRecordTime) : null,
        },
        now,
      );
      this.recorded = { ...c };
      return out;
    };
  }

  private async guarded(work: () => void | Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      // Rolled-back batches are processed (and counted) again: forget what they counted.
      Object.assign(this.counters, this.saved);
      this.recorded = this.saved;
      throw e;
    }
  }
}
