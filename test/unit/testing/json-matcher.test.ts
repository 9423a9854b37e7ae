// Unit tests for the expected-vs-actual comparison rules of `eddy test` (ksqlDB's test-runner semantics).
import { describe, expect, it } from 'vitest';
import { decimalType, SqlTypes, type SqlType } from '../../../src/common/index.js';
import { parseLosslessJson } from '../../../src/engine/index.js';
import { matchJson } from '../../../src/testing/index.js';

const j = (text: string) => parseLosslessJson(text);
const match = (expected: string, actual: string, type: SqlType | null = null) => matchJson(j(expected), j(actual), type, 'value');

describe('matchJson', () => {
  it('integers and BIGINTs compare exactly, beyond 2^53 too', () => {
    expect(match('9223372036854775807', '9223372036854775807', SqlTypes.BIGINT)).toBeNull();
    expect(match('9007199254740993', '9007199254740992', SqlTypes.BIGINT)).toBe('value: expected 9007199254740993 but was 9007199254740992');
    expect(match('10.0', '10', SqlTypes.INT)).not.toBeNull();
  });

  it('DECIMALs compare exactly, scale included; an integer literal matches only scale 0', () => {
    const d = decimalType(10, 2);
    expect(match('10.50', '10.50', d)).toBeNull();
    expect(match('10.5', '10.50', d)).toBe('value: expected 10.5 but was 10.50 (DECIMAL compares exactly, scale included)');
    expect(match('10', '10.00', d)).not.toBeNull();
    expect(match('10', '10', decimalType(4, 0))).toBeNull();
    expect(match('"10.50"', '10.50', d)).toBeNull();
    expect(match('"10.5"', '10.50', d)).not.toBeNull();
  });

  it('DOUBLEs match within 1e-6', () => {
    expect(match('104.0000001', '104.0', SqlTypes.DOUBLE)).toBeNull();
    expect(match('104', '104.0', SqlTypes.DOUBLE)).toBeNull();
    expect(match('104.00001', '104.0', SqlTypes.DOUBLE)).toBe('value: expected 104.00001 but was 104.0 (DOUBLE tolerance is 0.000001)');
  });

  it('without a type: integers exact, exponents as doubles, other numbers as decimals', () => {
    expect(match('1', '1')).toBeNull();
    expect(match('1.0E10', '10000000000.0000001')).toBeNull();
    expect(match('1.5', '1.50')).not.toBeNull();
  });

  it('objects need the same number of fields, matched by exact then upper-case name', () => {
    const t: SqlType = { kind: 'STRUCT', fields: [{ name: 'A', type: SqlTypes.INT }, { name: 'b', type: SqlTypes.STRING }] };
    expect(match('{"a": 1, "b": "x"}', '{"A": 1, "b": "x"}', t)).toBeNull();
    expect(match('{"A": 1}', '{"A": 1, "b": "x"}', t)).toBe('value: expected {"A":1} but was {"A":1,"b":"x"} (fields: expected A; actual A, b)');
    expect(match('{"A": 1, "c": "x"}', '{"A": 1, "b": "x"}', t)).toBe('value.c: expected "x" but there is no such field (actual fields: A, b)');
    expect(match('{"A": 2, "b": "x"}', '{"A": 1, "b": "x"}', t)).toBe('value.A: expected 2 but was 1');
  });

  it('arrays match element by element with the same length; null only matches null', () => {
    const t: SqlType = { kind: 'ARRAY', element: SqlTypes.DOUBLE };
    expect(match('[1.0, 2.0000001]', '[1.0, 2.0]', t)).toBeNull();
    expect(match('[1.0]', '[1.0, 2.0]', t)).toBe('value: expected [1.0] but was [1.0,2.0] (1 elements expected, 2 found)');
    expect(match('[1.0, 3.0]', '[1.0, 2.0]', t)).toBe('value[1]: expected 3.0 but was 2.0 (DOUBLE tolerance is 0.000001)');
    expect(match('null', 'null')).toBeNull();
    expect(match('null', '{}')).toBe('value: expected null but was {}');
    expect(match('"a"', 'null')).toBe('value: expected "a" but was null');
    expect(match('true', 'false')).not.toBeNull();
  });
});
