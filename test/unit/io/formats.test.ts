// Unit tests for formatCodecs: JSON values, KAFKA and JSON keys, exact numbers, unwrapped values, bad records.

import { describe, expect, it } from 'vitest';
import { Decimal, SqlTypes, decimalType, type Column, type FormatSpec, type Schema, type SqlType, type Value } from '../../../src/common/index.js';
import type { SourceRecord } from '../../../src/exec/index.js';
import { formatCodecs, hasLongNumber, JsonNumber, parseJson, parseLosslessJson } from '../../../src/io/index.js';

const key = (name: string, type: SqlType): Column => ({ name, type, namespace: 'key' });
const val = (name: string, type: SqlType): Column => ({ name, type, namespace: 'value' });
const schemaOf = (...columns: Column[]): Schema => ({ columns });
const formats = (keyFormat: FormatSpec['keyFormat'], wrapSingleValue = true): FormatSpec => ({ keyFormat, valueFormat: 'JSON', wrapSingleValue });

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));
const record = (k: Uint8Array | string | null, v: Uint8Array | string | null): SourceRecord => ({
  topic: 't',
  partition: 0,
  offset: 7,
  timestamp: 0,
  key: typeof k === 'string' ? bytes(k) : k,
  value: typeof v === 'string' ? bytes(v) : v,
});

/** Decodes into a fresh row; returns the row or the decoder's error message. */
function decode(schema: Schema, spec: FormatSpec, rec: SourceRecord, readColumns: readonly number[] | null = null): Value[] | string {
  const row: Value[] = new Array<Value>(schema.columns.length + 3).fill('untouched');
  const error = formatCodecs.decoder(schema, spec, readColumns).decode(rec, row);
  return error ?? row.slice(0, schema.columns.length);
}

/** Values printed so Decimal and bigint compare by text. */
const show = (row: Value[] | string): unknown => (typeof row === 'string' ? row : row.map((v) => (v instanceof Decimal ? `D:${v.toString()}` : v)));

