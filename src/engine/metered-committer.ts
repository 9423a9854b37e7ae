// MeteredCommitter: adds a batch's counters to the query's persisted metrics inside the batch's commit.

import type { Clock } from '../common/index.js';
import type { BatchCommitter, Positions, QueryCounters, SinkRecord } from '../exec/index.js';
import type { QueryMetricsStore } from '../state/index.js';

export class MeteredCommitter implements BatchCommitter {
  /** The counters as of the last commit: each commit adds the difference. */
  private saved: QueryCounters;

  constructor(
    private readonly inner: BatchCommitter,
    private readonly store: QueryMetricsStore,
    private readonly queryId: string,
    private readonly counters: QueryCounters,
    private readonly clock: Clock,
  ) {
    this.saved = { ...counters };
  }

  async commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    let next = this.saved;
    try {
      await this.inner.commit(topic, positions, () => {
        const out = process();
        const c = this.counters;
        const now = this.clock.now();
        const decoded = c.lastRecordTime !== this.saved.lastRecordTime || c.recordsIn !== this.saved.recordsIn;
        this.store.add(
          this.queryId,
          {
            recordsIn: c.recordsIn - this.saved.recordsIn,
            recordsOut: c.recordsOut - this.saved.recordsOut,
            errors: c.errors - this.saved.errors,
            late: c.late - this.saved.late,
            streamTime: c.streamTime,
            latencyMs: decoded && c.lastRecordTime >= 0 ? Math.max(0, now - c.lastRecordTime) : null,
          },
          now,
        );
        next = { ...c };
        return out;
      });
    } catch (e) {
      // A rolled-back batch is processed (and counted) again: forget what this attempt counted.
      Object.assign(this.counters, this.saved);
      throw e;
    }
    this.saved = next;
  }
}
