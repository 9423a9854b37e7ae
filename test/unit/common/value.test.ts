// Unit tests for value text: formatDouble as Java's Double.toString, and formatValue for every kind.

import { describe, expect, it } from 'vitest';
import { Decimal, formatDouble, formatValue, isInt32, SqlTypes, type Value } from '../../../src/common/index.js';

describe('formatDouble', () => {
  it("matches Java's Double.toString", () => {
    const cases: [number, string][] = [
      [1.0, '1.0'],
      [13.54, '13.54'],
      [1.0e10, '1.0E10'],
      [1.0e-4, '1.0E-4'],
      [0.001, '0.001'],
      [100.0, '100.0'],
      [-0.0, '-0.0'],
      [0, '0.0'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
      [-1.5, '-1.5'],
      [9999999.0, '9999999.0'],
      [1.0e7, '1.0E7'],
      [1.25e7, '1.25E7'],
      [123456789.0, '1.23456789E8'],
      [-1.0e-5, '-1.0E-5'],
      [1.0e21, '1.0E21'],
      [0.1 + 0.2, '0.30000000000000004'],
      [Number.MAX_VALUE, '1.7976931348623157E308'],
    ];
    for (const [n, text] of cases) expect(formatDouble(n), String(n)).toBe(text);
  });
});

describe('formatValue', () => {
  it('shows each kind of value as the CLI prints it', () => {
    const cases: [Value, string][] = [
      [null, 'null'],
      [true, 'true'],
      [false, 'false'],
      [42, '42'],
      [-7, '-7'],
      [13.54, '13.54'],
      [1e-4, '1.0E-4'],
      [9007199254740993n, '9007199254740993'],
      [-1n, '-1'],
      ['héllo', 'héllo'],
      ['', ''],
      [Decimal.parse('-0.50'), '-0.50'],
      [new Uint8Array([1, 2, 255]), 'AQL/'],
      [[1, null, 'a'], '[1, null, a]'],
      [{ kind: 'map', entries: new Map<string, Value>([['k', 1], ['j', null]]) }, '{k=1, j=null}'],
      [{ kind: 'struct', fields: { A: 1, B: 'x' } }, '{A=1, B=x}'],
    ];
    for (const [v, text] of cases) expect(formatValue(v)).toBe(text);
  });

  it('prints a DOUBLE like Java when the type is known', () => {
    expect(formatValue(4, SqlTypes.DOUBLE)).toBe('4.0');
    expect(formatValue(1e10, SqlTypes.DOUBLE)).toBe('1.0E10');
    expect(formatValue(-0, SqlTypes.DOUBLE)).toBe('-0.0');
    expect(formatValue(4, SqlTypes.INT)).toBe('4');
    expect(formatValue(null, SqlTypes.DOUBLE)).toBe('null');
  });
});

describe('isInt32', () => {
  it('accepts exactly the 32-bit integers', () => {
    expect(isInt32(2147483647)).toBe(true);
    expect(isInt32(-2147483648)).toBe(true);
    expect(isInt32(2147483648)).toBe(false);
    expect(isInt32(-2147483649)).toBe(false);
    expect(isInt32(1.5)).toBe(false);
    expect(isInt32(NaN)).toBe(false);
  });
});
