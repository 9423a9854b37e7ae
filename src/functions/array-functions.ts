// Array functions: ARRAY_CONCAT, ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_UNION, ARRAY_JOIN,
// ARRAY_LENGTH, ARRAY_MAX, ARRAY_MIN, ARRAY_REMOVE, ARRAY_SORT, GENERATE_SERIES, SLICE.

import { SqlTypes, type SqlType, type Value } from '../common/index.js';
import { arrayOf, generic, noDefaultInvoke, returnsFirstArg, returnsGeneric, returnsType, type ScalarFunction } from './scalar-function.js';
import { compareValues, valueKey } from './value-order.js';
import { valueText } from './value-text.js';

const T = generic('T');
const ARRAY_T = arrayOf(T);
const arr = (v: Value | undefined): readonly Value[] => v as readonly Value[];
const num = (v: Value | undefined): number => v as number;
const elementType = (types: readonly SqlType[]): SqlType | undefined => (types[0]?.kind === 'ARRAY' ? types[0].element : undefined);

/** The distinct values of `values` in first-seen order (NULL kept once). */
function distinct(values: readonly Value[], keep: (key: string) => boolean = () => true): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const v of values) {
    const k = valueKey(v);
    if (!seen.has(k) && keep(k)) out.push(v);
    seen.add(k);
  }
  return out;
}
const keysOf = (values: readonly Value[]): Set<string> => new Set(values.map(valueKey));

/** NULLs last; the rest ascending or descending. */
function sortValues(values: readonly Value[], descending: boolean): Value[] {
  return [...values].sort((a, b) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : descending ? compareValues(b, a) : compareValues(a, b)));
}

function extreme(values: readonly Value[], pick: (cmp: number) => boolean): Value {
  let best: Value = null;
  for (const v of values) if (v !== null && (best === null || pick(compareValues(v, best)))) best = v;
  return best;
}

function series(start: number | bigint, end: number | bigint, step: number): Value[] | null {
  if (step === 0) return null;
  const big = typeof start === 'bigint';
  const s = BigInt(start);
  const e = BigInt(end);
  const st = BigInt(step);
  if ((e - s) * st < 0n) return null;
  const out: Value[] = [];
  for (let v = s; step > 0 ? v <= e : v >= e; v += st) out.push(big ? v : Number(v));
  return out;
}