describe('JSON values', () => {
  const schema = schemaOf(key('ID', SqlTypes.STRING), val('NAME', SqlTypes.STRING), val('AMOUNT', SqlTypes.DOUBLE), val('N', SqlTypes.INT), val('OK', SqlTypes.BOOLEAN));
  const spec = formats('KAFKA');

  it('encodes a row as a JSON object and decodes it back', () => {
    const encoded = formatCodecs.encoder(schema, spec).encode(['k1', 'Alice "A"', 12.5, -3, true], false);
    expect(text(encoded.key)).toBe('k1');
    expect(text(encoded.value)).toBe('{"NAME":"Alice \\"A\\"","AMOUNT":12.5,"N":-3,"OK":true}');
    expect(decode(schema, spec, record(encoded.key, encoded.value))).toEqual(['k1', 'Alice "A"', 12.5, -3, true]);
  });

  it('writes DOUBLE like Java and NULL as null', () => {
    const encoded = formatCodecs.encoder(schema, spec).encode(['k', null, 1, null, null], false);
    expect(text(encoded.value)).toBe('{"NAME":null,"AMOUNT":1.0,"N":null,"OK":null}');
    const big = formatCodecs.encoder(schema, spec).encode(['k', 'x', 1e10, 1, false], false);
    expect(text(big.value)).toContain('"AMOUNT":1.0E10');
    expect(decode(schema, spec, record('k', big.value))).toEqual(['k', 'x', 1e10, 1, false]);
  });

  it('matches field names case-insensitively on read, preferring the exact name', () => {
    expect(decode(schema, spec, record('k', '{"name":"a","Amount":2,"n":1,"oK":false}'))).toEqual(['k', 'a', 2, 1, false]);
    const quoted = schemaOf(val('name', SqlTypes.STRING), val('NAME', SqlTypes.STRING));
    expect(decode(quoted, formats('NONE'), record(null, '{"NAME":"upper","name":"lower"}'))).toEqual(['lower', 'upper']);
  });

  it('reads missing fields as NULL and ignores unknown ones', () => {
    expect(decode(schema, spec, record('k', '{"NAME":"a","EXTRA":[1,2]}'))).toEqual(['k', 'a', null, null, null]);
    expect(decode(schema, spec, record('k', '{}'))).toEqual(['k', null, null, null, null]);
  });

  it('leaves key and value columns NULL when the record has no key or no value', () => {
    expect(decode(schema, spec, record(null, '{"NAME":"a"}'))).toEqual([null, 'a', null, null, null]);
    expect(decode(schema, spec, record('k', null))).toEqual(['k', null, null, null, null]);
  });

  it('accepts numbers and booleans written as strings where the column type is clear', () => {
    expect(decode(schema, spec, record('k', '{"AMOUNT":"2.5","N":"42","OK":"TRUE","NAME":17}'))).toEqual(['k', '17', 2.5, 42, true]);
  });

  it('returns an error message (never throws) for values of the wrong type', () => {
    const cases: [string, RegExp][] = [
      ['{"N":"abc"}', /cannot read "abc" as INT/],
      ['{"N":1.5}', /as INT/],
      ['{"N":2147483648}', /as INT/],
      ['{"OK":"maybe"}', /as BOOLEAN/],
      ['{"AMOUNT":{"x":1}}', /as DOUBLE/],
      ['{"AMOUNT":[1]}', /as DOUBLE/],
    ];
    for (const [json, message] of cases) {
      const result = decode(schema, spec, record('k', json));
      expect(typeof result, json).toBe('string');
      expect(result, json).toMatch(message);
    }
  });

  it('returns an error message for malformed JSON and for a value that is not an object', () => {
    for (const bad of ['{"NAME":', 'not json', '{"NAME":"a"} trailing', '']) {
      const result = decode(schema, spec, record('k', bad));
      expect(typeof result, bad).toBe('string');
    }
    expect(decode(schema, spec, record('k', '[1,2]'))).toBe('value: expected a JSON object');
    expect(decode(schema, spec, record('k', '"text"'))).toBe('value: expected a JSON object');
  });

  it('decodes only the requested columns and leaves the others NULL', () => {
    expect(decode(schema, spec, record('k', '{"NAME":"a","AMOUNT":1.5,"N":"bad"}'), [1, 2])).toEqual([null, 'a', 1.5, null, null]);
  });

  it('one decoder reads records whose fields change order, case and number from one record to the next', () => {
    const two = schemaOf(val('A', SqlTypes.INT), val('B', SqlTypes.INT));
    const decoder = formatCodecs.decoder(two, formats('NONE'), null);
    const rows = ['{"a":1,"b":2}', '{"a":1,"b":2}', '{"b":3,"a":4}', '{"b":3,"a":4}', '{"A":5,"x":6}', '{"x":7,"B":8}', '{"x":7,"B":8}', '{"a":9,"A":10}', '{"b":11}', '{"a":12,"b":13,"c":14}'].map((v) => {
      const row: Value[] = [undefined as unknown as Value, undefined as unknown as Value];
      return decoder.decode(record(null, v), row) ?? row;
    });
    expect(rows).toEqual([[1, 2], [1, 2], [4, 3], [4, 3], [5, null], [null, 8], [null, 8], [10, null], [null, 11], [12, 13]]);
  });

  it('writes a tombstone as a null value with the key kept', () => {
    const encoded = formatCodecs.encoder(schema, spec).encode(['k', 'a', 1, 1, true], true);
    expect(text(encoded.key)).toBe('k');
    expect(encoded.value).toBeNull();
  });
});

