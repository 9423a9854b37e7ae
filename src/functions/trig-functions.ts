// Trigonometric functions: SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH, DEGREES, RADIANS.

import { SqlTypes, type Value } from '../common/index.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

const num = (v: Value | undefined): number => v as number;

function unary(name: string, description: string, f: (x: number) => number): ScalarFunction {
  return { name, category: 'MATH', description, signatures: [{ params: ['DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) }], invoke: ([v]) => f(num(v)) };
}

export const trigFunctions: readonly ScalarFunction[] = [
  unary('SIN', 'The sine of an angle in radians.', Math.sin),
  unary('COS', 'The cosine of an angle in radians.', Math.cos),
  unary('TAN', 'The tangent of an angle in radians.', Math.tan),
  unary('COT', 'The cotangent of an angle in radians (signed Infinity at zero).', (x) => 1 / Math.tan(x)),
  unary('ASIN', 'The arc sine in radians (NaN outside [-1, 1]).', Math.asin),
  unary('ACOS', 'The arc cosine in radians (NaN outside [-1, 1]).', Math.acos),
  unary('ATAN', 'The arc tangent in radians.', Math.atan),
  {
    name: 'ATAN2',
    category: 'MATH',
    description: 'The angle in radians of the point (x, y), taking y first: the polar angle theta.',
    signatures: [{ params: ['DOUBLE', 'DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) }],
    invoke: ([y, x]) => Math.atan2(num(y), num(x)),
  },
  unary('SINH', 'The hyperbolic sine.', Math.sinh),
  unary('COSH', 'The hyperbolic cosine.', Math.cosh),
  unary('TANH', 'The hyperbolic tangent.', Math.tanh),
  unary('DEGREES', 'Converts an angle from radians to degrees.', (x) => x * (180 / Math.PI)),
  unary('RADIANS', 'Converts an angle from degrees to radians.', (x) => x * (Math.PI / 180)),
];
