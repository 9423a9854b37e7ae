// GroupedCommits: the baselines' commit rule, the engine's on the embedded log — batches read back to back share one transaction, a few at a time.

import type { Database } from 'better-sqlite3';
import { GROUP_BATCHES, MAX_GROUP_MS } from '../../src/exec/index.js';

/** The batches a baseline's group may hold for the engine's `commit.interval.ms` (the engine's rule: `QueryRunner`; 0: one). */
export function groupBatchesFor(commitIntervalMs: number): number {
  return commitIntervalMs > 0 ? GROUP_BATCHES : 1;
}

/**
 * A baseline writes each batch through `write`: the first opens a transaction (BEGIN IMMEDIATE),
 * and the group's `GROUP_BATCHES`-th batch, or one that ends `MAX_GROUP_MS` or more after the first
 * write, commits it; `end` commits what is open once the input has no more.
 */
export class GroupedCommits {
  private openedAt: number | null = null;
  private batches = 0;

  constructor(
    private readonly db: Database,
    private readonly groupBatches: number,
  ) {}

  write(work: () => void): void {
    if (this.openedAt === null) {
      this.db.exec('BEGIN IMMEDIATE');
      this.openedAt = Date.now();
    }
    try {
      work();
    } catch (e) {
      this.db.exec('ROLLBACK');
      this.openedAt = null;
      this.batches = 0;
      throw e;
    }
    if (++this.batches >= this.groupBatches || Date.now() - this.openedAt >= MAX_GROUP_MS) this.end();
  }

  end(): void {
    if (this.openedAt === null) return;
    this.db.exec('COMMIT');
    this.openedAt = null;
    this.batches = 0;
  }
}
