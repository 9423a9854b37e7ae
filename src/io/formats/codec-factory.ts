// formatCodecs: the CodecFactory for JSON, DELIMITED, KAFKA and NONE keys and values.

import type { Column, FormatSpec, Row, Schema, Value } from '../../common/index.js';
import type { CodecFactory, EncodedRecord, RowDecoder, RowEncoder, SourceRecord } from '../../exec/index.js';
import { fromJson, JsonTypeError, toJson } from './json-values.js';
import { decodeKafka, encodeKafka } from './kafka-format.js';
import { JsonNumber, parseJson } from './lossless-json.js';
import { formatDelimitedField, parseDelimitedField, splitDelimited } from './delimited-format.js';

interface Slot {
  readonly index: number;
  readonly column: Column;
}

export const formatCodecs: CodecFactory = {
  decoder: (schema, formats, readColumns) => new FormatDecoder(schema, formats, readColumns),
  encoder: (schema, formats) => new FormatEncoder(schema, formats),
};

function slots(schema: Schema, namespace: 'key' | 'value', read: ReadonlySet<number> | null): Slot[] {
  const out: Slot[] = [];
  schema.columns.forEach((column, index) => {
    if (column.namespace === namespace && (read === null || read.has(index))) out.push({ index, column });
  });
  return out;
}

class FormatDecoder implements RowDecoder {
  private readonly keys: Slot[];
  private readonly values: Slot[];
  private readonly width: number;
  private readonly unwrapped: boolean;
  /** Upper-cased JSON field name → slot, for case-insensitive matching. */
  private readonly byUpperName: Map<string, Slot>;
  private readonly byName: Map<string, Slot>;
  /** JSON field names as records spell them → slot (null: not read), learned so each name is upper-cased once. */
  private readonly seen = new Map<string, Slot | null>();
  /**
   * The previous record's field names by position, with their slots: records of one topic mostly
   * spell the same fields in the same order, so the n-th field is usually the same string as last
   * time (JSON.parse interns names: a pointer comparison), which saves the lookup in `seen`.
   */
  private readonly lastFields: string[] = [];
  private readonly lastSlots: (Slot | null)[] = [];
  private readonly allKeys: Slot[];
  private readonly allValues: Slot[];

  constructor(
    schema: Schema,
    private readonly formats: FormatSpec,
    readColumns: readonly number[] | null,
  ) {
    const read = readColumns === null ? null : new Set(readColumns);
    this.width = schema.columns.length;
    this.keys = slots(schema, 'key', read);
    this.values = slots(schema, 'value', read);
    // Delimited fields are positional: every column's slot is needed to know where a field sits.
    this.allKeys = slots(schema, 'key', null);
    this.allValues = slots(schema, 'value', null);
    this.unwrapped = !formats.wrapSingleValue && schema.columns.filter((c) => c.namespace === 'value').length === 1;
    this.byName = new Map(this.values.map((s) => [s.column.name, s]));
    this.byUpperName = new Map(this.values.map((s) => [s.column.name.toUpperCase(), s]));
  }

  decode(record: SourceRecord, into: Value[]): string | null {
    for (let i = 0; i < this.width; i++) into[i] = null;
    try {
      const keyError = this.decodeKey(record.key, into);
      if (keyError !== null) return keyError;
      if (record.valueText !== undefined) return this.decodeValue(record.valueText, into, record);
      const value = record.value;
      return value === null ? null : this.decodeValue(value, into);
    } catch (e) {
      if (e instanceof JsonTypeError || e instanceof SyntaxError) return e.message;
      throw e;
    }
  }

