// Unit tests for the aggregate functions: results, NULL handling, limits, literal arguments and state round trips.

import { describe, expect, it } from 'vitest';
import type { SqlType, Value } from '../../../src/common/index.js';
import { moreAggregates, resolveSignature, type AggregateImplementation } from '../../../src/functions/index.js';
import { T } from './call-function.js';

const { INT, BIGINT, DOUBLE, STRING, BOOLEAN } = T;

function aggregate(name: string, types: readonly SqlType[], literals: readonly (Value | undefined)[] = []): AggregateImplementation {
  const fn = moreAggregates.find((f) => f.name === name);
  if (fn === undefined) throw new Error(name);
  resolveSignature(fn.name, fn.signatures, types, undefined, () => null);
  return fn.create(types, literals);
}

/** Folds rows of argument values in, round-tripping the state through JSON after every step as the store would. */
function run(impl: AggregateImplementation, rows: readonly (readonly Value[])[]): Value {
  let state = impl.initial();
  for (const row of rows) state = impl.deserialize(JSON.parse(JSON.stringify(impl.serialize(impl.add(state, row)))));
  return impl.result(state);
}
const rows = (...values: Value[]): Value[][] => values.map((v) => [v]);

describe('COLLECT_LIST and COLLECT_SET', () => {
  it('collect in arrival order (NULLs included); the set keeps the first of each value', () => {
    expect(run(aggregate('COLLECT_LIST', [INT]), rows(3, null, 3, 1))).toEqual([3, null, 3, 1]);
    expect(run(aggregate('COLLECT_SET', [STRING]), rows('b', 'a', 'b', null, null))).toEqual(['b', 'a', null]);
    expect(run(aggregate('COLLECT_LIST', [BIGINT]), rows(2n ** 60n))).toEqual([2n ** 60n]);
  });

  it('stop at 1000 values, and undo takes back the last occurrence', () => {
    const list = aggregate('COLLECT_LIST', [INT]);
    expect((run(list, rows(...Array.from({ length: 1005 }, (_, i) => i))) as Value[]).length).toBe(1000);
    const s = list.add(list.add(list.add(list.initial(), [1]), [2]), [1]);
    expect(list.result(list.undo?.(s, [1]) ?? s)).toEqual([1, 2]);
    expect(list.result(list.undo?.(s, [7]) ?? s)).toEqual([1, 2, 1]);
    expect(aggregate('COLLECT_SET', [INT]).undo).toBeUndefined();
  });
});

describe('CORRELATION, STDDEV_SAMP, STDDEV_SAMPLE', () => {
  it('CORRELATION is Pearson r over pairs without NULLs', () => {
    const pairs = [[1, 2], [2, 4], [3, 6.5], [null, 1], [4, null]];
    expect(run(aggregate('CORRELATION', [DOUBLE, DOUBLE]), pairs) as number).toBeCloseTo(4.5 / Math.sqrt(2 * (61 / 6)), 12);
    expect(run(aggregate('CORRELATION', [DOUBLE, DOUBLE]), [[1, 1], [2, 0]])).toBeCloseTo(-1, 12);
    expect(run(aggregate('CORRELATION', [DOUBLE, DOUBLE]), [])).toBeNull();
  });

  it('STDDEV_SAMPLE is the sample deviation and STDDEV_SAMP (as in ksqlDB) the sample variance; 0.0 below two values', () => {
    const values = rows(2, 4, 4, 4, 5, 5, 7, 9, null);
    expect(run(aggregate('STDDEV_SAMPLE', [INT]), values) as number).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(run(aggregate('STDDEV_SAMP', [INT]), values) as number).toBeCloseTo(32 / 7, 12);
    expect(run(aggregate('STDDEV_SAMP', [BIGINT]), rows(5n))).toBe(0);
    expect(run(aggregate('STDDEV_SAMPLE', [DOUBLE]), [])).toBe(0);
  });
});

describe('COUNT_DISTINCT', () => {
  it('counts distinct non-NULL values, exactly for small groups and within 5% for large ones', () => {
    expect(run(aggregate('COUNT_DISTINCT', [STRING]), rows('a', 'b', 'a', null))).toBe(2n);
    expect(run(aggregate('COUNT_DISTINCT', [INT]), [])).toBe(0n);
    const impl = aggregate('COUNT_DISTINCT', [INT]);
    let s = impl.initial();
    for (let i = 0; i < 100_000; i++) s = impl.add(s, [i % 50_000]);
    const estimate = Number(impl.result(s));
    expect(Math.abs(estimate - 50_000) / 50_000).toBeLessThan(0.05);
    expect(impl.undo).toBeUndefined();
  });
});

