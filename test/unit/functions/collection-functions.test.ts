// Unit tests for array, map and lambda functions: generic signatures, NULL handling and out-of-range cases.

import { describe, expect, it } from 'vitest';
import { EngineError, type SqlType, type Value } from '../../../src/common/index.js';
import { resolveCall, type LambdaArg } from '../../../src/functions/index.js';
import { call, map, returnType, T } from './call-function.js';

const { INT, BIGINT, DOUBLE, STRING, BOOLEAN } = T;
const ints = T.array(INT);
const strings = T.array(STRING);
const entriesOf = (v: Value): [unknown, unknown][] => [...(v as unknown as { entries: Map<unknown, unknown> }).entries];
/** A lambda argument whose body has type `body` whatever its parameters are (recording what it was given). */
const lambdaArg = (arity: number, body: (params: readonly SqlType[]) => SqlType, seen: SqlType[][] = []): LambdaArg => ({
  kind: 'LAMBDA',
  arity,
  bind: (params) => {
    seen.push([...params]);
    return body(params);
  },
});

describe('array functions', () => {
  it('ARRAY_CONCAT treats one NULL array as empty', () => {
    expect(call('ARRAY_CONCAT', [ints, ints], [1, 2], [3])).toEqual([1, 2, 3]);
    expect(call('ARRAY_CONCAT', [ints, ints], null, [3])).toEqual([3]);
    expect(call('ARRAY_CONCAT', [ints, ints], null, null)).toBeNull();
    expect(() => resolveCall('ARRAY_CONCAT', [ints, strings])).toThrow(EngineError);
  });

  it('ARRAY_CONTAINS finds values and NULLs; a NULL array contains nothing; the value widens to the element type', () => {
    expect(call('ARRAY_CONTAINS', [ints, INT], [1, 2, 3], 3)).toBe(true);
    expect(call('ARRAY_CONTAINS', [ints, INT], [1, null], null)).toBe(true);
    expect(call('ARRAY_CONTAINS', [ints, INT], null, 1)).toBe(false);
    expect(call('ARRAY_CONTAINS', [T.array(BIGINT), INT], [5n], 5)).toBe(true);
    expect(() => resolveCall('ARRAY_CONTAINS', [ints, BIGINT])).toThrow(/does not accept/);
  });

  it('ARRAY_DISTINCT, ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_UNION keep first-seen order and one NULL', () => {
    expect(call('ARRAY_DISTINCT', [ints], [1, 1, 2, 3, 1, 2])).toEqual([1, 2, 3]);
    expect(call('ARRAY_DISTINCT', [strings], ['apple', 'apple', null, 'cherry', null])).toEqual(['apple', null, 'cherry']);
    expect(call('ARRAY_EXCEPT', [ints, ints], [1, 2, 3, 1, 2], [2, 3])).toEqual([1]);
    expect(call('ARRAY_EXCEPT', [strings, strings], ['apple', 'apple', null, 'cherry'], ['cherry'])).toEqual(['apple', null]);
    expect(call('ARRAY_INTERSECT', [ints, ints], [1, 2, 3, 1, 2], [2, 1])).toEqual([1, 2]);
    expect(call('ARRAY_UNION', [ints, ints], [1, 2, 3, 1, 2], [4, 1])).toEqual([1, 2, 3, 4]);
    expect(call('ARRAY_UNION', [ints, ints], [1], null)).toBeNull();
  });

  it('ARRAY_JOIN prints elements as Java does, with a default comma', () => {
    expect(call('ARRAY_JOIN', [ints], [1, 2, 3])).toBe('1,2,3');
    expect(call('ARRAY_JOIN', [T.array(DOUBLE), STRING], [1, 2.5], ' | ')).toBe('1.0 | 2.5');
    expect(call('ARRAY_JOIN', [T.array(BOOLEAN), STRING], [true, null], '-')).toBe('true-null');
    expect(call('ARRAY_JOIN', [T.array(T.DATE)], [18911])).toBe('2021-10-11');
    expect(call('ARRAY_JOIN', [ints, STRING], [1, 2], null)).toBe('12');
    expect(call('ARRAY_JOIN', [ints], null)).toBeNull();
  });

  it('ARRAY_LENGTH, ARRAY_MAX, ARRAY_MIN skip NULL elements', () => {
    expect(call('ARRAY_LENGTH', [ints], [1, null])).toBe(2);
    expect(call('ARRAY_LENGTH', [ints], null)).toBeNull();
    expect(call('ARRAY_MAX', [ints], [-1, 2, null, 0])).toBe(2);
    expect(call('ARRAY_MIN', [ints], [-1, 2, null, 0])).toBe(-1);
    expect(call('ARRAY_MAX', [strings], ['Foo', 'Bar', null, 'baz'])).toBe('baz');
    expect(call('ARRAY_MIN', [T.array(BOOLEAN)], [true, null, false])).toBe(false);
    expect(call('ARRAY_MAX', [ints], [null, null])).toBeNull();
    expect(call('ARRAY_MAX', [ints], [])).toBeNull();
    expect(returnType('ARRAY_MAX', T.array(T.decimal(4, 2)))).toBe('DECIMAL(4, 2)');
  });

  it('ARRAY_REMOVE removes equal elements, NULL removing NULLs', () => {
    expect(call('ARRAY_REMOVE', [ints, INT], [1, 2, 3, 2, 1], 2)).toEqual([1, 3, 1]);
    expect(call('ARRAY_REMOVE', [strings, STRING], ['Foo', null, 'baz'], null)).toEqual(['Foo', 'baz']);
    expect(call('ARRAY_REMOVE', [ints, INT], null, 1)).toBeNull();
  });

  it('ARRAY_SORT sorts ascending or descending with NULLs last; a bad direction is NULL', () => {
    expect(call('ARRAY_SORT', [ints], [-1, 2, null, 0])).toEqual([-1, 0, 2, null]);
    expect(call('ARRAY_SORT', [strings, STRING], ['Foo', 'Bar', null, 'baz'], 'desc')).toEqual(['baz', 'Foo', 'Bar', null]);
    expect(call('ARRAY_SORT', [T.array(BOOLEAN)], [true, null, false])).toEqual([false, true, null]);
    expect(call('ARRAY_SORT', [ints, STRING], [1], 'SIDEWAYS')).toBeNull();
  });

  it('GENERATE_SERIES counts up or down by a step; a zero or wrong-signed step is NULL', () => {
    expect(call('GENERATE_SERIES', [INT, INT], 1, 4)).toEqual([1, 2, 3, 4]);
    expect(call('GENERATE_SERIES', [INT, INT, INT], 10, 0, -5)).toEqual([10, 5, 0]);
    expect(call('GENERATE_SERIES', [BIGINT, BIGINT, INT], 1n, 5n, 2)).toEqual([1n, 3n, 5n]);
    expect(call('GENERATE_SERIES', [INT, BIGINT], 1, 2n)).toEqual([1n, 2n]);
    expect(call('GENERATE_SERIES', [INT, INT, INT], 1, 5, 0)).toBeNull();
    expect(call('GENERATE_SERIES', [INT, INT, INT], 1, 5, -1)).toBeNull();
    expect(call('GENERATE_SERIES', [INT, INT], 3, 3)).toEqual([3]);
  });

  it('SLICE takes 1-based inclusive bounds; NULL bounds are open; out of range is NULL', () => {
    expect(call('SLICE', [ints, INT, INT], [1, 2, 3, 4], 2, 3)).toEqual([2, 3]);
    expect(call('SLICE', [ints, INT, INT], [1, 2, 3, 4], null, 2)).toEqual([1, 2]);
    expect(call('SLICE', [ints, INT, INT], [1, 2, 3, 4], 3, null)).toEqual([3, 4]);
    expect(call('SLICE', [ints, INT, INT], [1, 2, 3, 4], 0, 2)).toBeNull();
    expect(call('SLICE', [ints, INT, INT], [1, 2, 3, 4], 2, 9)).toBeNull();
    expect(call('SLICE', [ints, INT, INT], null, 1, 2)).toBeNull();
  });
});

