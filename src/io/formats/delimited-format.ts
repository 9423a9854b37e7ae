// DELIMITED format: one record as delimiter-separated text (CSV quoting), NULL as an empty field.

import type { Decimal} from '../../common/index.js';
import { formatDouble, type SqlType, type Value } from '../../common/index.js';
import { fromJson } from './json-values.js';

/** Splits one line into fields; `"…"` quotes a field, `""` inside it is a quote. */
export function splitDelimited(text: string, delimiter: string): (string | null)[] {
  const fields: (string | null)[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new SyntaxError('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      fields.push(value);
      if (i < text.length && !text.startsWith(delimiter, i)) throw new SyntaxError(`expected "${delimiter}" after a quoted field`);
    } else {
      const end = text.indexOf(delimiter, i);
      const raw = end < 0 ? text.slice(i) : text.slice(i, end);
      fields.push(raw === '' ? null : raw);
      i = end < 0 ? text.length : end;
    }
    if (i >= text.length) return fields;
    i += delimiter.length;
    if (i >= text.length) {
      fields.push(null);
      return fields;
    }
  }
}

/** A field's text as a value of `type` (numbers, booleans and ISO dates as text). */
export function parseDelimitedField(field: string | null, type: SqlType): Value {
  if (field === null) return null;
  if (type.kind === 'STRING') return field;
  return fromJson(field, type);
}

/** A value as a field: Java's number text, quotes around text that holds the delimiter, a quote or a line break. */
export function formatDelimitedField(v: Value, type: SqlType, delimiter: string): string {
  if (v === null) return '';
  switch (type.kind) {
    case 'DOUBLE':
      return formatDouble(v as number);
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'STRING': {
      const s = v as string;
      return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s === '' ? `"${s.replaceAll('"', '""')}"` : s;
    }
    default:
      return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : '';
  }
}

/** The delimiter a KEY_DELIMITER / VALUE_DELIMITER value names: one character, SPACE or TAB. */
export function delimiterChar(name: string | undefined): string {
  if (name === undefined) return ',';
  const upper = name.toUpperCase();
  return upper === 'SPACE' ? ' ' : upper === 'TAB' ? '\t' : name;
}
