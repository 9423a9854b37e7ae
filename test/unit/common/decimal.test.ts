// Unit tests for Decimal: exact parsing, text form, half-up rescaling and exact arithmetic.

import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/common/index.js';

const d = (text: string): Decimal => Decimal.parse(text);

describe('Decimal.parse', () => {
  it('keeps the unscaled digits and the scale exactly', () => {
    expect(d('-12.340')).toMatchObject({ unscaled: -12340n, scale: 3 });
    expect(d('12')).toMatchObject({ unscaled: 12n, scale: 0 });
    expect(d('+0.05')).toMatchObject({ unscaled: 5n, scale: 2 });
    expect(d('.5')).toMatchObject({ unscaled: 5n, scale: 1 });
    expect(d('7.')).toMatchObject({ unscaled: 7n, scale: 0 });
    expect(d('  3.25 ')).toMatchObject({ unscaled: 325n, scale: 2 });
    expect(d('123456789012345678901234567890.12')).toMatchObject({ unscaled: 12345678901234567890123456789012n, scale: 2 });
  });

  it('rejects anything that is not a plain decimal', () => {
    for (const bad of ['', '.', '-', 'abc', '1e5', '1.2.3', '1,5', '0x10', 'NaN']) {
      expect(() => Decimal.parse(bad), bad).toThrow(/not a decimal/);
    }
  });
});

describe('Decimal.toString', () => {
  it('prints every digit of the scale, with a leading zero and sign', () => {
    expect(d('-12.340').toString()).toBe('-12.340');
    expect(d('0.05').toString()).toBe('0.05');
    expect(d('-0.05').toString()).toBe('-0.05');
    expect(d('.5').toString()).toBe('0.5');
    expect(new Decimal(5n, 3).toString()).toBe('0.005');
    expect(new Decimal(-5n, 3).toString()).toBe('-0.005');
    expect(new Decimal(100n, 0).toString()).toBe('100');
    expect(d('123456789012345678.91').toString()).toBe('123456789012345678.91');
  });

  it('round-trips through parse', () => {
    for (const text of ['0', '1.0', '-1.50', '99999999999999999999.99', '-0.001']) expect(d(text).toString()).toBe(text);
  });

  it('reports the SQL precision', () => {
    expect(d('123.45').precision).toBe(5);
    expect(d('0.05').precision).toBe(3);
    expect(d('-999').precision).toBe(3);
  });
});

describe('Decimal.rescale', () => {
  it('widens the scale exactly', () => {
    expect(d('1.5').rescale(3).toString()).toBe('1.500');
    expect(d('-2').rescale(2).toString()).toBe('-2.00');
  });

  it('rounds half up (away from zero) when narrowing', () => {
    const cases: [string, number, string][] = [
      ['1.25', 1, '1.3'],
      ['1.24', 1, '1.2'],
      ['1.249', 1, '1.2'],
      ['1.5', 0, '2'],
      ['2.5', 0, '3'],
      ['0.05', 1, '0.1'],
      ['0.049', 1, '0.0'],
      ['-1.25', 1, '-1.3'],
      ['-1.24', 1, '-1.2'],
      ['-2.5', 0, '-3'],
      ['-0.05', 1, '-0.1'],
      ['-0.04', 1, '0.0'],
      ['9.995', 2, '10.00'],
      ['-9.995', 2, '-10.00'],
    ];
    for (const [from, scale, to] of cases) expect(d(from).rescale(scale).toString(), `${from} → scale ${scale}`).toBe(to);
  });

  it('returns the same value for the same scale', () => {
    const x = d('1.23');
    expect(x.rescale(2)).toBe(x);
  });
});

describe('Decimal arithmetic', () => {
  it('adds and subtracts exactly at the larger scale', () => {
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
    expect(d('1.05').add(d('2.1')).toString()).toBe('3.15');
    expect(d('0.3').subtract(d('0.1')).toString()).toBe('0.2');
    expect(d('1').subtract(d('1.001')).toString()).toBe('-0.001');
    expect(d('99999999999999999999.99').add(d('0.01')).toString()).toBe('100000000000000000000.00');
    expect(d('-5.5').add(d('5.5')).toString()).toBe('0.0');
  });

  it('multiplies exactly, adding the scales', () => {
    expect(d('1.5').multiply(d('2.25')).toString()).toBe('3.375');
    expect(d('-0.1').multiply(d('0.1')).toString()).toBe('-0.01');
    expect(d('12345678901234567890.12').multiply(d('10')).toString()).toBe('123456789012345678901.20');
  });

  it('negates', () => {
    expect(d('1.50').negate().toString()).toBe('-1.50');
    expect(d('-1.50').negate().toString()).toBe('1.50');
  });

  it('compares by value, whatever the scale', () => {
    expect(d('1.5').compare(d('1.50'))).toBe(0);
    expect(d('1.49').compare(d('1.5'))).toBe(-1);
    expect(d('2').compare(d('1.999'))).toBe(1);
    expect(d('-2').compare(d('-1.999'))).toBe(-1);
    expect(d('-0.0').compare(d('0'))).toBe(0);
    expect(d('9007199254740993').compare(d('9007199254740992'))).toBe(1);
  });

  it('converts from numbers and bigints', () => {
    expect(Decimal.fromNumber(1.005, 1).toString()).toBe('1.0');
    expect(Decimal.fromNumber(2.5, 2).toString()).toBe('2.50');
    expect(Decimal.fromBigInt(9007199254740993n).toString()).toBe('9007199254740993');
    expect(d('-12.5').toNumber()).toBe(-12.5);
  });
});
