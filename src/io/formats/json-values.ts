// JSON ↔ SQL values: reading a JSON node as a column's type, and writing a value as JSON text.

import { Decimal, formatDouble, isInt32, parseDate, parseTime, parseTimestamp, type MapKey, type SqlType, type Value } from '../../common/index.js';
import { JsonNumber } from './lossless-json.js';

/** Thrown when a JSON node does not fit the column's type; the record is then skipped. */
export class JsonTypeError extends Error {}

/** Converts a parsed JSON node to a value of `type` (numbers may come as text; field names match case-insensitively). */
export function fromJson(node: unknown, type: SqlType): Value {
  if (node === null || node === undefined) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof node === 'boolean') return node;
      if (typeof node === 'string' && /^(true|false)$/i.test(node)) return node.toLowerCase() === 'true';
      throw mismatch(node, type);
    case 'INT': {
      const n = numeric(node, type);
      if (!isInt32(n)) throw mismatch(node, type);
      return n;
    }
    case 'BIGINT': {
      // JSON.parse gave a double only when no number in the text was too long to be exact (see parseJson).
      if (typeof node === 'number' && Number.isSafeInteger(node)) return BigInt(node);
      const text = node instanceof JsonNumber ? node.text : typeof node === 'number' ? (Number.isInteger(node) ? node.toFixed(0) : '') : typeof node === 'string' ? node.trim() : '';
      if (!/^-?\d+$/.test(text)) throw mismatch(node, type);
      const n = BigInt(text);
      if (n !== BigInt.asIntN(64, n)) throw mismatch(node, type);
      return n;
    }
    case 'DOUBLE':
      return numeric(node, type);
    case 'DECIMAL': {
      const text = node instanceof JsonNumber ? node.text : typeof node === 'number' || typeof node === 'string' ? String(node) : '';
      try {
        const d = Decimal.parse(/e/i.test(text) ? Number(text).toFixed(type.scale) : text).rescale(type.scale);
        if (d.precision - d.scale > type.precision - type.scale) throw mismatch(node, type);
        return d;
      } catch {
        throw mismatch(node, type);
      }
    }
    case 'STRING':
      if (typeof node === 'string') return node;
      if (node instanceof JsonNumber) return node.text;
      if (typeof node === 'number' || typeof node === 'boolean') return String(node);
      return JSON.stringify(node);
    case 'BYTES':
      if (typeof node === 'string') return new Uint8Array(Buffer.from(node, 'base64'));
      throw mismatch(node, type);
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP': {
      // Numbers as ksqlDB writes them (days, ms of day, epoch ms); ISO-8601 text is read too.
      const parse = type.kind === 'DATE' ? parseDate : type.kind === 'TIME' ? parseTime : parseTimestamp;
      const parsed = typeof node === 'string' && /[-:]/.test(node) ? parse(node) : undefined;
      if (parsed === null) throw mismatch(node, type);
      const n = parsed ?? numeric(node, type);
      if (!Number.isInteger(n)) throw mismatch(node, type);
      return n;
    }
    case 'ARRAY':
      if (!Array.isArray(node)) throw mismatch(node, type);
      return node.map((e) => fromJson(e, type.element));
    case 'MAP': {
      if (typeof node !== 'object' || Array.isArray(node) || node instanceof JsonNumber) throw mismatch(node, type);
      const entries = new Map<MapKey, Value>();
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        const key = type.key.kind === 'STRING' ? k : fromJson(k, type.key);
        if (key === null || typeof key === 'object') throw mismatch(node, type);
        entries.set(key, fromJson(v, type.value));
      }
      return { kind: 'map', entries };
    }
    case 'STRUCT': {
      if (typeof node !== 'object' || Array.isArray(node) || node instanceof JsonNumber) throw mismatch(node, type);
      const obj = node as Record<string, unknown>;
      const upper = new Map(Object.keys(obj).map((k) => [k.toUpperCase(), k]));
      const fields: Record<string, Value> = {};
      for (const f of type.fields) {
        const key = f.name in obj ? f.name : upper.get(f.name.toUpperCase());
        fields[f.name] = key === undefined ? null : fromJson(obj[key], f.type);
      }
      return { kind: 'struct', fields };
    }
  }
}

function numeric(node: unknown, type: SqlType): number {
  if (typeof node === 'number') return node;
  if (node instanceof JsonNumber) return Number(node.text);
  if (typeof node === 'string' && node.trim() !== '' && (!Number.isNaN(Number(node)) || node.trim() === 'NaN')) return Number(node);
  throw mismatch(node, type);
}

function mismatch(node: unknown, type: SqlType): JsonTypeError {
  const shown = node instanceof JsonNumber ? node.text : JSON.stringify(node);
  return new JsonTypeError(`cannot read ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown} as ${type.kind}`);
}

/** Appends the JSON text of a value of `type`; BIGINT and DECIMAL keep every digit. */
export function toJson(v: Value, type: SqlType): string {
  if (v === null) return 'null';
  switch (type.kind) {
    case 'DOUBLE': {
      const n = v as number;
      return Number.isFinite(n) ? formatDouble(n) : JSON.stringify(formatDouble(n));
    }
    case 'BIGINT':
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'BOOLEAN':
      return typeof v === 'boolean' ? (v ? 'true' : 'false') : (v as number | bigint).toString();
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'STRING':
      return JSON.stringify(v);
    case 'BYTES':
      return JSON.stringify(Buffer.from(v as Uint8Array).toString('base64'));
    case 'ARRAY':
      return `[${(v as readonly Value[]).map((e) => toJson(e, type.element)).join(',')}]`;
    case 'MAP': {
      const m = v as { entries: ReadonlyMap<MapKey, Value> };
      return `{${[...m.entries].map(([k, e]) => `${JSON.stringify(String(k))}:${toJson(e, type.value)}`).join(',')}}`;
    }
    case 'STRUCT': {
      const s = v as { fields: Readonly<Record<string, Value>> };
      return `{${type.fields.map((f) => `${JSON.stringify(f.name)}:${toJson(s.fields[f.name] ?? null, f.type)}`).join(',')}}`;
    }
  }
}
