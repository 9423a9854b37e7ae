// EmbeddedCommitter: commits a batch (or a group of batches) on the embedded log — outputs, state, offsets — in one SQLite transaction.

import type Database from 'better-sqlite3';
import { FencedError, type BatchCommitter, type Positions, type SinkRecord } from '../exec/index.js';
import type { EmbeddedLog } from '../io/index.js';
import type { OffsetStore, QueryLeases } from '../state/index.js';

export class EmbeddedCommitter implements BatchCommitter {
  constructor(
    private readonly db: Database.Database,
    private readonly log: EmbeddedLog,
    private readonly offsets: OffsetStore,
    private readonly leases: QueryLeases,
    private readonly queryId: string,
  ) {}

  commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): void {
    this.commitGroup(new Map([[topic, positions]]), process);
  }

  /** `process` runs inside the transaction; `positions` is saved after it (a group of batches fills it in). */
  commitGroup(positions: ReadonlyMap<string, Positions>, process: () => readonly SinkRecord[]): void {
    this.db
      .transaction(() => {
        // Inside the write lock: if another process took the query over, commit nothing.
        if (!this.leases.holds(this.queryId)) throw new FencedError(this.queryId);
        this.log.append(process());
        for (const [topic, topicPositions] of positions) this.offsets.save(this.queryId, topic, topicPositions);
      })
      .immediate();
  }
}