export const arrayFunctions: readonly ScalarFunction[] = [
  {
    name: 'ARRAY_CONCAT',
    category: 'ARRAY',
    description: 'The elements of one array followed by those of another; a NULL array counts as empty unless both are NULL.',
    signatures: [{ params: [ARRAY_T, ARRAY_T], returns: returnsFirstArg }],
    callOnNull: true,
    invoke: ([a, b]) => (a === null && b === null ? null : [...(a === null ? [] : arr(a)), ...(b === null ? [] : arr(b))]),
  },
  {
    name: 'ARRAY_CONTAINS',
    category: 'ARRAY',
    description: 'Whether an array holds a value (NULL included); false for a NULL array.',
    signatures: [{ params: [ARRAY_T, T], returns: returnsType(SqlTypes.BOOLEAN) }],
    callOnNull: true,
    invoke: ([a, v]) => a !== null && arr(a).some((x) => valueKey(x) === valueKey(v ?? null)),
  },
  {
    name: 'ARRAY_DISTINCT',
    category: 'ARRAY',
    description: 'The distinct elements of an array (NULL at most once), in order of first appearance.',
    signatures: [{ params: [ARRAY_T], returns: returnsFirstArg }],
    invoke: ([a]) => distinct(arr(a)),
  },
  {
    name: 'ARRAY_EXCEPT',
    category: 'ARRAY',
    description: 'The distinct elements of the first array that are not in the second, in their first-array order.',
    signatures: [{ params: [ARRAY_T, ARRAY_T], returns: returnsFirstArg }],
    invoke: ([a, b]) => {
      const drop = keysOf(arr(b));
      return distinct(arr(a), (k) => !drop.has(k));
    },
  },
  {
    name: 'ARRAY_INTERSECT',
    category: 'ARRAY',
    description: 'The distinct elements present in both arrays, in their first-array order.',
    signatures: [{ params: [ARRAY_T, ARRAY_T], returns: returnsFirstArg }],
    invoke: ([a, b]) => {
      const keep = keysOf(arr(b));
      return distinct(arr(a), (k) => keep.has(k));
    },
  },
  {
    name: 'ARRAY_UNION',
    category: 'ARRAY',
    description: 'The distinct elements of both arrays, in the order they are first met.',
    signatures: [{ params: [ARRAY_T, ARRAY_T], returns: returnsFirstArg }],
    invoke: ([a, b]) => distinct([...arr(a), ...arr(b)]),
  },
  {
    name: 'ARRAY_JOIN',
    category: 'ARRAY',
    description: "The elements of an array of primitives as text joined by a delimiter (',' by default).",
    signatures: [{ params: [ARRAY_T], returns: returnsType(SqlTypes.STRING) }, { params: [ARRAY_T, 'STRING'], returns: returnsType(SqlTypes.STRING) }],
    callOnNull: true,
    invoke: noDefaultInvoke,
    specialize: (types) => {
      const element = elementType(types);
      return ([a, d]) => (a === null || a === undefined ? null : arr(a).map((v) => valueText(v, element)).join(d === undefined ? ',' : ((d as string | null) ?? '')));
    },
  },
  {
    name: 'ARRAY_LENGTH',
    category: 'ARRAY',
    description: 'The number of elements in an array.',
    signatures: [{ params: [ARRAY_T], returns: returnsType(SqlTypes.INT) }],
    invoke: ([a]) => arr(a).length,
  },
  {
    name: 'ARRAY_MAX',
    category: 'ARRAY',
    description: 'The largest non-NULL element of an array of primitives, or NULL when there is none.',
    signatures: [{ params: [ARRAY_T], returns: returnsGeneric('T') }],
    invoke: ([a]) => extreme(arr(a), (c) => c > 0),
  },
  {
    name: 'ARRAY_MIN',
    category: 'ARRAY',
    description: 'The smallest non-NULL element of an array of primitives, or NULL when there is none.',
    signatures: [{ params: [ARRAY_T], returns: returnsGeneric('T') }],
    invoke: ([a]) => extreme(arr(a), (c) => c < 0),
  },
  {
    name: 'ARRAY_REMOVE',
    category: 'ARRAY',
    description: 'The array without the elements equal to a value (a NULL value removes the NULL elements).',
    signatures: [{ params: [ARRAY_T, T], returns: returnsFirstArg }],
    callOnNull: true,
    invoke: ([a, v]) => (a === null || a === undefined ? null : arr(a).filter((x) => valueKey(x) !== valueKey(v ?? null))),
  },
  {
    name: 'ARRAY_SORT',
    category: 'ARRAY',
    description: "The elements of an array of primitives sorted 'ASC' (default) or 'DESC', NULLs last.",
    signatures: [{ params: [ARRAY_T], returns: returnsFirstArg }, { params: [ARRAY_T, 'STRING'], returns: returnsFirstArg }],
    invoke: ([a, dir]) => {
      const d = dir === undefined ? 'ASC' : (dir as string).toUpperCase();
      return d === 'ASC' || d === 'DESC' ? sortValues(arr(a), d === 'DESC') : null;
    },
  },
  {
    name: 'GENERATE_SERIES',
    category: 'ARRAY',
    description: 'The numbers from start to end inclusive, by a step (1 by default, may be negative); NULL for a zero or wrong-signed step.',
    signatures: [
      { params: ['INT', 'INT'], returns: returnsType({ kind: 'ARRAY', element: SqlTypes.INT }) },
      { params: ['INT', 'INT', 'INT'], returns: returnsType({ kind: 'ARRAY', element: SqlTypes.INT }) },
      { params: ['BIGINT', 'BIGINT'], returns: returnsType({ kind: 'ARRAY', element: SqlTypes.BIGINT }) },
      { params: ['BIGINT', 'BIGINT', 'INT'], returns: returnsType({ kind: 'ARRAY', element: SqlTypes.BIGINT }) },
    ],
    invoke: ([start, end, step]) => series(start as number | bigint, end as number | bigint, step === undefined ? 1 : num(step)),
  },
  {
    name: 'SLICE',
    category: 'ARRAY',
    description: 'The elements of an array from one 1-based position to another, both included (a NULL bound is open); NULL when out of range.',
    signatures: [{ params: [ARRAY_T, 'INT', 'INT'], returns: returnsFirstArg }],
    callOnNull: true,
    invoke: ([a, from, to]) => {
      if (a === null || a === undefined) return null;
      const list = arr(a);
      const start = from === null || from === undefined ? 0 : num(from) - 1;
      const end = to === null || to === undefined ? list.length : num(to);
      return start < 0 || end > list.length || start > end ? null : list.slice(start, end);
    },
  },
];
