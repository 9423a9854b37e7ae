// EntryQueue: window entries in the order they close (end, start, key): sorted runs for those that arrive in order, a heap for the rest.

import { compareByEnd, EntryHeap, type Entry } from './entry-heap.js';

/** Runs kept at once: a join side's records mostly arrive in event-time order within each input partition. */
const MAX_RUNS = 4;

/** Entries in closing order, taken from `head` on. */
interface Run<E> {
  items: E[];
  head: number;
}

/**
 * Pops entries in the order a window store's `endingBy` returns them, like EntryHeap, but an entry
 * that closes no earlier than the last one of a run is appended to it: records arriving in event
 * time order (per partition, so a few runs) are pushed and popped in constant time, touching only
 * the runs' ends. A heap of ~10⁶ entries spread over memory took a cache miss per level of each pop.
 */
export class EntryQueue<E extends Entry> {
  private readonly runs: Run<E>[] = [];
  /** Entries that fitted no run. */
  private readonly heap = new EntryHeap<E>();

  get size(): number {
    let n = this.heap.size;
    for (const run of this.runs) n += run.items.length - run.head;
    return n;
  }

  push(entry: E): void {
    for (const run of this.runs) {
      if (compareByEnd(run.items[run.items.length - 1] as E, entry) <= 0) {
        run.items.push(entry);
        return;
      }
    }
    if (this.runs.length < MAX_RUNS) this.runs.push({ items: [entry], head: 0 });
    else this.heap.push(entry);
  }

  peek(): E | undefined {
    const from = this.first();
    return from === undefined ? undefined : from < 0 ? this.heap.peek() : this.head(from);
  }

  pop(): E | undefined {
    const from = this.first();
    if (from === undefined) return undefined;
    if (from < 0) return this.heap.pop();
    const run = this.runs[from] as Run<E>;
    const entry = run.items[run.head] as E;
    run.head++;
    if (run.head === run.items.length) this.runs.splice(from, 1);
    else if (run.head >= 1024 && 2 * run.head >= run.items.length) {
      run.items = run.items.slice(run.head);
      run.head = 0;
    }
    return entry;
  }

  /** Which holds the next entry: a run's index, -1 for the heap, undefined when empty. */
  private first(): number | undefined {
    let best: E | undefined = this.heap.peek();
    let from: number | undefined = best === undefined ? undefined : -1;
    for (let r = 0; r < this.runs.length; r++) {
      const candidate = this.head(r);
      if (best === undefined || compareByEnd(candidate, best) < 0) {
        best = candidate;
        from = r;
      }
    }
    return from;
  }

  private head(r: number): E {
    const run = this.runs[r] as Run<E>;
    return run.items[run.head] as E;
  }
}
