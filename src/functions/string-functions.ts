// String functions: UCASE, LCASE, LEN, TRIM, INITCAP, CONCAT, CONCAT_WS, SUBSTRING, LPAD, RPAD, REPLACE, SPLIT, SPLIT_TO_MAP, CHR, UUID.

import { randomUUID } from 'node:crypto';
import { SqlTypes, type SqlType, type Value, type ValueMap } from '../common/index.js';
import { noDefaultInvoke, returnsType, type Invoke, type ScalarFunction } from './scalar-function.js';

const { STRING, BYTES, INT } = SqlTypes;
const str = (v: Value | undefined): string => v as string;
const bytes = (v: Value | undefined): Uint8Array => v as Uint8Array;
const num = (v: Value | undefined): number => v as number;
const concatBytes = (parts: readonly Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const arrayOfString: SqlType = { kind: 'ARRAY', element: STRING };
const arrayOfBytes: SqlType = { kind: 'ARRAY', element: BYTES };

/** Java's String.trim: strips characters up to U+0020 (controls and space) from both ends. */
// eslint-disable-next-line no-control-regex -- Java's trim strips exactly the control characters and space
const javaTrim = (s: string): string => s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

/** 1-based start (negative: from the end) and optional length, on UTF-16 units or bytes as Java counts. */
function substringRange(length: number, pos: number, len: number | undefined): [number, number] {
  const start = pos > 0 ? pos - 1 : pos < 0 ? Math.max(0, length + pos) : 0;
  const end = len === undefined ? length : Math.max(start, Math.min(length, start + len));
  return [Math.min(start, length), end];
}

/** LPAD/RPAD: pads to `length` by repeating `padding` (cut to fit), or truncates; empty padding or a negative length is NULL. */
function pad<T extends string | Uint8Array>(input: T, length: number, padding: T, left: boolean, join: (parts: T[]) => T, cut: (v: T, n: number) => T): T | null {
  if (length < 0 || padding.length === 0) return null;
  if (input.length >= length) return cut(input, length);
  const parts: T[] = [];
  let filled = 0;
  const need = length - input.length;
  while (filled < need) {
    const piece = cut(padding, Math.min(padding.length, need - filled));
    parts.push(piece);
    filled += piece.length;
  }
  const fill = join(parts);
  return left ? join([fill, input]) : join([input, fill]);
}
const joinStrings = (parts: string[]): string => parts.join('');
const cutString = (s: string, n: number): string => s.slice(0, n);
const cutBytes = (b: Uint8Array, n: number): Uint8Array => b.slice(0, n);

function splitBytes(b: Uint8Array, delim: Uint8Array): Uint8Array[] {
  if (delim.length === 0) return [...b].map((x) => new Uint8Array([x]));
  const out: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i + delim.length <= b.length; ) {
    if (delim.every((d, j) => b[i + j] === d)) {
      out.push(b.slice(from, i));
      i += delim.length;
      from = i;
    } else i++;
  }
  out.push(b.slice(from));
  return out;
}

function padFunction(name: string, left: boolean): ScalarFunction {
  const side = left ? 'left' : 'right';
  return {
    name,
    category: 'STRING',
    description: `Pads a string or BYTES on the ${side} with repeats of a padding to a length, or truncates it to that length.`,
    signatures: [
      { params: ['STRING', 'INT', 'STRING'], returns: returnsType(STRING), invoke: ([s, n, p]) => pad(str(s), num(n), str(p), left, joinStrings, cutString) },
      { params: ['BYTES', 'INT', 'BYTES'], returns: returnsType(BYTES), invoke: ([s, n, p]) => pad(bytes(s), num(n), bytes(p), left, concatBytes, cutBytes) },
    ],
    invoke: noDefaultInvoke,
  };
}

/** CHR('\u004b'): a Java unicode escape of exactly one code point. */
function chrOfEscape(s: string): string | null {
  const m = /^(\\u[0-9a-fA-F]{4})+$/.exec(s);
  if (m === null) return null;
  const units = s.split('\\u').slice(1).map((h) => parseInt(h, 16));
  const text = String.fromCharCode(...units);
  return [...text].length === 1 ? text : null;
}

const concatWs: Invoke = ([sep, ...rest]) => {
  if (sep === null || sep === undefined) return null;
  const parts = rest.filter((v) => v !== null);
  if (typeof sep === 'string') return parts.map((p) => p as string).join(sep);
  const out: Uint8Array[] = [];
  parts.forEach((p, i) => out.push(...(i > 0 ? [bytes(sep)] : []), bytes(p)));
  return concatBytes(out);
};

