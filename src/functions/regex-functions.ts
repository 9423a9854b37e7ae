// Regular-expression functions (Java pattern syntax): REGEXP_EXTRACT, REGEXP_EXTRACT_ALL, REGEXP_REPLACE, REGEXP_SPLIT_TO_ARRAY.

import { SqlTypes, type SqlType, type Value } from '../common/index.js';
import { expandReplacement, javaRegex } from './java-regex.js';
import { attempt } from './or-null.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

const str = (v: Value | undefined): string => v as string;
const ARRAY_OF_STRING: SqlType = { kind: 'ARRAY', element: SqlTypes.STRING };

/** Every match of `re` in `s`, stepping past empty matches as Java does. */
function* matches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    yield m;
    if (m[0] === '') re.lastIndex = m.index + 1;
    if (re.lastIndex > s.length) break;
  }
}

/** A group of a match: NULL when it did not take part; an invalid group number makes the call NULL. */
function group(m: RegExpExecArray, n: number): string | null {
  if (n < 0 || n >= m.length) throw new Error(`no group ${n}`);
  return m[n] ?? null;
}


export const regexFunctions: readonly ScalarFunction[] = [
  {
    name: 'REGEXP_EXTRACT',
    category: 'REGEX',
    description: 'The first match of a pattern (first argument) in a string, or the given capturing group of it; NULL when nothing matches.',
    signatures: [
      { params: ['STRING', 'STRING'], returns: returnsType(SqlTypes.STRING) },
      { params: ['STRING', 'STRING', 'INT'], returns: returnsType(SqlTypes.STRING) },
    ],
    invoke: ([pattern, s, g]) => {
      const re = javaRegex(str(pattern));
      if (re === null) return null;
      const m = matches(re, str(s)).next();
      return m.done === true ? null : attempt(() => group(m.value, (g as number | undefined) ?? 0));
    },
  },
  {
    name: 'REGEXP_EXTRACT_ALL',
    category: 'REGEX',
    description: 'Every match of a pattern (first argument) in a string, or the given capturing group of each, as an array.',
    signatures: [
      { params: ['STRING', 'STRING'], returns: returnsType(ARRAY_OF_STRING) },
      { params: ['STRING', 'STRING', 'INT'], returns: returnsType(ARRAY_OF_STRING) },
    ],
    invoke: ([pattern, s, g]) => {
      const re = javaRegex(str(pattern));
      return re === null ? null : attempt(() => [...matches(re, str(s))].map((m) => group(m, (g as number | undefined) ?? 0)));
    },
  },
  {
    name: 'REGEXP_REPLACE',
    category: 'REGEX',
    description: 'The string with every match of a pattern replaced; the replacement may refer to groups as $1 or ${name}.',
    signatures: [{ params: ['STRING', 'STRING', 'STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s, pattern, replacement]) => {
      const re = javaRegex(str(pattern));
      if (re === null) return null;
      return attempt(() => {
        const text = str(s);
        let out = '';
        let from = 0;
        for (const m of matches(re, text)) {
          out += text.slice(from, m.index) + expandReplacement(str(replacement), m);
          from = m.index + m[0].length;
        }
        return out + text.slice(from);
      });
    },
  },
  {
    name: 'REGEXP_SPLIT_TO_ARRAY',
    category: 'REGEX',
    description: 'Splits a string around the matches of a pattern, keeping empty parts; an empty pattern splits into characters.',
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(ARRAY_OF_STRING) }],
    invoke: ([s, pattern]) => {
      const text = str(s);
      if (str(pattern) === '') return text.split('');
      const re = javaRegex(str(pattern));
      if (re === null) return null;
      const parts: string[] = [];
      let from = 0;
      for (const m of matches(re, text)) {
        if (m[0] === '' && m.index === 0) continue;
        parts.push(text.slice(from, m.index));
        from = m.index + m[0].length;
      }
      parts.push(text.slice(from));
      return parts;
    },
  },
];
