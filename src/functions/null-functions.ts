// Null-handling functions: COALESCE, IFNULL, NULLIF.

import type { SqlType } from '../common/index.js';
import { returnsFirstArg, type ScalarFunction } from './scalar-function.js';
import { valuesEqual } from './value-order.js';

export const nullFunctions: readonly ScalarFunction[] = [
  {
    name: 'COALESCE',
    category: 'NULL',
    description: 'The first argument that is not NULL.',
    signatures: [{ params: ['ANY'], variadic: true, returns: returnsFirstArg }],
    callOnNull: true,
    unifiesArguments: true,
    invoke: (args) => args.find((a) => a !== null) ?? null,
  },
  {
    name: 'IFNULL',
    category: 'NULL',
    description: 'The first argument, or the second if the first is NULL.',
    signatures: [{ params: ['ANY', 'ANY'], returns: (args: readonly SqlType[]) => returnsFirstArg(args) }],
    callOnNull: true,
    unifiesArguments: true,
    invoke: ([a, b]) => (a === null || a === undefined ? (b ?? null) : a),
  },
  {
    name: 'NULLIF',
    category: 'NULL',
    description: 'NULL if both arguments are equal, otherwise the first argument.',
    signatures: [{ params: ['ANY', 'ANY'], returns: returnsFirstArg }],
    callOnNull: true,
    unifiesArguments: true,
    invoke: ([a, b]) => (a !== null && a !== undefined && valuesEqual(a, b ?? null) ? null : (a ?? null)),
  },
];