describe('exact BIGINT and DECIMAL in JSON', () => {
  const schema = schemaOf(val('B', SqlTypes.BIGINT), val('D', decimalType(20, 2)));
  const spec = formats('NONE');

  it('reads BIGINT beyond 2^53 and DECIMAL(20,2) without loss', () => {
    const row = decode(schema, spec, record(null, '{"B":9007199254740993,"D":123456789012345678.91}'));
    expect(show(row)).toEqual([9007199254740993n, 'D:123456789012345678.91']);
    expect(show(decode(schema, spec, record(null, '{"B":-9223372036854775808,"D":-0.01}')))).toEqual([-9223372036854775808n, 'D:-0.01']);
  });

  it('writes them back with every digit', () => {
    const row: Value[] = [9007199254740993n, Decimal.parse('123456789012345678.91')];
    const encoded = formatCodecs.encoder(schema, spec).encode(row, false);
    expect(text(encoded.value)).toBe('{"B":9007199254740993,"D":123456789012345678.91}');
    expect(show(decode(schema, spec, record(null, encoded.value)))).toEqual([9007199254740993n, 'D:123456789012345678.91']);
  });

  it('reads DECIMAL from short numbers, strings and exponents, at the column scale', () => {
    expect(show(decode(schema, spec, record(null, '{"D":1.5}')))).toEqual([null, 'D:1.50']);
    expect(show(decode(schema, spec, record(null, '{"D":"12.345"}')))).toEqual([null, 'D:12.35']);
    expect(show(decode(schema, spec, record(null, '{"D":1.5E2}')))).toEqual([null, 'D:150.00']);
    expect(show(decode(schema, spec, record(null, '{"B":"9007199254740993"}')))).toEqual([9007199254740993n, null]);
  });

  it('rejects a DECIMAL with too many integer digits and a BIGINT out of range', () => {
    expect(decode(schema, spec, record(null, '{"D":1234567890123456789.5}'))).toMatch(/as DECIMAL/);
    expect(decode(schema, spec, record(null, '{"B":9223372036854775808}'))).toMatch(/as BIGINT/);
    expect(decode(schema, spec, record(null, '{"B":1.5}'))).toMatch(/as BIGINT/);
  });
});

/** The plain scan `hasLongNumber` replaced: 16 digits with nothing but digits and `.` between them. */
function hasLongNumberByScan(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= 16) return true;
    } else if (c !== 46) digits = 0;
  }
  return false;
}

describe('finding numbers too long for a double', () => {
  it('agrees with a character-by-character scan at every run length and position', () => {
    const cases: string[] = [];
    for (let len = 0; len <= 40; len++) {
      for (let at = 0; at <= 20; at++) {
        const digits = '1234567890'.repeat(5).slice(0, len);
        cases.push(`${'x'.repeat(at)}${digits}`, `${'x'.repeat(at)}${digits}y`, `{"a":${'7'.repeat(at)}.${digits},"b":1}`, `${digits}.${'5'.repeat(at)}z`);
      }
    }
    // Pseudo-random texts over digits, dots and other characters (a fixed seed: the same every run).
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 5000; k++) {
      const n = Math.floor(next() * 80);
      let t = '';
      for (let i = 0; i < n; i++) {
        const r = next();
        t += r < 0.8 ? String(Math.floor(next() * 10)) : r < 0.9 ? '.' : r < 0.95 ? ',' : 'é';
      }
      cases.push(t);
    }
    const disagree = cases.filter((t) => hasLongNumber(t) !== hasLongNumberByScan(t));
    expect(disagree).toEqual([]);
    expect(cases.filter((t) => hasLongNumber(t)).length).toBeGreaterThan(100);
    expect(cases.filter((t) => !hasLongNumber(t)).length).toBeGreaterThan(100);
  });

  it('finds the long numbers of real records and passes short ones', () => {
    expect(hasLongNumber('{"auction":1000,"price":2842169,"dateTime":1700000000001,"extra":"xxxxxxxxxxxxxxx"}')).toBe(false);
    expect(hasLongNumber('{"id":12345678901234567}')).toBe(true);
    expect(hasLongNumber('{"d":1234567.123456789}')).toBe(true);
    expect(hasLongNumber('{"d":123456789012345}')).toBe(false);
    expect(hasLongNumber('{"s":"1234567890.1234.56"}')).toBe(true);
  });
});

