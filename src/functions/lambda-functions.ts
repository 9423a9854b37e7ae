// Lambda (higher-order) functions over arrays and maps: TRANSFORM, FILTER, REDUCE.

import type { LambdaValue, MapKey, SqlType, Value, ValueMap } from '../common/index.js';
import { arrayOf, generic, lambda, mapOf, noDefaultInvoke, returnsGeneric, type ScalarFunction } from './scalar-function.js';

const T = generic('T');
const U = generic('U');
const K = generic('K');
const V = generic('V');
const K2 = generic('K2');
const V2 = generic('V2');
const S = generic('S');
const arr = (v: Value | undefined): readonly Value[] => v as readonly Value[];
const entries = (v: Value | undefined): [MapKey, Value][] => [...(v as ValueMap).entries];
const fn = (v: Value | undefined): LambdaValue => v as unknown as LambdaValue;
const mapValue = (pairs: Iterable<readonly [MapKey, Value]>): ValueMap => ({ kind: 'map', entries: new Map(pairs) });
const bound = (g: ReadonlyMap<string, SqlType>, name: string): SqlType => g.get(name) ?? { kind: 'STRING' };

export const lambdaFunctions: readonly ScalarFunction[] = [
  {
    name: 'TRANSFORM',
    category: 'LAMBDA',
    description: 'Applies a lambda to every element of an array, or two lambdas (for keys and for values) to every entry of a map.',
    signatures: [
      {
        params: [arrayOf(T), lambda([T], U)],
        returns: (_a, g) => ({ kind: 'ARRAY', element: bound(g, 'U') }),
        invoke: ([a, f]) => arr(a).map((x) => fn(f)(x)),
      },
      {
        params: [mapOf(K, V), lambda([K, V], K2), lambda([K, V], V2)],
        returns: (_a, g) => ({ kind: 'MAP', key: bound(g, 'K2'), value: bound(g, 'V2') }),
        invoke: ([m, fk, fv]) => mapValue(entries(m).map(([k, v]) => [fn(fk)(k, v) as MapKey, fn(fv)(k, v)] as const)),
      },
    ],
    invoke: noDefaultInvoke,
  },
  {
    name: 'FILTER',
    category: 'LAMBDA',
    description: 'The elements of an array, or the entries of a map, for which a lambda returns true.',
    signatures: [
      { params: [arrayOf(T), lambda([T], 'BOOLEAN')], returns: (a) => a[0] ?? { kind: 'STRING' }, invoke: ([a, f]) => arr(a).filter((x) => fn(f)(x) === true) },
      {
        params: [mapOf(K, V), lambda([K, V], 'BOOLEAN')],
        returns: (a) => a[0] ?? { kind: 'STRING' },
        invoke: ([m, f]) => mapValue(entries(m).filter(([k, v]) => fn(f)(k, v) === true)),
      },
    ],
    invoke: noDefaultInvoke,
  },
  {
    name: 'REDUCE',
    category: 'LAMBDA',
    description: 'Folds an array (lambda of state and element) or a map (lambda of state, key and value) into a state, from an initial state.',
    signatures: [
      { params: [arrayOf(T), S, lambda([S, T], S)], returns: returnsGeneric('S'), invoke: ([a, s, f]) => arr(a).reduce<Value>((acc, x) => fn(f)(acc, x), s ?? null) },
      {
        params: [mapOf(K, V), S, lambda([S, K, V], S)],
        returns: returnsGeneric('S'),
        invoke: ([m, s, f]) => entries(m).reduce<Value>((acc, [k, v]) => fn(f)(acc, k, v), s ?? null),
      },
    ],
    invoke: noDefaultInvoke,
  },
];
