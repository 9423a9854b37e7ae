// StreamTime: the largest event time seen per input partition, persisted with each batch.

import type { KeyValueStore } from '../ports/state-store.js';

const KEY = 'stream-time';

/**
 * A record is late when its window closed at its own partition's stream time. Windows are closed
 * (EMIT FINAL fires, state is dropped) at the smallest stream time of the partitions seen so far:
 * a window closed that way is closed on every partition, so a record is never added to a window
 * that was already final.
 */
export class StreamTime {
  private readonly byPartition: Map<number, number>;

  private constructor(
    private readonly store: KeyValueStore,
    saved: Record<string, number> | undefined,
  ) {
    this.byPartition = new Map(Object.entries(saved ?? {}).map(([p, t]) => [Number(p), t]));
  }

  /** Loads the persisted times (call at the start of every batch: a failed batch's updates are gone). */
  static load(store: KeyValueStore): StreamTime {
    return new StreamTime(store, store.get(KEY) as Record<string, number> | undefined);
  }

  /** Advances `partition`'s stream time to `timestamp` if later, and returns it. */
  observe(partition: number, timestamp: number): number {
    const current = this.byPartition.get(partition);
    const next = current === undefined || timestamp > current ? timestamp : current;
    this.byPartition.set(partition, next);
    return next;
  }

  /** When windows close: the smallest stream time over the partitions seen, or null before any record. */
  closingTime(): number | null {
    let min: number | null = null;
    for (const t of this.byPartition.values()) if (min === null || t < min) min = t;
    return min;
  }

  save(): void {
    this.store.put(KEY, Object.fromEntries(this.byPartition));
  }
}
