// EARLIEST_BY_OFFSET and LATEST_BY_OFFSET: the first or last value(s) of a column in arrival (offset) order.

import { EngineError, formatValue, SqlTypes, type SqlType, type Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import { generic, returnsFirstArg, type Signature } from '../scalar-function.js';
import { decodeValues, encodeValues } from './state-codec.js';

const T = generic('T');
const arrayOfFirst = (args: readonly SqlType[]): SqlType => ({ kind: 'ARRAY', element: args[0] ?? SqlTypes.STRING });

/**
 * Keeps up to `n` values: the first ones (earliest) or the last ones (latest). `merge(a, b)` takes
 * `a` as the earlier part of the stream, which is how session windows are merged.
 */
function byOffset(earliest: boolean, n: number, ignoreNulls: boolean, single: boolean): AggregateImplementation<readonly Value[]> {
  const keep = (values: readonly Value[]): readonly Value[] => (earliest ? values.slice(0, n) : values.slice(Math.max(0, values.length - n)));
  return {
    initial: () => [],
    add: (s, [v]) => (ignoreNulls && (v ?? null) === null ? s : earliest && s.length >= n ? s : keep([...s, v ?? null])),
    merge: (a, b) => keep([...a, ...b]),
    result: (s) => (single ? (s[0] ?? null) : s),
    serialize: encodeValues,
    deserialize: decodeValues,
  };
}

/** The literal arguments: N (when the second is an INT) and the ignore-NULLs flag (default true). */
function create(earliest: boolean) {
  return (argTypes: readonly SqlType[], literals: readonly (Value | undefined)[]): AggregateImplementation => {
    const counted = argTypes[1]?.kind === 'INT';
    const n = counted ? Number(literals[1] ?? 1) : 1;
    const flag = literals[counted ? 2 : 1];
    if (!Number.isInteger(n) || n < 1) {
      throw new EngineError('TYPE_MISMATCH', `${earliest ? 'EARLIEST' : 'LATEST'}_BY_OFFSET needs a positive literal N, got ${formatValue(literals[1] ?? null)}.`);
    }
    return byOffset(earliest, n, flag === undefined || flag === null ? true : flag === true, !counted) as AggregateImplementation;
  };
}

function signatures(): Signature[] {
  return [
    { params: [T], returns: returnsFirstArg },
    { params: [T, 'BOOLEAN'], returns: returnsFirstArg },
    { params: [T, 'INT'], returns: arrayOfFirst },
    { params: [T, 'INT', 'BOOLEAN'], returns: arrayOfFirst },
  ];
}

export const offsetAggregates: readonly AggregateFunction[] = [
  {
    name: 'EARLIEST_BY_OFFSET',
    description: 'The earliest value of a column (lowest offset), or an array of the earliest N; NULLs skipped unless the flag is false.',
    signatures: signatures(),
    create: create(true),
  },
  {
    name: 'LATEST_BY_OFFSET',
    description: 'The latest value of a column (highest offset), or an array of the latest N; NULLs skipped unless the flag is false.',
    signatures: signatures(),
    create: create(false),
  },
];
