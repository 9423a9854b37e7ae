// Unit tests for keys written as JSON text directly: the same text as JSON.stringify of their JSON-safe forms (state written before reads back alike).

import { describe, expect, it } from 'vitest';
import { Decimal, decimalType, SqlTypes, valueToJson, type SqlType, type Value } from '../../../src/common/index.js';
import { keyFromString, keyString } from '../../../src/exec/row-json.js';

const cases: readonly (readonly [SqlType, Value])[] = [
  [SqlTypes.BIGINT, 0n],
  [SqlTypes.BIGINT, -9223372036854775808n],
  [SqlTypes.BIGINT, 9223372036854775807n],
  [SqlTypes.INT, -2147483648],
  [SqlTypes.DOUBLE, 0.1],
  [SqlTypes.DOUBLE, -0],
  [SqlTypes.DOUBLE, 1e21],
  [SqlTypes.DOUBLE, Number.NaN],
  [SqlTypes.DOUBLE, Number.NEGATIVE_INFINITY],
  [SqlTypes.STRING, ''],
  [SqlTypes.STRING, 'quote " backslash \\ newline \n tab \t nul \u0000'],
  [SqlTypes.STRING, 'é \uE000 😀 lone surrogate \uD800'],
  [SqlTypes.BOOLEAN, true],
  [SqlTypes.BOOLEAN, false],
  [decimalType(10, 2), Decimal.parse('-12345678.90')],
  [SqlTypes.BYTES, new Uint8Array([0, 1, 254, 255])],
  [SqlTypes.DATE, 19000],
  [SqlTypes.TIME, 3_600_000],
  [SqlTypes.TIMESTAMP, 1_700_000_000_123],
  [{ kind: 'ARRAY', element: SqlTypes.BIGINT }, [1n, null, -2n]],
  [{ kind: 'MAP', key: SqlTypes.STRING, value: SqlTypes.BIGINT }, { kind: 'map', entries: new Map<string, Value>([['a', 1n], ['"b"', null]]) }],
  [{ kind: 'STRUCT', fields: [{ name: 'X', type: SqlTypes.BIGINT }, { name: 'y z', type: SqlTypes.STRING }] }, { kind: 'struct', fields: { X: 7n, 'y z': 'w' } }],
];

describe('key JSON text', () => {
  it("a key's text is JSON.stringify of its values' JSON-safe forms, per type and for several values", () => {
    for (const [type, value] of cases) expect(keyString([value], [type])).toBe(JSON.stringify([valueToJson(value, type)]));
    const types = cases.map(([t]) => t);
    const values = cases.map(([, v]) => v);
    expect(keyString(values, types)).toBe(JSON.stringify(values.map((v, i) => valueToJson(v, types[i] as SqlType))));
    // A value without a type is written as a STRING's.
    expect(keyString(['a', 'b'], [SqlTypes.STRING])).toBe('["a","b"]');
    expect(keyString([null, undefined as unknown as Value], [SqlTypes.BIGINT, SqlTypes.BIGINT])).toBe('[null,null]');
    // No values, and every pair and triple of the cases (the several-value path joins its parts).
    expect(keyString([], [])).toBe('[]');
    for (const a of cases) {
      for (const b of cases) {
        const pair = [a, b, a];
        for (const n of [2, 3]) {
          const vs = pair.slice(0, n);
          expect(keyString(vs.map(([, v]) => v), vs.map(([t]) => t))).toBe(JSON.stringify(vs.map(([t, v]) => valueToJson(v, t))));
        }
      }
    }
  });

  it('a key reads back from its text to its values', () => {
    const types = cases.map(([t]) => t);
    const values = cases.map(([, v]) => v);
    expect(keyFromString(keyString(values, types), types)).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
  });
});

/** The general path's text: the JSON of the values' JSON-safe forms (what stores written so far hold). */
const general = (values: readonly Value[], types: readonly SqlType[]): string => JSON.stringify(values.map((v, i) => valueToJson(v, types[i] ?? SqlTypes.STRING)));

const LONE_KEY_CASES: readonly [SqlType, readonly Value[]][] = [
  [SqlTypes.BIGINT, [0n, 1n, -1n, 1001n, 9223372036854775807n, -9223372036854775808n, 12345678901234567n, null]],
  [SqlTypes.INT, [0, -0, 1, -1, 2147483647, -2147483648, 42, null]],
  [SqlTypes.STRING, ['', 'a', 'A b', '"quoted"', 'back\\slash', 'line\nbreak', '\u0000\u001f', 'é€😀', '\ud800', '["1"]', null]],
];

describe('keyString of a lone BIGINT, INT or STRING key', () => {
  for (const [type, values] of LONE_KEY_CASES) {
    it(`keys a lone ${type.kind} as the general path does, and reads back`, () => {
      for (const v of values) {
        const text = keyString([v], [type]);
        expect(text).toBe(general([v], [type]));
        // JSON has no -0: it reads back as 0 on either path.
        expect(keyFromString(text, [type])).toEqual([Object.is(v, -0) ? 0 : v]);
      }
    });
  }

  it('keeps composite keys and other types on the general path', () => {
    const types = [SqlTypes.BIGINT, SqlTypes.STRING];
    expect(keyString([7n, 'x'], types)).toBe('["7","x"]');
    expect(keyString([1.5], [SqlTypes.DOUBLE])).toBe(general([1.5], [SqlTypes.DOUBLE]));
    expect(keyString([true], [SqlTypes.BOOLEAN])).toBe('[true]');
  });
});
