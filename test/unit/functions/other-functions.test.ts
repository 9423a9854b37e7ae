// Unit tests for bytes conversions, AS_VALUE, GEO_DISTANCE and the NULL functions.

import { describe, expect, it } from 'vitest';
import { call, dec, T } from './call-function.js';
import { resolveCall } from '../../../src/functions/index.js';

const { INT, BIGINT, DOUBLE, STRING, BYTES } = T;
const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

describe('bytes conversions', () => {
  it('read big-endian by default, little-endian on request, NULL for a wrong length or order', () => {
    expect(call('INT_FROM_BYTES', [BYTES], b64('AAAH5Q=='))).toBe(2021);
    expect(call('INT_FROM_BYTES', [BYTES, STRING], new Uint8Array([0xe5, 7, 0, 0]), 'LITTLE_ENDIAN')).toBe(2021);
    expect(call('INT_FROM_BYTES', [BYTES], new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBe(-1);
    expect(call('BIGINT_FROM_BYTES', [BYTES, STRING], b64('AAAAASoF8gA='), 'BIG_ENDIAN')).toBe(5000000000n);
    expect(call('DOUBLE_FROM_BYTES', [BYTES], b64('QICm/ZvJ9YI='))).toBe(532.8738323);
    expect(call('INT_FROM_BYTES', [BYTES], new Uint8Array([1, 2]))).toBeNull();
    expect(call('BIGINT_FROM_BYTES', [BYTES, STRING], b64('AAAAASoF8gA='), 'MIDDLE_ENDIAN')).toBeNull();
    expect(call('DOUBLE_FROM_BYTES', [BYTES], null)).toBeNull();
  });
});

describe('AS_VALUE and GEO_DISTANCE', () => {
  it('AS_VALUE returns its argument with its type', () => {
    expect(call('AS_VALUE', [BIGINT], 5n)).toBe(5n);
    expect(resolveCall('AS_VALUE', [T.decimal(3, 1)]).returnType).toEqual(T.decimal(3, 1));
    expect(call('AS_VALUE', [STRING], null)).toBeNull();
  });

  it('GEO_DISTANCE is the great-circle distance in km or miles', () => {
    const km = call('GEO_DISTANCE', [DOUBLE, DOUBLE, DOUBLE, DOUBLE], 37.4439, -122.1663, 51.5257, -0.1104) as number;
    expect(km).toBeCloseTo(8634.6, 0);
    const miles = call('GEO_DISTANCE', [DOUBLE, DOUBLE, DOUBLE, DOUBLE, STRING], 37.4439, -122.1663, 51.5257, -0.1104, 'miles') as number;
    expect(miles / km).toBeCloseTo(3959 / 6371, 10);
    expect(call('GEO_DISTANCE', [INT, INT, INT, INT], 0, 0, 0, 0)).toBe(0);
    expect(call('GEO_DISTANCE', [DOUBLE, DOUBLE, DOUBLE, DOUBLE], 91, 0, 0, 0)).toBeNull();
    expect(call('GEO_DISTANCE', [DOUBLE, DOUBLE, DOUBLE, DOUBLE, STRING], 0, 0, 1, 1, 'parsecs')).toBeNull();
  });
});

describe('NULL functions', () => {
  it('COALESCE, IFNULL and NULLIF', () => {
    expect(call('COALESCE', [INT, INT, INT], null, null, 3)).toBe(3);
    expect(call('COALESCE', [INT], null)).toBeNull();
    expect(call('IFNULL', [STRING, STRING], null, 'alt')).toBe('alt');
    expect(call('IFNULL', [STRING, STRING], 'x', 'alt')).toBe('x');
    expect(call('NULLIF', [INT, INT], 1, 1)).toBeNull();
    expect(call('NULLIF', [INT, INT], 1, 2)).toBe(1);
    expect(call('NULLIF', [INT, INT], null, null)).toBeNull();
    expect(call('NULLIF', [T.decimal(3, 1), T.decimal(3, 1)], dec('1.0'), dec('1.0'))).toBeNull();
  });
});