describe('EARLIEST_BY_OFFSET and LATEST_BY_OFFSET', () => {
  it('keep the first or last value, skipping NULLs unless told not to', () => {
    expect(run(aggregate('EARLIEST_BY_OFFSET', [INT]), rows(null, 1, 2))).toBe(1);
    expect(run(aggregate('EARLIEST_BY_OFFSET', [INT, BOOLEAN], [undefined, false]), rows(null, 1, 2))).toBeNull();
    expect(run(aggregate('LATEST_BY_OFFSET', [STRING]), rows('a', 'b', null))).toBe('b');
    expect(run(aggregate('LATEST_BY_OFFSET', [STRING, BOOLEAN], [undefined, false]), rows('a', 'b', null))).toBeNull();
    expect(run(aggregate('LATEST_BY_OFFSET', [INT]), [])).toBeNull();
  });

  it('keep the first or last N as an array', () => {
    expect(run(aggregate('EARLIEST_BY_OFFSET', [INT, INT], [undefined, 2]), rows(1, null, 2, 3))).toEqual([1, 2]);
    expect(run(aggregate('LATEST_BY_OFFSET', [INT, INT], [undefined, 2]), rows(1, 2, 3, null))).toEqual([2, 3]);
    expect(run(aggregate('LATEST_BY_OFFSET', [INT, INT, BOOLEAN], [undefined, 2, false]), rows(1, 2, 3, null))).toEqual([3, null]);
    expect(() => aggregate('LATEST_BY_OFFSET', [INT, INT], [undefined, 0])).toThrow(/positive literal N/);
  });
});

describe('HISTOGRAM, TOPK, TOPKDISTINCT, ATTR, SUM_LIST', () => {
  it('HISTOGRAM counts each string, ignores NULLs and stops adding keys at 1000', () => {
    const r = run(aggregate('HISTOGRAM', [STRING]), rows('a', 'b', 'a', null)) as unknown as { entries: Map<string, bigint> };
    expect([...r.entries]).toEqual([
      ['a', 2n],
      ['b', 1n],
    ]);
    const h = aggregate('HISTOGRAM', [STRING]);
    let s = h.initial();
    for (let i = 0; i < 1001; i++) s = h.add(s, [`k${i}`]);
    s = h.add(s, ['k0']);
    const counts = (h.result(s) as unknown as { entries: Map<string, bigint> }).entries;
    expect(counts.size).toBe(1000);
    expect(counts.get('k0')).toBe(2n);
    expect(counts.has('k1000')).toBe(false);
  });

  it('TOPK and TOPKDISTINCT keep the k largest, largest first, ignoring NULLs; k must be a positive literal', () => {
    expect(run(aggregate('TOPK', [INT, INT], [undefined, 3]), rows(5, 1, null, 9, 5, 7))).toEqual([9, 7, 5]);
    expect(run(aggregate('TOPK', [INT, INT], [undefined, 4]), rows(5, 9, 5))).toEqual([9, 5, 5]);
    expect(run(aggregate('TOPKDISTINCT', [STRING, INT], [undefined, 2]), rows('a', 'c', 'c', 'b'))).toEqual(['c', 'b']);
    expect(() => aggregate('TOPK', [INT, INT], [undefined, null])).toThrow(/positive literal k/);
  });

  it('ATTR is the single value of the group, or NULL when rows disagree', () => {
    expect(run(aggregate('ATTR', [STRING]), rows('x', 'x'))).toBe('x');
    expect(run(aggregate('ATTR', [STRING]), rows('x', 'y'))).toBeNull();
    const attr = aggregate('ATTR', [INT]);
    const s = attr.add(attr.add(attr.initial(), [1]), [2]);
    expect(attr.result(attr.undo?.(s, [2]) ?? s)).toBe(1);
  });

  it('SUM_LIST sums the elements of array values with Java overflow', () => {
    expect(run(aggregate('SUM_LIST', [T.array(INT)]), rows([1, 2, null], null, [3]))).toBe(6);
    expect(run(aggregate('SUM_LIST', [T.array(INT)]), rows([2147483647, 1]))).toBe(-2147483648);
    expect(run(aggregate('SUM_LIST', [T.array(BIGINT)]), rows([1n, 2n], [2n ** 62n]))).toBe(2n ** 62n + 3n);
    expect(run(aggregate('SUM_LIST', [T.array(DOUBLE)]), rows([0.5, 0.25]))).toBe(0.75);
  });
});