describe('map functions', () => {
  const m = T.map(STRING, INT);
  it('AS_MAP pairs keys and values', () => {
    expect(entriesOf(call('AS_MAP', [strings, ints], ['a', 'b', 'c'], [1, 2]))).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(returnType('AS_MAP', strings, T.array(DOUBLE))).toBe('MAP<STRING, DOUBLE>');
  });

  it('ENTRIES makes K/V structs, sorted by key on request', () => {
    const value = map({ b: 2, a: 1 });
    expect(call('ENTRIES', [m, BOOLEAN], value, true)).toEqual([
      { kind: 'struct', fields: { K: 'a', V: 1 } },
      { kind: 'struct', fields: { K: 'b', V: 2 } },
    ]);
    expect((call('ENTRIES', [m, BOOLEAN], value, false) as unknown as { fields: { K: string } }[]).map((s) => s.fields.K)).toEqual(['b', 'a']);
    expect(returnType('ENTRIES', m, BOOLEAN)).toBe('ARRAY<STRUCT<K STRING, V INT>>');
  });

  it('MAP_KEYS, MAP_VALUES and MAP_UNION (the second map wins; one NULL map counts as empty)', () => {
    expect(call('MAP_KEYS', [m], map({ apple: 10, banana: 20 }))).toEqual(['apple', 'banana']);
    expect(call('MAP_VALUES', [m], map({ apple: 10, banana: 20 }))).toEqual([10, 20]);
    expect(call('MAP_KEYS', [m], null)).toBeNull();
    expect(entriesOf(call('MAP_UNION', [m, m], map({ apple: 10, banana: 20 }), map({ apple: 50 })))).toEqual([
      ['apple', 50],
      ['banana', 20],
    ]);
    expect(entriesOf(call('MAP_UNION', [m, m], null, map({ a: 1 })))).toEqual([['a', 1]]);
    expect(call('MAP_UNION', [m, m], null, null)).toBeNull();
  });
});