describe('the lossless JSON reader', () => {
  it('keeps numbers as their text', () => {
    expect(parseLosslessJson('{"a":[1,-2.50,3e2],"b":"x\\"y","c":null,"d":true}')).toEqual({
      a: [new JsonNumber('1'), new JsonNumber('-2.50'), new JsonNumber('3e2')],
      b: 'x"y',
      c: null,
      d: true,
    });
  });

  it('is used only when a number is too long for a double', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('{"a":12345678901234567}')).toEqual({ a: new JsonNumber('12345678901234567') });
  });

  it('throws SyntaxError on malformed text', () => {
    for (const bad of ['{', '{"a" 1}', '[1,]', '"open', '{"a":1}x', '{"a":"raw\u0001control"}']) expect(() => parseLosslessJson(bad), bad).toThrow(SyntaxError);
  });

  it('reads a "__proto__" field as a field, as JSON.parse does', () => {
    const parsed = parseLosslessJson('{"__proto__":12345678901234567,"b":1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'b']);
    expect(parsed['__proto__']).toEqual(new JsonNumber('12345678901234567'));
  });
});

describe('KAFKA keys', () => {
  const roundTrip = (type: SqlType, value: Value): { bytes: string; back: Value[] | string } => {
    const schema = schemaOf(key('K', type), val('V', SqlTypes.INT));
    const encoded = formatCodecs.encoder(schema, formats('KAFKA')).encode([value, 1], false);
    return { bytes: Buffer.from(encoded.key ?? new Uint8Array()).toString('hex'), back: decode(schema, formats('KAFKA'), record(encoded.key, encoded.value)) };
  };

  it('INT is 4 bytes big-endian', () => {
    expect(roundTrip(SqlTypes.INT, 1)).toEqual({ bytes: '00000001', back: [1, 1] });
    expect(roundTrip(SqlTypes.INT, -2)).toEqual({ bytes: 'fffffffe', back: [-2, 1] });
    expect(roundTrip(SqlTypes.INT, 2147483647)).toEqual({ bytes: '7fffffff', back: [2147483647, 1] });
  });

  it('BIGINT is 8 bytes big-endian', () => {
    expect(roundTrip(SqlTypes.BIGINT, 1n)).toEqual({ bytes: '0000000000000001', back: [1n, 1] });
    expect(roundTrip(SqlTypes.BIGINT, -1n)).toEqual({ bytes: 'ffffffffffffffff', back: [-1n, 1] });
    expect(roundTrip(SqlTypes.BIGINT, 9007199254740993n)).toEqual({ bytes: '0020000000000001', back: [9007199254740993n, 1] });
  });

  it('DOUBLE is the 8-byte IEEE 754 big-endian layout', () => {
    expect(roundTrip(SqlTypes.DOUBLE, 1.5)).toEqual({ bytes: '3ff8000000000000', back: [1.5, 1] });
    expect(roundTrip(SqlTypes.DOUBLE, -0.1)).toEqual({ bytes: 'bfb999999999999a', back: [-0.1, 1] });
  });

  it('STRING is its UTF-8 bytes', () => {
    expect(roundTrip(SqlTypes.STRING, 'héllo')).toEqual({ bytes: Buffer.from('héllo').toString('hex'), back: ['héllo', 1] });
    expect(roundTrip(SqlTypes.STRING, '')).toEqual({ bytes: '', back: ['', 1] });
  });

  it('a NULL key is a null key', () => {
    const schema = schemaOf(key('K', SqlTypes.INT), val('V', SqlTypes.INT));
    expect(formatCodecs.encoder(schema, formats('KAFKA')).encode([null, 1], false).key).toBeNull();
  });

  it('reports a key of the wrong length instead of throwing', () => {
    const schema = schemaOf(key('K', SqlTypes.INT), val('V', SqlTypes.INT));
    expect(decode(schema, formats('KAFKA'), record(new Uint8Array([0, 1]), '{"V":1}'))).toBe('key: expected 4 bytes for a KAFKA INT, got 2');
    const big = schemaOf(key('K', SqlTypes.BIGINT), val('V', SqlTypes.INT));
    expect(decode(big, formats('KAFKA'), record(new Uint8Array(4), '{"V":1}'))).toBe('key: expected 8 bytes for a KAFKA BIGINT, got 4');
  });
});

