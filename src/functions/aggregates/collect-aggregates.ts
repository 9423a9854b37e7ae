// COLLECT_LIST and COLLECT_SET: the values of a group as an array (all of them, or the distinct ones), up to a limit.

import type { SqlType, Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import { generic } from '../scalar-function.js';
import { valueKey, valuesEqual } from '../value-order.js';
import { decodeValues, encodeValues } from './state-codec.js';

/** ksqlDB's default for ksql.functions.collect_list.limit and collect_set.limit. */
export const COLLECT_LIMIT = 1000;

const returnsArrayOfFirst = (args: readonly SqlType[]): SqlType => ({ kind: 'ARRAY', element: args[0] ?? { kind: 'STRING' } });
const codec = { result: (s: readonly Value[]): Value => s, serialize: encodeValues, deserialize: decodeValues };

function collectList(limit: number): AggregateImplementation<readonly Value[]> {
  return {
    initial: () => [],
    add: (s, [v]) => (s.length < limit ? [...s, v ?? null] : s),
    undo: (s, [v]) => {
      for (let i = s.length - 1; i >= 0; i--) if (valuesEqual(s[i] ?? null, v ?? null)) return [...s.slice(0, i), ...s.slice(i + 1)];
      return s;
    },
    merge: (a, b) => [...a, ...b].slice(0, limit),
    ...codec,
  };
}

function collectSet(limit: number): AggregateImplementation<readonly Value[]> {
  const union = (a: readonly Value[], b: readonly Value[]): readonly Value[] => {
    const seen = new Set(a.map(valueKey));
    const out = [...a];
    for (const v of b) {
      if (out.length >= limit) break;
      if (!seen.has(valueKey(v))) out.push(v);
      seen.add(valueKey(v));
    }
    return out;
  };
  return { initial: () => [], add: (s, [v]) => union(s, [v ?? null]), merge: union, ...codec };
}

const T = generic('T');

export const collectAggregates: readonly AggregateFunction[] = [
  {
    name: 'COLLECT_LIST',
    description: `All values of a column in the group (NULLs included) as an array, in arrival order, up to ${COLLECT_LIMIT} values.`,
    signatures: [{ params: [T], returns: returnsArrayOfFirst }],
    create: () => collectList(COLLECT_LIMIT) as AggregateImplementation,
  },
  {
    name: 'COLLECT_SET',
    description: `The distinct values of a column in the group as an array, in first-arrival order, up to ${COLLECT_LIMIT} values.`,
    signatures: [{ params: [T], returns: returnsArrayOfFirst }],
    create: () => collectSet(COLLECT_LIMIT) as AggregateImplementation,
  },
];
