// String functions: UCASE, LCASE, LEN, CONCAT, TRIM, SUBSTRING.

import { SqlTypes, type Value } from '../common/index.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

const str = (v: Value): string => v as string;

export const stringFunctions: readonly ScalarFunction[] = [
  {
    name: 'UCASE',
    category: 'STRING',
    description: 'The string in upper case.',
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s]) => str(s ?? null).toUpperCase(),
  },
  {
    name: 'LCASE',
    category: 'STRING',
    description: 'The string in lower case.',
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s]) => str(s ?? null).toLowerCase(),
  },
  {
    name: 'LEN',
    category: 'STRING',
    description: 'The number of characters in the string.',
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.INT) }],
    invoke: ([s]) => [...str(s ?? null)].length,
  },
  {
    name: 'TRIM',
    category: 'STRING',
    description: 'The string without leading and trailing whitespace.',
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s]) => str(s ?? null).trim(),
  },
  {
    name: 'CONCAT',
    category: 'STRING',
    description: 'The arguments joined into one string; NULL arguments are skipped.',
    signatures: [{ params: ['STRING'], variadic: true, returns: returnsType(SqlTypes.STRING) }],
    callOnNull: true,
    invoke: (args) => args.filter((a): a is string => typeof a === 'string').join(''),
  },
  {
    name: 'SUBSTRING',
    category: 'STRING',
    description: 'The part of the string from a 1-based position, optionally of a given length.',
    signatures: [
      { params: ['STRING', 'INT'], returns: returnsType(SqlTypes.STRING) },
      { params: ['STRING', 'INT', 'INT'], returns: returnsType(SqlTypes.STRING) },
    ],
    invoke: ([s, pos, len]) => {
      const chars = [...str(s ?? null)];
      const p = pos as number;
      const start = p > 0 ? p - 1 : p < 0 ? Math.max(0, chars.length + p) : 0;
      const end = len === undefined ? chars.length : start + Math.max(0, len as number);
      return chars.slice(start, end).join('');
    },
  },
];
