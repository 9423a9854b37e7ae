// Math functions: ABS, CEIL, FLOOR, ROUND, TRUNC, SIGN, SQRT, CBRT, EXP, LN, LOG, POWER, PI, RANDOM, GREATEST, LEAST.

import { Decimal, SqlTypes, type Value } from '../common/index.js';
import { decimalOfDouble, roundDecimal, saturatedBigint, wholeDecimalType, type RoundingMode } from './decimal-rounding.js';
import { noDefaultInvoke, returnsFirstArg, returnsType, type Invoke, type ScalarFunction, type Signature } from './scalar-function.js';
import { compareValues } from './value-order.js';

const { INT, BIGINT, DOUBLE } = SqlTypes;
const num = (v: Value | undefined): number => v as number;
const dec = (v: Value | undefined): Decimal => v as Decimal;
const double = (f: (x: number) => number): Signature[] => [{ params: ['DOUBLE'], returns: returnsType(DOUBLE), invoke: ([v]) => f(num(v)) }];
const sameType = (params: Signature['params'], invoke: Invoke): Signature => ({ params, returns: returnsFirstArg, invoke });

/** Rounding to a whole number keeps DECIMAL's declared scale (ksqlDB's CEIL/FLOOR): 1.25 → 2.00. */
const wholeKeepingScale = (mode: RoundingMode): Invoke => ([v]) => roundDecimal(dec(v), 0, mode).rescale(dec(v).scale);

/** ROUND/TRUNC to places: the value rounds, the declared DECIMAL type (and scale) stays. */
const decimalToPlaces = (mode: RoundingMode): Invoke => ([v, places]) => {
  const d = dec(v);
  return roundDecimal(d, num(places), mode).rescale(d.scale);
};
const doubleToPlaces = (mode: RoundingMode): Invoke => ([v, places]) => {
  const d = decimalOfDouble(num(v));
  return d === null ? null : roundDecimal(d, num(places), mode).toNumber();
};

function roundingFunction(name: string, description: string, mode: RoundingMode, whole: (x: number) => number): ScalarFunction {
  return {
    name,
    category: 'MATH',
    description,
    signatures: [
      { params: ['INT'], returns: returnsType(BIGINT), invoke: ([v]) => BigInt(num(v)) },
      { params: ['BIGINT'], returns: returnsType(BIGINT), invoke: ([v]) => v ?? null },
      { params: ['DOUBLE'], returns: returnsType(BIGINT), invoke: ([v]) => saturatedBigint(whole(num(v))) },
      { params: ['DOUBLE', 'INT'], returns: returnsType(DOUBLE), invoke: doubleToPlaces(mode) },
      { params: ['DECIMAL'], returns: (a) => wholeDecimalType(a[0]), invoke: ([v]) => roundDecimal(dec(v), 0, mode) },
      { params: ['DECIMAL', 'INT'], returns: returnsFirstArg, invoke: decimalToPlaces(mode) },
    ],
    invoke: noDefaultInvoke,
  };
}

