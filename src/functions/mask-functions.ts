// Mask functions: MASK, MASK_KEEP_LEFT, MASK_KEEP_RIGHT, MASK_LEFT, MASK_RIGHT.

import { SqlTypes, type Value } from '../common/index.js';
import { returnsType, type Invoke, type ScalarFunction, type Signature } from './scalar-function.js';

/** Replacement characters for upper-case letters, lower-case letters, digits and other characters (null: keep). */
type Masks = readonly [string | null, string | null, string | null, string | null];
const DEFAULT_MASKS: Masks = ['X', 'x', 'n', '-'];

function maskChar(c: string, masks: Masks): string {
  const m = /\p{Lu}/u.test(c) ? masks[0] : /\p{Ll}/u.test(c) ? masks[1] : /\p{Nd}/u.test(c) ? masks[2] : masks[3];
  return m === null ? c : m;
}

/** The mask arguments after the string (and count), NULL meaning "leave that class alone". */
function masksOf(args: readonly Value[]): Masks {
  if (args.length === 0) return DEFAULT_MASKS;
  const m = (i: number): string | null => {
    const v = args[i];
    return typeof v === 'string' && v.length > 0 ? (v[0] ?? null) : null;
  };
  return [m(0), m(1), m(2), m(3)];
}

/** Masks the characters of `s` whose index satisfies `masked` (given the string's length). */
function maskWhere(s: string, masks: Masks, masked: (i: number, length: number) => boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += masked(i, s.length) ? maskChar(s[i] ?? '', masks) : s[i];
  return out;
}

const MASK_PARAMS = ['STRING', 'STRING', 'STRING', 'STRING'] as const;

function countedMask(name: string, description: string, masked: (i: number, length: number, n: number) => boolean): ScalarFunction {
  const invoke: Invoke = ([s, n, ...masks]) => {
    if (typeof s !== 'string' || typeof n !== 'number' || n < 0) return null;
    return maskWhere(s, masksOf(masks), (i, len) => masked(i, len, n));
  };
  return {
    name,
    category: 'STRING',
    description,
    signatures: [
      { params: ['STRING', 'INT'], returns: returnsType(SqlTypes.STRING) },
      { params: ['STRING', 'INT', ...MASK_PARAMS], returns: returnsType(SqlTypes.STRING) } satisfies Signature,
    ],
    invoke,
    callOnNull: true,
  };
}

export const maskFunctions: readonly ScalarFunction[] = [
  {
    name: 'MASK',
    category: 'STRING',
    description: "Masks a string: upper-case letters, lower-case letters, digits and other characters become 'X', 'x', 'n' and '-', or the four given characters (NULL keeps that class).",
    signatures: [
      { params: ['STRING'], returns: returnsType(SqlTypes.STRING) },
      { params: ['STRING', ...MASK_PARAMS], returns: returnsType(SqlTypes.STRING) },
    ],
    callOnNull: true,
    invoke: ([s, ...masks]) => (typeof s === 'string' ? maskWhere(s, masksOf(masks), () => true) : null),
  },
  countedMask('MASK_KEEP_LEFT', 'Like MASK, but the first n characters stay as they are.', (i, _len, n) => i >= n),
  countedMask('MASK_KEEP_RIGHT', 'Like MASK, but the last n characters stay as they are.', (i, len, n) => i < len - n),
  countedMask('MASK_LEFT', 'Like MASK, but only the first n characters are masked.', (i, _len, n) => i < n),
  countedMask('MASK_RIGHT', 'Like MASK, but only the last n characters are masked.', (i, len, n) => i >= len - n),
];