  private decodeKey(bytes: Uint8Array | null, into: Value[]): string | null {
    if (this.keys.length === 0 || bytes === null) return null;
    const first = this.keys[0] as Slot;
    if (this.formats.keyFormat === 'DELIMITED') return decodeDelimited(bytes, this.allKeys, this.formats.keyDelimiter ?? ',', into, 'key');
    if (this.formats.keyFormat === 'KAFKA') {
      const v = decodeKafka(bytes, first.column.type);
      if (typeof v === 'string' && first.column.type.kind !== 'STRING') return `key: ${v}`;
      into[first.index] = v;
      return null;
    }
    // A view of the bytes, not a copy of them (Buffer.from(Uint8Array) copies).
    const node = parseJson(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    const scalar = node === null || typeof node !== 'object' || node instanceof JsonNumber || Array.isArray(node);
    if (this.keys.length === 1 && (scalar || first.column.type.kind === 'STRUCT' || first.column.type.kind === 'MAP')) {
      into[first.index] = fromJson(node, first.column.type);
      return null;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return 'key: expected a JSON object holding the key columns';
    const obj = node as Record<string, unknown>;
    const upper = new Map(Object.keys(obj).map((k) => [k.toUpperCase(), k]));
    for (const slot of this.keys) {
      const field = slot.column.name in obj ? slot.column.name : upper.get(slot.column.name.toUpperCase());
      into[slot.index] = field === undefined ? null : fromJson(obj[field], slot.column.type);
    }
    return null;
  }

  /** `value`: the record's bytes, or their UTF-8 text when the reader has it already (`record`'s `valueText`). */
  private decodeValue(value: Uint8Array | string, into: Value[], record?: SourceRecord): string | null {
    if (this.formats.valueFormat === 'DELIMITED') return decodeDelimited(value, this.allValues, this.formats.valueDelimiter ?? ',', into, 'value');
    if (this.formats.valueFormat === 'KAFKA') {
      const slot = this.values[0];
      if (slot === undefined) return null;
      // A KAFKA STRING is the bytes' UTF-8 decoding, which the reader's text already is.
      if (typeof value === 'string' && slot.column.type.kind === 'STRING') {
        into[slot.index] = value;
        return null;
      }
      const v = decodeKafka(typeof value === 'string' ? Buffer.from(value, 'utf8') : value, slot.column.type);
      if (typeof v === 'string' && slot.column.type.kind !== 'STRING') return `value: ${v}`;
      into[slot.index] = v;
      return null;
    }
    const node =
      typeof value !== 'string'
        ? parseJson(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8'))
        : record?.parsedText !== undefined
          ? record.parsedText(parseJson)
          : parseJson(value);
    if (this.unwrapped) {
      const slot = this.values[0];
      if (slot !== undefined) into[slot.index] = fromJson(node, slot.column.type);
      return null;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return 'value: expected a JSON object';
    const obj = node as Record<string, unknown>;
    const lastFields = this.lastFields;
    const lastSlots = this.lastSlots;
    let position = 0;
    for (const field in obj) {
      let slot: Slot | null;
      if (lastFields[position] === field) slot = lastSlots[position] as Slot | null;
      else {
        slot = this.slotOf(field);
        if (position < MAX_LEARNED_FIELDS) {
          lastFields[position] = field;
          lastSlots[position] = slot;
        }
      }
      position++;
      if (slot !== null) into[slot.index] = fromJson(obj[field], slot.column.type);
    }
    return null;
  }

  private slotOf(field: string): Slot | null {
    const known = this.seen.get(field);
    if (known !== undefined) return known;
    const slot = this.byName.get(field) ?? this.byUpperName.get(field.toUpperCase()) ?? null;
    // Field names come from the data: stop learning past a bound, so odd inputs cannot grow it without end.
    if (this.seen.size < MAX_LEARNED_FIELDS) this.seen.set(field, slot);
    return slot;
  }
}

const MAX_LEARNED_FIELDS = 4096;

class FormatEncoder implements RowEncoder {
  private readonly keys: Slot[];
  private readonly values: Slot[];
  private readonly prefixes: string[];
  private readonly unwrapped: boolean;

  constructor(
    schema: Schema,
    private readonly formats: FormatSpec,
  ) {
    this.keys = slots(schema, 'key', null);
    this.values = slots(schema, 'value', null);
    this.prefixes = this.values.map((s, i) => `${i === 0 ? '{' : ','}${JSON.stringify(s.column.name)}:`);
    this.unwrapped = !formats.wrapSingleValue && this.values.length === 1;
  }

  encode(row: Row, tombstone: boolean): EncodedRecord {
    return { key: this.encodeKey(row), value: tombstone ? null : this.encodeValue(row) };
  }

  private encodeKey(row: Row): Uint8Array | null {
    if (this.keys.length === 0 || this.formats.keyFormat === 'NONE') return null;
    const first = this.keys[0] as Slot;
    if (this.formats.keyFormat === 'KAFKA') return encodeKafka(row[first.index] ?? null, first.column.type);
    if (this.formats.keyFormat === 'DELIMITED') return encodeDelimited(row, this.keys, this.formats.keyDelimiter ?? ',');
    if (this.keys.length === 1) {
      const v = row[first.index] ?? null;
      return v === null ? null : Buffer.from(toJson(v, first.column.type), 'utf8');
    }
    const fields = this.keys.map((s) => `${JSON.stringify(s.column.name)}:${toJson(row[s.index] ?? null, s.column.type)}`);
    return Buffer.from(`{${fields.join(',')}}`, 'utf8');
  }

  private encodeValue(row: Row): Uint8Array | null {
    if (this.formats.valueFormat === 'DELIMITED') return encodeDelimited(row, this.values, this.formats.valueDelimiter ?? ',') ?? new Uint8Array(0);
    if (this.formats.valueFormat === 'KAFKA') {
      const slot = this.values[0];
      return slot === undefined ? null : encodeKafka(row[slot.index] ?? null, slot.column.type);
    }
    if (this.unwrapped) {
      const slot = this.values[0] as Slot;
      return Buffer.from(toJson(row[slot.index] ?? null, slot.column.type), 'utf8');
    }
    if (this.values.length === 0) return Buffer.from('{}', 'utf8');
    let text = '';
    for (let i = 0; i < this.values.length; i++) {
      const slot = this.values[i] as Slot;
      text += (this.prefixes[i] as string) + toJson(row[slot.index] ?? null, slot.column.type);
    }
    return Buffer.from(`${text}}`, 'utf8');
  }
}

function decodeDelimited(bytes: Uint8Array | string, slots: readonly Slot[], delimiter: string, into: Value[], role: string): string | null {
  const fields = splitDelimited(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'), delimiter);
  if (fields.length !== slots.length) return `${role}: expected ${slots.length} delimited field(s), got ${fields.length}`;
  slots.forEach((slot, i) => {
    into[slot.index] = parseDelimitedField(fields[i] ?? null, slot.column.type);
  });
  return null;
}

function encodeDelimited(row: Row, slots: readonly Slot[], delimiter: string): Uint8Array | null {
  if (slots.length === 1 && (row[(slots[0] as Slot).index] ?? null) === null) return null;
  return Buffer.from(slots.map((s) => formatDelimitedField(row[s.index] ?? null, s.column.type, delimiter)).join(delimiter), 'utf8');
}
