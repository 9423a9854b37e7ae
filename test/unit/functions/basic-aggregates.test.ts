// Unit tests for COUNT, SUM, MIN, MAX, AVG: results, NULL handling, exact types, and the undo/merge/serialize laws.

import { describe, expect, it } from 'vitest';
import { Decimal, SqlTypes, decimalType, type SqlType, type Value } from '../../../src/common/index.js';
import { findAggregate, listAggregates, resolveAggregate } from '../../../src/functions/index.js';

function fold(name: string, type: SqlType | null, values: readonly Value[]): Value {
  const fn = findAggregate(name);
  if (fn === undefined) throw new Error(name);
  const impl = fn.create(type === null ? [] : [type], []);
  let s = impl.initial();
  for (const v of values) s = impl.add(s, type === null ? [] : [v]);
  return impl.result(impl.deserialize(JSON.parse(JSON.stringify(impl.serialize(s)))));
}

describe('basic aggregates', () => {
  it('are registered with descriptions', () => {
    expect(listAggregates().map((f) => f.name)).toEqual(expect.arrayContaining(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']));
    for (const f of listAggregates()) expect(f.description.length).toBeGreaterThan(10);
  });

  it('COUNT(*) counts rows, COUNT(col) skips NULLs; both are BIGINT', () => {
    expect(fold('COUNT', null, [1, 2, 3])).toBe(3n);
    expect(fold('COUNT', SqlTypes.INT, [1, null, 3])).toBe(2n);
    expect(resolveAggregate('COUNT', []).returnType).toEqual(SqlTypes.BIGINT);
  });

  it('SUM keeps the argument type exactly, with Java overflow, and is 0 over nothing', () => {
    expect(fold('SUM', SqlTypes.INT, [2147483647, 1])).toBe(-2147483648);
    expect(fold('SUM', SqlTypes.BIGINT, [9007199254740993n, 1n])).toBe(9007199254740994n);
    expect(fold('SUM', decimalType(6, 2), [Decimal.parse('1.10'), Decimal.parse('2.25'), null])).toEqual(Decimal.parse('3.35'));
    expect(fold('SUM', SqlTypes.DOUBLE, [])).toBe(0);
  });

  it('MIN and MAX ignore NULLs and compare by type', () => {
    expect(fold('MIN', SqlTypes.STRING, ['b', null, 'a', 'c'])).toBe('a');
    expect(fold('MAX', SqlTypes.BIGINT, [5n, 90071992547409930n, -1n])).toBe(90071992547409930n);
    expect(fold('MAX', decimalType(4, 1), [Decimal.parse('9.5'), Decimal.parse('10.0')])).toEqual(Decimal.parse('10.0'));
    expect(fold('MIN', SqlTypes.INT, [null, null])).toBe(null);
  });

  it('AVG is a DOUBLE, NULL over nothing', () => {
    expect(fold('AVG', SqlTypes.INT, [1, 2, null])).toBe(1.5);
    expect(fold('AVG', SqlTypes.DOUBLE, [])).toBe(null);
    expect(resolveAggregate('AVG', [SqlTypes.INT]).returnType).toEqual(SqlTypes.DOUBLE);
  });

  it('undo(add(s, x), x) gives s back, and merge combines partial states', () => {
    for (const [name, type, xs] of [
      ['COUNT', SqlTypes.INT, [1, null, 3]],
      ['SUM', SqlTypes.BIGINT, [4n, 5n, 6n]],
      ['AVG', SqlTypes.DOUBLE, [1.5, 2.5, 3.5]],
    ] as const) {
      const impl = findAggregate(name)?.create([type], []);
      if (impl?.undo === undefined || impl.merge === undefined) throw new Error(name);
      let all = impl.initial();
      for (const x of xs) all = impl.add(all, [x]);
      const last = xs[xs.length - 1] ?? null;
      let allButLast = impl.initial();
      for (const x of xs.slice(0, -1)) allButLast = impl.add(allButLast, [x]);
      expect(impl.result(impl.undo(all, [last])), name).toEqual(impl.result(allButLast));
      const merged = impl.merge(allButLast, impl.add(impl.initial(), [last]));
      expect(impl.result(merged), name).toEqual(impl.result(all));
      expect(impl.result(impl.merge(impl.initial(), all)), name).toEqual(impl.result(all));
    }
  });

  it('MIN and MAX have no undo (so they cannot aggregate tables), but merge (sessions)', () => {
    const min = findAggregate('MIN')?.create([SqlTypes.INT], []);
    expect(min?.undo).toBeUndefined();
    expect(min?.merge?.(3, 1)).toBe(1);
  });

  it('resolves with numeric widening and refuses wrong types', () => {
    expect(() => resolveAggregate('SUM', [SqlTypes.STRING])).toThrow(/does not accept \(STRING\)/);
    expect(() => resolveAggregate('NOPE', [])).toThrow(/Unknown aggregate/);
  });
});