export const stringFunctions: readonly ScalarFunction[] = [
  { name: 'UCASE', category: 'STRING', description: 'The string in upper case.', signatures: [{ params: ['STRING'], returns: returnsType(STRING) }], invoke: ([s]) => str(s).toUpperCase() },
  { name: 'LCASE', category: 'STRING', description: 'The string in lower case.', signatures: [{ params: ['STRING'], returns: returnsType(STRING) }], invoke: ([s]) => str(s).toLowerCase() },
  {
    name: 'LEN',
    category: 'STRING',
    description: 'The length of a string in UTF-16 code units (as Java counts), or the number of bytes in BYTES.',
    signatures: [{ params: ['STRING'], returns: returnsType(INT) }, { params: ['BYTES'], returns: returnsType(INT) }],
    invoke: ([s]) => (s as string | Uint8Array).length,
  },
  { name: 'TRIM', category: 'STRING', description: 'The string without leading and trailing spaces and control characters.', signatures: [{ params: ['STRING'], returns: returnsType(STRING) }], invoke: ([s]) => javaTrim(str(s)) },
  {
    name: 'INITCAP',
    category: 'STRING',
    description: 'Every whitespace-separated word with its first letter in upper case and the rest in lower case.',
    signatures: [{ params: ['STRING'], returns: returnsType(STRING) }],
    invoke: ([s]) => str(s).replace(/\S+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()),
  },
  {
    name: 'CONCAT',
    category: 'STRING',
    description: 'Its string (or BYTES) arguments joined end to end; NULL arguments count as empty.',
    signatures: [
      { params: ['STRING'], variadic: true, returns: returnsType(STRING), invoke: (args) => args.filter((a): a is string => typeof a === 'string').join('') },
      { params: ['BYTES'], variadic: true, returns: returnsType(BYTES), invoke: (args) => concatBytes(args.filter((a): a is Uint8Array => a instanceof Uint8Array)) },
    ],
    callOnNull: true,
    invoke: (args) => args.filter((a): a is string => typeof a === 'string').join(''),
  },
  {
    name: 'CONCAT_WS',
    category: 'STRING',
    description: 'Its arguments after the first joined with the first as separator; NULL arguments are skipped, a NULL separator gives NULL.',
    signatures: [
      { params: ['STRING', 'STRING', 'STRING'], variadic: true, returns: returnsType(STRING) },
      { params: ['BYTES', 'BYTES', 'BYTES'], variadic: true, returns: returnsType(BYTES) },
    ],
    callOnNull: true,
    invoke: concatWs,
  },
  {
    name: 'SUBSTRING',
    category: 'STRING',
    description: 'The part of a string (or BYTES) from a 1-based position (negative: counted from the end), optionally of a given length.',
    signatures: [
      { params: ['STRING', 'INT'], returns: returnsType(STRING) },
      { params: ['STRING', 'INT', 'INT'], returns: returnsType(STRING) },
      { params: ['BYTES', 'INT'], returns: returnsType(BYTES) },
      { params: ['BYTES', 'INT', 'INT'], returns: returnsType(BYTES) },
    ],
    invoke: ([s, pos, len]) => {
      const v = s as string | Uint8Array;
      const [start, end] = substringRange(v.length, num(pos), len === undefined ? undefined : num(len));
      return v.slice(start, end);
    },
  },
  padFunction('LPAD', true),
  padFunction('RPAD', false),
  {
    name: 'REPLACE',
    category: 'STRING',
    description: 'The string with every occurrence of a substring replaced by another string.',
    signatures: [{ params: ['STRING', 'STRING', 'STRING'], returns: returnsType(STRING) }],
    invoke: ([s, from, to]) => str(s).replaceAll(str(from), () => str(to)),
  },
  {
    name: 'SPLIT',
    category: 'STRING',
    description: 'Splits a string (or BYTES) at every occurrence of a delimiter; an empty delimiter splits into characters (or bytes).',
    signatures: [
      { params: ['STRING', 'STRING'], returns: returnsType(arrayOfString), invoke: ([s, d]) => (str(s) === '' && str(d) === '' ? [''] : str(s).split(str(d))) },
      { params: ['BYTES', 'BYTES'], returns: returnsType(arrayOfBytes), invoke: ([s, d]) => splitBytes(bytes(s), bytes(d)) },
    ],
    invoke: noDefaultInvoke,
  },
  {
    name: 'SPLIT_TO_MAP',
    category: 'STRING',
    description: 'A map from a string of entries: split into entries by one delimiter, each entry into key and value by another; the last duplicate key wins.',
    signatures: [{ params: ['STRING', 'STRING', 'STRING'], returns: returnsType({ kind: 'MAP', key: STRING, value: STRING }) }],
    invoke: ([s, entryDelim, kvDelim]) => {
      const ed = str(entryDelim);
      const kd = str(kvDelim);
      if (ed === '' || kd === '') return null;
      const entries = new Map<string, Value>();
      for (const entry of str(s).split(ed)) {
        const at = entry.indexOf(kd);
        if (entry === '' || at < 0) continue;
        entries.set(entry.slice(0, at), entry.slice(at + kd.length));
      }
      return { kind: 'map', entries } satisfies ValueMap;
    },
  },
  {
    name: 'CHR',
    category: 'STRING',
    description: "The one-character string of a Unicode code point, given as a number or as a '\\uXXXX' escape; NULL when invalid.",
    signatures: [{ params: ['INT'], returns: returnsType(STRING) }, { params: ['STRING'], returns: returnsType(STRING) }],
    invoke: ([c]) => (typeof c === 'string' ? chrOfEscape(c) : num(c) >= 0 && num(c) <= 0x10ffff ? String.fromCodePoint(num(c)) : null),
  },
  {
    name: 'UUID',
    category: 'STRING',
    description: 'A new random (version 4) UUID for every row, or the UUID text of 16 BYTES.',
    signatures: [
      { params: [], returns: returnsType(STRING), invoke: () => randomUUID() },
      { params: ['BYTES'], returns: returnsType(STRING), invoke: ([b]) => uuidOfBytes(bytes(b)) },
    ],
    invoke: () => randomUUID(),
    nondeterministic: true,
  },
];

function uuidOfBytes(b: Uint8Array): string | null {
  if (b.length !== 16) return null;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