describe('JSON keys', () => {
  const schema = schemaOf(key('REGION', SqlTypes.STRING), key('ID', SqlTypes.BIGINT), val('V', SqlTypes.INT));
  const spec = formats('JSON');

  it('a multi-column key is a JSON object, read back case-insensitively', () => {
    const encoded = formatCodecs.encoder(schema, spec).encode(['eu', 9007199254740993n, 5], false);
    expect(text(encoded.key)).toBe('{"REGION":"eu","ID":9007199254740993}');
    expect(decode(schema, spec, record(encoded.key, encoded.value))).toEqual(['eu', 9007199254740993n, 5]);
    expect(decode(schema, spec, record('{"region":"us","id":7}', '{"V":1}'))).toEqual(['us', 7n, 1]);
    expect(decode(schema, spec, record('{"REGION":"us"}', '{"V":1}'))).toEqual(['us', null, 1]);
  });

  it('a multi-column key that is not an object is an error', () => {
    expect(decode(schema, spec, record('"eu"', '{"V":1}'))).toBe('key: expected a JSON object holding the key columns');
    expect(typeof decode(schema, spec, record('{bad', '{"V":1}'))).toBe('string');
  });

  it('a single-column key is the bare JSON value', () => {
    const single = schemaOf(key('ID', SqlTypes.INT), val('V', SqlTypes.INT));
    const encoded = formatCodecs.encoder(single, spec).encode([42, 1], false);
    expect(text(encoded.key)).toBe('42');
    expect(decode(single, spec, record(encoded.key, encoded.value))).toEqual([42, 1]);
    expect(formatCodecs.encoder(single, spec).encode([null, 1], false).key).toBeNull();
  });

  it('NONE keys write no key bytes', () => {
    const keyless = schemaOf(val('V', SqlTypes.INT));
    expect(formatCodecs.encoder(keyless, formats('NONE')).encode([1], false).key).toBeNull();
  });
});

describe('WRAP_SINGLE_VALUE=false', () => {
  const schema = schemaOf(key('K', SqlTypes.STRING), val('AMOUNT', decimalType(10, 2)));
  const unwrapped = formats('KAFKA', false);

  it('writes and reads the single value column bare', () => {
    const encoded = formatCodecs.encoder(schema, unwrapped).encode(['k', Decimal.parse('12.50')], false);
    expect(text(encoded.value)).toBe('12.50');
    expect(show(decode(schema, unwrapped, record(encoded.key, encoded.value)))).toEqual(['k', 'D:12.50']);
    expect(show(decode(schema, unwrapped, record('k', 'null')))).toEqual(['k', null]);
  });

  it('reads a wrapped object as a type error, and the wrapped form stays the default', () => {
    expect(decode(schema, unwrapped, record('k', '{"AMOUNT":1}'))).toMatch(/as DECIMAL/);
    const wrapped = formatCodecs.encoder(schema, formats('KAFKA')).encode(['k', Decimal.parse('1.00')], false);
    expect(text(wrapped.value)).toBe('{"AMOUNT":1.00}');
  });

  it('a bare string value is JSON-quoted', () => {
    const s = schemaOf(val('S', SqlTypes.STRING));
    const encoded = formatCodecs.encoder(s, formats('NONE', false)).encode(['a"b'], false);
    expect(text(encoded.value)).toBe('"a\\"b"');
    expect(decode(s, formats('NONE', false), record(null, encoded.value))).toEqual(['a"b']);
  });
});
