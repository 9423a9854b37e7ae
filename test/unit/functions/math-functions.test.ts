// Unit tests for the math and trigonometric functions: types per overload, Java rounding, NULLs and edge cases.

import { describe, expect, it } from 'vitest';
import { call, dec, returnType, T, text } from './call-function.js';

const { INT, BIGINT, DOUBLE, STRING } = T;

describe('rounding: ROUND, TRUNC, CEIL, FLOOR', () => {
  it('ROUND rounds halves toward positive infinity, as Java Math.round', () => {
    expect(call('ROUND', [DOUBLE], 2.5)).toBe(3n);
    expect(call('ROUND', [DOUBLE], -2.5)).toBe(-2n);
    expect(call('ROUND', [DOUBLE], -2.51)).toBe(-3n);
    expect(call('ROUND', [INT], 7)).toBe(7n);
    expect(call('ROUND', [BIGINT], -7n)).toBe(-7n);
    expect(call('ROUND', [DOUBLE], NaN)).toBe(0n);
    expect(call('ROUND', [DOUBLE], 1e300)).toBe(2n ** 63n - 1n);
    expect(call('ROUND', [DOUBLE], null)).toBeNull();
  });

  it('ROUND to places works on the decimal text of the double, and negative places round left of the point', () => {
    expect(call('ROUND', [DOUBLE, INT], 1.2345, 2)).toBe(1.23);
    expect(call('ROUND', [DOUBLE, INT], 1.005, 2)).toBe(1.01);
    expect(call('ROUND', [DOUBLE, INT], -1.005, 2)).toBe(-1.0);
    expect(call('ROUND', [DOUBLE, INT], 1234.5, -2)).toBe(1200);
    expect(call('ROUND', [DOUBLE, INT], 1250, -2)).toBe(1300);
    expect(call('ROUND', [DOUBLE, INT], Infinity, 2)).toBeNull();
    expect(call('ROUND', [DOUBLE, INT], 1.5, null)).toBeNull();
    expect(returnType('ROUND', DOUBLE, INT)).toBe('DOUBLE');
    expect(returnType('ROUND', INT, INT)).toBe('DECIMAL(10, 0)'); // INT widens to DECIMAL before DOUBLE
    expect(text(call('ROUND', [INT, INT], 1250, -2))).toBe('1300');
  });

  it('ROUND and TRUNC on DECIMAL: no places gives DECIMAL(p - s, 0); with places the type stays', () => {
    expect(returnType('ROUND', T.decimal(5, 2))).toBe('DECIMAL(3, 0)');
    expect(text(call('ROUND', [T.decimal(5, 2)], dec('12.50')))).toBe('13');
    expect(text(call('ROUND', [T.decimal(5, 2)], dec('-12.50')))).toBe('-12');
    expect(returnType('ROUND', T.decimal(5, 3), INT)).toBe('DECIMAL(5, 3)');
    expect(text(call('ROUND', [T.decimal(5, 3), INT], dec('1.235'), 2))).toBe('1.240');
    expect(text(call('TRUNC', [T.decimal(5, 3), INT], dec('-1.239'), 2))).toBe('-1.230');
    expect(text(call('TRUNC', [T.decimal(5, 2)], dec('-12.99')))).toBe('-12');
  });

  it('TRUNC cuts toward zero and returns BIGINT for whole numbers', () => {
    expect(call('TRUNC', [DOUBLE], -2.9)).toBe(-2n);
    expect(call('TRUNC', [DOUBLE], 2.9)).toBe(2n);
    expect(call('TRUNC', [INT], 5)).toBe(5n);
    expect(call('TRUNC', [DOUBLE, INT], 1.999, 2)).toBe(1.99);
    expect(call('TRUNC', [DOUBLE, INT], -1.999, 1)).toBe(-1.9);
    expect(returnType('TRUNC', DOUBLE)).toBe('BIGINT');
  });

  it('CEIL and FLOOR keep the argument type (DECIMAL keeps its scale)', () => {
    expect(call('CEIL', [DOUBLE], 1.1)).toBe(2);
    expect(call('CEIL', [DOUBLE], -1.1)).toBe(-1);
    expect(call('FLOOR', [DOUBLE], -1.1)).toBe(-2);
    expect(call('CEIL', [INT], 3)).toBe(3);
    expect(call('FLOOR', [BIGINT], 3n)).toBe(3n);
    expect(returnType('CEIL', T.decimal(4, 2))).toBe('DECIMAL(4, 2)');
    expect(text(call('CEIL', [T.decimal(4, 2)], dec('1.25')))).toBe('2.00');
    expect(text(call('FLOOR', [T.decimal(4, 2)], dec('-1.25')))).toBe('-2.00');
    expect(call('FLOOR', [DOUBLE], null)).toBeNull();
  });
});