/** GREATEST / LEAST: one overload per comparable type; NULL arguments are skipped. */
function extremeFunction(name: string, description: string, pick: (cmp: number) => boolean): ScalarFunction {
  const invoke: Invoke = (args) => {
    let best: Value = null;
    for (const a of args) if (a !== null && (best === null || pick(compareValues(a, best)))) best = a;
    return best;
  };
  const kinds = ['INT', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP'] as const;
  return {
    name,
    category: 'MATH',
    description,
    signatures: kinds.map((k): Signature => ({ params: [k, k], variadic: true, returns: returnsFirstArg })),
    invoke,
    callOnNull: true,
    unifiesArguments: true,
  };
}

function sign(v: Value): Value {
  if (typeof v === 'bigint') return v > 0n ? 1 : v < 0n ? -1 : 0;
  if (v instanceof Decimal) return v.unscaled > 0n ? 1 : v.unscaled < 0n ? -1 : 0;
  const x = num(v);
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

// Java's abs: the most negative INT and BIGINT stay negative (they have no positive counterpart).
const absInt: Invoke = ([v]) => Math.abs(num(v)) | 0;
const absBigint: Invoke = ([v]) => BigInt.asIntN(64, (v as bigint) < 0n ? -(v as bigint) : (v as bigint));

export const mathFunctions: readonly ScalarFunction[] = [
  {
    name: 'ABS',
    category: 'MATH',
    description: 'The absolute value of a number, in the type of the number.',
    signatures: [
      sameType(['INT'], absInt),
      sameType(['BIGINT'], absBigint),
      sameType(['DOUBLE'], ([v]) => Math.abs(num(v))),
      sameType(['DECIMAL'], ([v]) => (dec(v).unscaled < 0n ? dec(v).negate() : dec(v))),
    ],
    invoke: ([v]) => Math.abs(num(v)),
  },
  {
    name: 'CEIL',
    category: 'MATH',
    description: 'The smallest whole number not less than the argument, in the type of the argument.',
    signatures: [
      sameType(['INT'], ([v]) => v ?? null),
      sameType(['BIGINT'], ([v]) => v ?? null),
      sameType(['DOUBLE'], ([v]) => Math.ceil(num(v))),
      sameType(['DECIMAL'], wholeKeepingScale('CEILING')),
    ],
    invoke: noDefaultInvoke,
  },
  {
    name: 'FLOOR',
    category: 'MATH',
    description: 'The largest whole number not greater than the argument, in the type of the argument.',
    signatures: [
      sameType(['INT'], ([v]) => v ?? null),
      sameType(['BIGINT'], ([v]) => v ?? null),
      sameType(['DOUBLE'], ([v]) => Math.floor(num(v))),
      sameType(['DECIMAL'], wholeKeepingScale('FLOOR')),
    ],
    invoke: noDefaultInvoke,
  },
  roundingFunction(
    'ROUND',
    'Rounds to a whole number, or to a number of decimal places (negative: left of the point); halves round toward positive infinity.',
    'HALF_TOWARD_POSITIVE',
    (x) => Math.floor(x + 0.5),
  ),
  roundingFunction('TRUNC', 'Cuts a number toward zero to a whole number, or to a number of decimal places.', 'DOWN', Math.trunc),
  {
    name: 'SIGN',
    category: 'MATH',
    description: 'The sign of a number as an INT: -1, 0 or 1.',
    signatures: (['INT', 'BIGINT', 'DOUBLE', 'DECIMAL'] as const).map((k): Signature => ({ params: [k], returns: returnsType(INT) })),
    invoke: ([v]) => sign(v ?? null),
  },
  { name: 'SQRT', category: 'MATH', description: 'The square root of a number (NaN for negative numbers).', signatures: double(Math.sqrt), invoke: noDefaultInvoke },
  { name: 'CBRT', category: 'MATH', description: 'The cube root of a number.', signatures: double(Math.cbrt), invoke: noDefaultInvoke },
  { name: 'EXP', category: 'MATH', description: 'Euler\'s number e raised to the power of the argument.', signatures: double(Math.exp), invoke: noDefaultInvoke },
  { name: 'LN', category: 'MATH', description: 'The natural logarithm of a number (NaN below zero, -Infinity at zero).', signatures: double(Math.log), invoke: noDefaultInvoke },
  {
    name: 'LOG',
    category: 'MATH',
    description: 'The base-10 logarithm of a value, or its logarithm in a given base (first argument).',
    signatures: [
      { params: ['DOUBLE'], returns: returnsType(DOUBLE), invoke: ([v]) => Math.log10(num(v)) },
      { params: ['DOUBLE', 'DOUBLE'], returns: returnsType(DOUBLE), invoke: ([base, v]) => logBase(num(base), num(v)) },
    ],
    invoke: noDefaultInvoke,
  },
  {
    name: 'POWER',
    category: 'MATH',
    description: 'A base raised to an exponent (Infinity when the result overflows DOUBLE).',
    signatures: [{ params: ['DOUBLE', 'DOUBLE'], returns: returnsType(DOUBLE) }],
    invoke: ([b, e]) => Math.pow(num(b), num(e)),
  },
  { name: 'PI', category: 'MATH', description: 'An approximation of the number pi.', signatures: [{ params: [], returns: returnsType(DOUBLE) }], invoke: () => Math.PI },
  {
    name: 'RANDOM',
    category: 'MATH',
    description: 'A random DOUBLE from 0.0 (inclusive) to 1.0 (exclusive), new for every row.',
    signatures: [{ params: [], returns: returnsType(DOUBLE) }],
    invoke: () => Math.random(),
    nondeterministic: true,
  },
  extremeFunction('GREATEST', 'The largest of its arguments, NULLs ignored (NULL when all are NULL); the arguments share one type.', (c) => c > 0),
  extremeFunction('LEAST', 'The smallest of its arguments, NULLs ignored (NULL when all are NULL); the arguments share one type.', (c) => c < 0),
];

/** LOG(base, value): -Infinity for a zero value; NaN for a negative value or a base that is negative, 0 or 1. */
function logBase(base: number, value: number): number {
  if (value === 0) return -Infinity;
  if (value < 0 || base <= 0 || base === 1) return NaN;
  return Math.log(value) / Math.log(base);
}
