// TOPK and TOPKDISTINCT: the k largest non-NULL values of a column (with or without repeats), largest first.

import { EngineError, formatValue, type SqlType, type Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import type { Signature } from '../scalar-function.js';
import { compareValues, valueKey } from '../value-order.js';
import { decodeValues, encodeValues } from './state-codec.js';

const KINDS = ['INT', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'DATE', 'TIME', 'TIMESTAMP'] as const;
const arrayOfFirst = (args: readonly SqlType[]): SqlType => ({ kind: 'ARRAY', element: args[0] ?? { kind: 'STRING' } });
const SIGNATURES: Signature[] = KINDS.map((k) => ({ params: [k, 'INT'], returns: arrayOfFirst }));

/** The k largest of two descending lists, merged (repeats dropped when `distinct`). */
function mergeTop(a: readonly Value[], b: readonly Value[], k: number, distinct: boolean): readonly Value[] {
  const all = [...a, ...b].sort((x, y) => compareValues(y, x));
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const v of all) {
    if (out.length >= k) break;
    if (distinct && seen.has(valueKey(v))) continue;
    seen.add(valueKey(v));
    out.push(v);
  }
  return out;
}

function topK(k: number, distinct: boolean): AggregateImplementation<readonly Value[]> {
  return {
    initial: () => [],
    add: (s, [v]) => (v === null || v === undefined ? s : mergeTop(s, [v], k, distinct)),
    merge: (a, b) => mergeTop(a, b, k, distinct),
    result: (s) => s,
    serialize: encodeValues,
    deserialize: decodeValues,
  };
}

function create(name: string, distinct: boolean) {
  return (_types: readonly SqlType[], literals: readonly (Value | undefined)[]): AggregateImplementation => {
    const k = Number(literals[1] ?? NaN);
    if (!Number.isInteger(k) || k < 1) throw new EngineError('TYPE_MISMATCH', `${name} needs a positive literal k, got ${formatValue(literals[1] ?? null)}.`);
    return topK(k, distinct) as AggregateImplementation;
  };
}

export const topkAggregates: readonly AggregateFunction[] = [
  { name: 'TOPK', description: 'The k largest non-NULL values of a column, largest first, repeats included (k is a literal).', signatures: SIGNATURES, create: create('TOPK', false) },
  { name: 'TOPKDISTINCT', description: 'The k largest distinct non-NULL values of a column, largest first (k is a literal).', signatures: SIGNATURES, create: create('TOPKDISTINCT', true) },
];