describe('lambda functions', () => {
  it('type the lambda parameters from the collection and the result from the body', () => {
    const seen: SqlType[][] = [];
    const r = resolveCall('TRANSFORM', [ints, lambdaArg(1, () => STRING, seen)]);
    expect(seen).toEqual([[INT]]);
    expect(r.returnType).toEqual(strings);
    expect(r.lambdaParamTypes[1]).toEqual([INT]);
    const m = resolveCall('TRANSFORM', [T.map(STRING, INT), lambdaArg(2, () => INT), lambdaArg(2, () => BOOLEAN)]);
    expect(m.returnType).toEqual(T.map(INT, BOOLEAN));
    expect(resolveCall('REDUCE', [ints, BIGINT, lambdaArg(2, () => BIGINT)]).returnType).toEqual(BIGINT);
    expect(() => resolveCall('REDUCE', [ints, INT, lambdaArg(2, () => BIGINT)])).toThrow(/does not accept/);
    expect(() => resolveCall('FILTER', [ints, lambdaArg(1, () => INT)])).toThrow(/does not accept/);
    expect(() => resolveCall('FILTER', [ints, lambdaArg(2, () => BOOLEAN)])).toThrow(/does not accept/);
  });

  it('TRANSFORM, FILTER and REDUCE run the lambdas over arrays and maps', () => {
    const lam = (f: (...a: Value[]) => Value): Value => f as unknown as Value;
    const ml = T.map(STRING, INT);
    expect(call('TRANSFORM', [ints, lambdaArg(1, () => INT)], [1, 2, null], lam((x) => (x === null ? -1 : (x as number) * 10)))).toEqual([10, 20, -1]);
    expect(entriesOf(call('TRANSFORM', [ml, lambdaArg(2, () => STRING), lambdaArg(2, () => INT)], map({ a: 1 }), lam((k) => `${k as string}!`), lam((_k, v) => (v as number) + 1)))).toEqual([['a!', 2]]);
    expect(call('FILTER', [ints, lambdaArg(1, () => BOOLEAN)], [1, 2, 3, null], lam((x) => (x === null ? null : (x as number) > 1)))).toEqual([2, 3]);
    expect(entriesOf(call('FILTER', [ml, lambdaArg(2, () => BOOLEAN)], map({ a: 1, b: 2 }), lam((_k, v) => v === 2)))).toEqual([['b', 2]]);
    expect(call('REDUCE', [ints, INT, lambdaArg(2, () => INT)], [1, 2, 3], 10, lam((s, x) => (s as number) + (x as number)))).toBe(16);
    expect(call('REDUCE', [ml, STRING, lambdaArg(3, () => STRING)], map({ a: 1, b: 2 }), '', lam((s, k, v) => `${s as string}${k as string}${v as number}`))).toBe('a1b2');
    expect(call('REDUCE', [ints, INT, lambdaArg(2, () => INT)], [1], null, lam((s) => s))).toBeNull();
    expect(call('TRANSFORM', [ints, lambdaArg(1, () => INT)], null, lam((x) => x))).toBeNull();
  });
});
