// ATTR: the column's value when every row of the group has the same one, otherwise NULL.

import type { Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import { generic, returnsFirstArg } from '../scalar-function.js';
import { valuesEqual } from '../value-order.js';
import { decodeValue, encodeValue } from './state-codec.js';

/** Each distinct value (NULL included) with how many rows currently hold it. */
type Tally = readonly (readonly [Value, number])[];

function tally(s: Tally, v: Value, by: number): Tally {
  const at = s.findIndex(([x]) => valuesEqual(x, v));
  if (at < 0) return by > 0 ? [...s, [v, by]] : s;
  const n = (s[at]?.[1] ?? 0) + by;
  return n > 0 ? s.map((e, i) => (i === at ? [v, n] : e)) : s.filter((_, i) => i !== at);
}

const attr: AggregateImplementation<Tally> = {
  initial: () => [],
  add: (s, [v]) => tally(s, v ?? null, 1),
  undo: (s, [v]) => tally(s, v ?? null, -1),
  merge: (a, b) => b.reduce((acc, [v, n]) => tally(acc, v, n), a),
  result: (s) => (s.length === 1 ? (s[0]?.[0] ?? null) : null),
  serialize: (s) => s.map(([v, n]) => [encodeValue(v), n]),
  deserialize: (j) => (j as [unknown, number][]).map(([v, n]) => [decodeValue(v), n] as const),
};

export const attrAggregate: AggregateFunction = {
  name: 'ATTR',
  description: 'The single value a column takes in the group; NULL when the rows disagree (for columns expected to be constant per key).',
  signatures: [{ params: [generic('T')], returns: returnsFirstArg }],
  create: () => attr as AggregateImplementation,
};
