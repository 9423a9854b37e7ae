// CORRELATION, STDDEV_SAMP and STDDEV_SAMPLE: running moments with add, undo and merge (Welford / Chan et al.).

import { Decimal, SqlTypes, type Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import { returnsType } from '../scalar-function.js';

/** Count, mean and sum of squared deviations of the non-NULL values seen. */
interface Moments {
  readonly n: number;
  readonly mean: number;
  readonly m2: number;
}
const EMPTY: Moments = { n: 0, mean: 0, m2: 0 };
const toNumber = (v: Value | undefined): number | null => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Decimal ? v.toNumber() : (v as number));

export function addMoment(s: Moments, x: number): Moments {
  const n = s.n + 1;
  const d = x - s.mean;
  const mean = s.mean + d / n;
  return { n, mean, m2: s.m2 + d * (x - mean) };
}
export function undoMoment(s: Moments, x: number): Moments {
  if (s.n <= 1) return EMPTY;
  const n = s.n - 1;
  const mean = (s.n * s.mean - x) / n;
  return { n, mean, m2: s.m2 - (x - mean) * (x - s.mean) };
}
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const d = b.mean - a.mean;
  return { n, mean: a.mean + (d * b.n) / n, m2: a.m2 + b.m2 + (d * d * a.n * b.n) / n };
}

function moments(result: (s: Moments) => Value): AggregateImplementation<Moments> {
  return {
    initial: () => EMPTY,
    add: (s, [v]) => (toNumber(v) === null ? s : addMoment(s, toNumber(v) as number)),
    undo: (s, [v]) => (toNumber(v) === null ? s : undoMoment(s, toNumber(v) as number)),
    merge: mergeMoments,
    result,
    serialize: (s) => [s.n, s.mean, s.m2],
    deserialize: (j) => {
      const [n, mean, m2] = j as [number, number, number];
      return { n, mean, m2 };
    },
  };
}

/** Sums for the Pearson correlation of pairs where neither value is NULL. */
interface CoMoments {
  readonly n: number;
  readonly sx: number;
  readonly sy: number;
  readonly sxy: number;
  readonly sxx: number;
  readonly syy: number;
}
const NO_PAIRS: CoMoments = { n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 };
const step = (s: CoMoments, x: number, y: number, w: 1 | -1): CoMoments => ({
  n: s.n + w,
  sx: s.sx + w * x,
  sy: s.sy + w * y,
  sxy: s.sxy + w * x * y,
  sxx: s.sxx + w * x * x,
  syy: s.syy + w * y * y,
});
const FIELDS = ['n', 'sx', 'sy', 'sxy', 'sxx', 'syy'] as const;

const correlation: AggregateImplementation<CoMoments> = {
  initial: () => NO_PAIRS,
  add: (s, [x, y]) => (toNumber(x) === null || toNumber(y) === null ? s : step(s, toNumber(x) as number, toNumber(y) as number, 1)),
  undo: (s, [x, y]) => (toNumber(x) === null || toNumber(y) === null ? s : step(s, toNumber(x) as number, toNumber(y) as number, -1)),
  merge: (a, b) => ({ n: a.n + b.n, sx: a.sx + b.sx, sy: a.sy + b.sy, sxy: a.sxy + b.sxy, sxx: a.sxx + b.sxx, syy: a.syy + b.syy }),
  result: (s) => {
    if (s.n === 0) return null;
    const cov = s.sxy - (s.sx * s.sy) / s.n;
    return cov / Math.sqrt((s.sxx - (s.sx * s.sx) / s.n) * (s.syy - (s.sy * s.sy) / s.n));
  },
  serialize: (s) => FIELDS.map((f) => s[f]),
  deserialize: (j) => Object.fromEntries(FIELDS.map((f, i) => [f, (j as number[])[i] ?? 0])) as unknown as CoMoments,
};

const NUMERIC = (['INT', 'BIGINT', 'DOUBLE'] as const).map((k) => ({ params: [k], returns: returnsType(SqlTypes.DOUBLE) }));

export const statisticsAggregates: readonly AggregateFunction[] = [
  {
    name: 'CORRELATION',
    description: 'The Pearson correlation coefficient of two numeric columns over the rows where both are not NULL.',
    signatures: [{ params: ['DOUBLE', 'DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) }],
    create: () => correlation as AggregateImplementation,
  },
  {
    name: 'STDDEV_SAMP',
    description: 'The sample VARIANCE of a numeric column (ksqlDB returns the square of the standard deviation here; use STDDEV_SAMPLE for the deviation); 0.0 below two values.',
    signatures: NUMERIC,
    create: () => moments((s) => (s.n < 2 ? 0 : s.m2 / (s.n - 1))) as AggregateImplementation,
  },
  {
    name: 'STDDEV_SAMPLE',
    description: 'The sample standard deviation of a numeric column, NULLs ignored; 0.0 below two values.',
    signatures: NUMERIC,
    create: () => moments((s) => (s.n < 2 ? 0 : Math.sqrt(s.m2 / (s.n - 1)))) as AggregateImplementation,
  },
];
