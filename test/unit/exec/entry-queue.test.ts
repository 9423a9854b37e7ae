// Unit tests for EntryQueue: entries come out in closing order (end, start, key) however they went in.

import { describe, expect, it } from 'vitest';
import { compareByEnd } from '../../../src/exec/join/entry-heap.js';
import { EntryQueue } from '../../../src/exec/join/entry-queue.js';
import { seededRandom } from '../seeded-random.js';

interface E {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Pushes `entries` in order, popping whatever closes by `bound(i)` after each push; returns the pops and what is left, in order. */
function drive(entries: readonly E[], bound: (i: number) => number): { popped: E[]; rest: E[]; sizes: number[] } {
  const queue = new EntryQueue<E>();
  const popped: E[] = [];
  const sizes: number[] = [];
  entries.forEach((e, i) => {
    queue.push(e);
    for (let top = queue.peek(); top !== undefined && top.end <= bound(i); top = queue.peek()) {
      expect(queue.pop()).toBe(top);
      popped.push(top);
    }
    sizes.push(queue.size);
  });
  const rest: E[] = [];
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) rest.push(e);
  expect(queue.peek()).toBeUndefined();
  expect(queue.size).toBe(0);
  return { popped, rest, sizes };
}

/** The reference: what a sorted list would pop at each step. */
function reference(entries: readonly E[], bound: (i: number) => number): { popped: E[]; rest: E[]; sizes: number[] } {
  const open: E[] = [];
  const popped: E[] = [];
  const sizes: number[] = [];
  entries.forEach((e, i) => {
    open.push(e);
    open.sort(compareByEnd);
    while (open.length > 0 && (open[0] as E).end <= bound(i)) popped.push(open.shift() as E);
    sizes.push(open.length);
  });
  return { popped, rest: open, sizes };
}

describe('EntryQueue', () => {
  it('pops in closing order: in-order partitions interleaved by batch, late records, ties on end broken by start then key', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = seededRandom(seed);
      const partitions = 1 + (seed % 6);
      const times = Array.from({ length: partitions }, () => 0);
      const entries: E[] = [];
      for (let batch = 0; batch < 60; batch++) {
        const p = batch % partitions;
        for (let i = 0; i < 1 + Math.floor(next() * 30); i++) {
          // Mostly in order per partition; now and then a late record, and repeated times (ties).
          const late = next() < 0.1;
          if (!late && next() < 0.7) times[p] = (times[p] ?? 0) + Math.floor(next() * 3);
          const start = late ? Math.max(0, (times[p] ?? 0) - Math.floor(next() * 50)) : (times[p] ?? 0);
          entries.push({ key: `k${Math.floor(next() * 20)}\u00e9${seed}`, start, end: start + 100 + (next() < 0.2 ? 1 : 0) });
        }
      }
      // Entries are distinct by (key, start, end), as a join side's are.
      const unique = [...new Map(entries.map((e) => [`${e.key}/${e.start}/${e.end}`, e])).values()];
      const bound = (i: number) => (i % 7 === 0 ? -1 : (unique[i] as E).start - 20 + Math.floor(next() * 10));
      const bounds = unique.map((_, i) => bound(i));
      const got = drive(unique, (i) => bounds[i] as number);
      const want = reference(unique, (i) => bounds[i] as number);
      expect(got.sizes, `seed ${seed}`).toEqual(want.sizes);
      expect([...got.popped, ...got.rest], `seed ${seed}`).toEqual([...want.popped, ...want.rest]);
    }
  });

  it('takes in-order entries in runs, and out-of-order ones beyond its runs in its heap, in one order', () => {
    const entries: E[] = [];
    // Six interleaved in-order sequences: more than the queue keeps runs for.
    for (let t = 0; t < 50; t++) for (let s = 0; s < 6; s++) entries.push({ key: `s${s}`, start: t * 10 + (5 - s), end: t * 10 + (5 - s) + 30 });
    const got = drive(entries, () => -1);
    expect(got.rest).toEqual([...entries].sort(compareByEnd));
  });
});
