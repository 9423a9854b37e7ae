// HISTOGRAM: how many times each distinct string occurs in the group, for up to 1000 distinct strings.

import { SqlTypes, type MapKey, type Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import { returnsType } from '../scalar-function.js';

export const HISTOGRAM_LIMIT = 1000;
type Counts = ReadonlyMap<string, number>;

function bump(s: Counts, key: string, by: number): Counts {
  const now = (s.get(key) ?? 0) + by;
  if (!s.has(key) && (by < 0 || s.size >= HISTOGRAM_LIMIT)) return s;
  const out = new Map(s);
  if (now <= 0) out.delete(key);
  else out.set(key, now);
  return out;
}

const histogram: AggregateImplementation<Counts> = {
  initial: () => new Map(),
  add: (s, [v]) => (typeof v === 'string' ? bump(s, v, 1) : s),
  undo: (s, [v]) => (typeof v === 'string' ? bump(s, v, -1) : s),
  merge: (a, b) => [...b].reduce((acc, [k, n]) => bump(acc, k, n), a),
  result: (s) => ({ kind: 'map', entries: new Map<MapKey, Value>([...s].map(([k, n]) => [k, BigInt(n)])) }),
  serialize: (s) => [...s],
  deserialize: (j) => new Map(j as [string, number][]),
};

export const histogramAggregate: AggregateFunction = {
  name: 'HISTOGRAM',
  description: `A map from each distinct non-NULL string of a column to its number of occurrences (at most ${HISTOGRAM_LIMIT} distinct strings).`,
  signatures: [{ params: ['STRING'], returns: returnsType({ kind: 'MAP', key: SqlTypes.STRING, value: SqlTypes.BIGINT }) }],
  create: () => histogram as AggregateImplementation,
};