describe('ABS, SIGN, SQRT, CBRT, EXP, LN, LOG, POWER, PI, RANDOM', () => {
  it('ABS keeps the type; DECIMAL stays exact', () => {
    expect(call('ABS', [INT], -3)).toBe(3);
    expect(text(call('ABS', [T.decimal(4, 2)], dec('-1.50')))).toBe('1.50');
    expect(call('ABS', [INT], null)).toBeNull();
  });

  it('SIGN returns an INT for every numeric type', () => {
    expect(call('SIGN', [INT], -5)).toBe(-1);
    expect(call('SIGN', [BIGINT], 0n)).toBe(0);
    expect(call('SIGN', [DOUBLE], 0.1)).toBe(1);
    expect(call('SIGN', [T.decimal(3, 1)], dec('-0.1'))).toBe(-1);
    expect(returnType('SIGN', DOUBLE)).toBe('INT');
  });

  it('roots, exponentials and logarithms widen to DOUBLE and follow IEEE edge cases', () => {
    expect(call('SQRT', [INT], 16)).toBe(4);
    expect(call('SQRT', [DOUBLE], -1)).toBeNaN();
    expect(call('CBRT', [DOUBLE], -27)).toBe(-3);
    expect(call('EXP', [INT], 0)).toBe(1);
    expect(call('LN', [DOUBLE], 0)).toBe(-Infinity);
    expect(call('LN', [DOUBLE], -1)).toBeNaN();
    expect(call('LOG', [INT], 1000)).toBeCloseTo(3, 12);
    expect(call('LOG', [INT, INT], 2, 8)).toBeCloseTo(3, 12);
    expect(call('LOG', [DOUBLE, DOUBLE], 1, 5)).toBeNaN();
    expect(call('LOG', [DOUBLE, DOUBLE], -2, 5)).toBeNaN();
    expect(call('LOG', [DOUBLE, DOUBLE], 10, 0)).toBe(-Infinity);
    expect(call('POWER', [INT, INT], 2, 10)).toBe(1024);
    expect(call('POWER', [DOUBLE, DOUBLE], 10, 400)).toBe(Infinity);
    expect(call('PI', [])).toBe(Math.PI);
  });

  it('RANDOM is a DOUBLE in [0, 1) and differs between calls', () => {
    const values = Array.from({ length: 20 }, () => call('RANDOM', []) as number);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(1);
  });
});

describe('GREATEST and LEAST', () => {
  it('skip NULLs, pick the nearest common overload and compare per type', () => {
    expect(call('GREATEST', [INT, INT, INT], 1, null, 3)).toBe(3);
    expect(call('LEAST', [INT, INT], null, null)).toBeNull();
    expect(call('GREATEST', [INT, BIGINT], 5, 2n)).toBe(5n);
    expect(returnType('GREATEST', INT, BIGINT)).toBe('BIGINT');
    expect(returnType('LEAST', INT, DOUBLE)).toBe('DOUBLE');
    expect(call('GREATEST', [STRING, STRING], 'apple', 'Banana')).toBe('apple');
    expect(call('LEAST', [STRING, STRING, STRING], 'b', 'a', 'c')).toBe('a');
    expect(text(call('GREATEST', [T.decimal(3, 1), T.decimal(3, 1)], dec('1.5'), dec('-2.0')))).toBe('1.5');
  });
});

describe('trigonometry', () => {
  it('computes in radians, with DEGREES/RADIANS converting', () => {
    expect(call('SIN', [DOUBLE], Math.PI / 2)).toBe(1);
    expect(call('COS', [INT], 0)).toBe(1);
    expect(call('TAN', [DOUBLE], 0)).toBe(0);
    expect(call('COT', [DOUBLE], 0)).toBe(Infinity);
    expect(call('COT', [DOUBLE], -0)).toBe(-Infinity);
    expect(call('ASIN', [DOUBLE], 2)).toBeNaN();
    expect(call('ACOS', [INT], 1)).toBe(0);
    expect(call('ATAN', [INT], 0)).toBe(0);
    expect(call('ATAN2', [INT, INT], 1, 0)).toBeCloseTo(Math.PI / 2, 15);
    expect(call('ATAN2', [INT, INT], 0, -1)).toBeCloseTo(Math.PI, 15);
    expect(call('SINH', [INT], 0)).toBe(0);
    expect(call('COSH', [INT], 0)).toBe(1);
    expect(call('TANH', [DOUBLE], 1000)).toBe(1);
    expect(call('DEGREES', [DOUBLE], Math.PI)).toBe(180);
    expect(call('RADIANS', [INT], 180)).toBe(Math.PI);
    expect(call('SIN', [DOUBLE], null)).toBeNull();
  });
});
