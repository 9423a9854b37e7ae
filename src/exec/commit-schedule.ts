// CommitSchedule: when a query that keeps one transaction open across batches commits it (`commit.interval.ms`).

/** The most batches one transaction holds, whatever the interval: a bound on what a failure repeats. */
export const MAX_BATCHES_PER_COMMIT = 100;

/**
 * Batches join the open transaction until the interval has passed since its first batch, the input
 * is idle (a poll found nothing), or it holds `maxBatches` batches. An interval of 0 commits every batch.
 */
export class CommitSchedule {
  private openedAt: number | null = null;
  private batches = 0;

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxBatches: number = MAX_BATCHES_PER_COMMIT,
  ) {}

  /** True while batches are staged in a transaction that is not committed yet. */
  get pending(): boolean {
    return this.openedAt !== null;
  }

  /** A batch joined the open transaction (the first one opens it). */
  staged(): void {
    this.openedAt ??= this.now();
    this.batches++;
  }

  /** True when the open transaction must commit now. */
  due(): boolean {
    if (this.openedAt === null) return false;
    return this.intervalMs <= 0 || this.batches >= this.maxBatches || this.now() - this.openedAt >= this.intervalMs;
  }

  /** How long a poll may wait for more input before the open transaction is due (0 when none is open). */
  remainingMs(): number {
    return this.openedAt === null ? 0 : Math.max(0, this.openedAt + this.intervalMs - this.now());
  }

  /** The open transaction committed or rolled back: the next batch opens a new one. */
  reset(): void {
    this.openedAt = null;
    this.batches = 0;
  }
}
