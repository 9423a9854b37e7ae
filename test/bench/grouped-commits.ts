// GroupedCommits: the baselines' commit rule, the engine's on the embedded log — batches read back to back share one transaction for a while.

import type { Database } from 'better-sqlite3';
import { MAX_GROUP_MS } from '../../src/exec/index.js';

/** How long a baseline's group may last for the engine's `commit.interval.ms` (the engine's rule: `QueryRunner`). */
export function groupMsFor(commitIntervalMs: number): number {
  return Math.min(commitIntervalMs, MAX_GROUP_MS);
}

/**
 * A baseline writes each batch through `write`: the first opens a transaction (BEGIN IMMEDIATE),
 * and the batch that ends `groupMs` or more after it commits it; `end` commits what is open once
 * the input has no more. With `groupMs` 0 every batch commits alone.
 */
export class GroupedCommits {
  private openedAt: number | null = null;

  constructor(
    private readonly db: Database,
    private readonly groupMs: number,
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
      throw e;
    }
    if (Date.now() - this.openedAt >= this.groupMs) this.end();
  }

  end(): void {
    if (this.openedAt === null) return;
    this.db.exec('COMMIT');
    this.openedAt = null;
  }
}
