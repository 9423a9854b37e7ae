// String search functions: INSTR, ELT, FIELD.

import { SqlTypes, type Value } from '../common/index.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

const str = (v: Value | undefined): string => v as string;

/**
 * INSTR: the 1-based position of the `occurrence`-th match of `sub`, searching forward from
 * `position`, or backward from the end when `position` is negative; 0 when there is none.
 */
export function instr(s: string, sub: string, position = 1, occurrence = 1): number {
  if (position === 0 || occurrence <= 0) return 0;
  let at = position > 0 ? position - 1 : s.length + position;
  let found = -1;
  for (let n = 0; n < occurrence; n++) {
    if (at < 0 || at > s.length) return 0;
    found = position > 0 ? s.indexOf(sub, at) : s.lastIndexOf(sub, at);
    if (found < 0) return 0;
    at = position > 0 ? found + 1 : found - 1;
  }
  return found + 1;
}

export const stringSearchFunctions: readonly ScalarFunction[] = [
  {
    name: 'INSTR',
    category: 'STRING',
    description: 'The 1-based position of a substring, optionally from a start position (negative: searching backward from the end) and of its n-th occurrence; 0 when not found.',
    signatures: [
      { params: ['STRING', 'STRING'], returns: returnsType(SqlTypes.INT) },
      { params: ['STRING', 'STRING', 'INT'], returns: returnsType(SqlTypes.INT) },
      { params: ['STRING', 'STRING', 'INT', 'INT'], returns: returnsType(SqlTypes.INT) },
    ],
    invoke: ([s, sub, pos, occ]) => instr(str(s), str(sub), (pos as number | undefined) ?? 1, (occ as number | undefined) ?? 1),
  },
  {
    name: 'ELT',
    category: 'STRING',
    description: 'The n-th of the string arguments after the first (1-based), or NULL when n is out of range.',
    signatures: [{ params: ['INT', 'STRING'], variadic: true, returns: returnsType(SqlTypes.STRING) }],
    callOnNull: true,
    invoke: ([n, ...args]) => (typeof n === 'number' && n >= 1 && n <= args.length ? (args[n - 1] ?? null) : null),
  },
  {
    name: 'FIELD',
    category: 'STRING',
    description: 'The 1-based position of the first argument among the others, or 0 when absent (a NULL first argument is never found).',
    signatures: [{ params: ['STRING', 'STRING'], variadic: true, returns: returnsType(SqlTypes.INT) }],
    callOnNull: true,
    invoke: ([s, ...args]) => (s === null || s === undefined ? 0 : args.indexOf(s) + 1),
  },
];
