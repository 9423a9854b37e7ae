// Math functions: ABS, CEIL, FLOOR, ROUND, SQRT.

import { SqlTypes, type Value } from '../common/index.js';
import { returnsFirstArg, returnsType, type ScalarFunction } from './scalar-function.js';

// Java's abs: the most negative INT and BIGINT stay negative (they have no positive counterpart).
const absInt = ([v]: readonly Value[]): Value => Math.abs(v as number) | 0;
const absBigint = ([v]: readonly Value[]): Value => BigInt.asIntN(64, (v as bigint) < 0n ? -(v as bigint) : (v as bigint));
const absDouble = ([v]: readonly Value[]): Value => Math.abs(v as number);

export const mathFunctions: readonly ScalarFunction[] = [
  {
    name: 'ABS',
    category: 'MATH',
    description: 'The absolute value of a number.',
    signatures: [
      { params: ['INT'], returns: returnsFirstArg, invoke: absInt },
      { params: ['BIGINT'], returns: returnsFirstArg, invoke: absBigint },
      { params: ['DOUBLE'], returns: returnsFirstArg, invoke: absDouble },
    ],
    invoke: absDouble,
  },
  {
    name: 'CEIL',
    category: 'MATH',
    description: 'The smallest integer value not less than the argument.',
    signatures: [{ params: ['DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) }],
    invoke: ([v]) => Math.ceil(v as number),
  },
  {
    name: 'FLOOR',
    category: 'MATH',
    description: 'The largest integer value not greater than the argument.',
    signatures: [{ params: ['DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) }],
    invoke: ([v]) => Math.floor(v as number),
  },
  {
    name: 'ROUND',
    category: 'MATH',
    description: 'The number rounded half up to the nearest integer, or to a number of decimal places.',
    signatures: [
      { params: ['DOUBLE'], returns: returnsType(SqlTypes.BIGINT) },
      { params: ['DOUBLE', 'INT'], returns: returnsType(SqlTypes.DOUBLE) },
    ],
    invoke: ([v, places]) => {
      const x = v as number;
      if (places === undefined) return BigInt(roundHalfUp(x));
      const factor = 10 ** (places as number);
      return roundHalfUp(x * factor) / factor;
    },
  },
  {
    name: 'SQRT',
    category: 'MATH',
    description: 'The square root of the argument.',
    signatures: [{ params: ['DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) }],
    invoke: ([v]) => Math.sqrt(v as number),
  },
];

/** Java's Math.round semantics for halves away from zero on negatives (-2.5 → -2 in Java; ksqlDB uses HALF_UP: -3). */
function roundHalfUp(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
