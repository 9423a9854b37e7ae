// keyString: a lone BIGINT, INT or STRING key gets exactly the text of the general path (stored keys must not change).

import { describe, expect, it } from 'vitest';
import { SqlTypes, valueToJson, type SqlType, type Value } from '../../../src/common/index.js';
import { keyFromString, keyString } from '../../../src/exec/row-json.js';

/** The general path's text: the JSON of the values' JSON-safe forms (what stores written so far hold). */
const general = (values: readonly Value[], types: readonly SqlType[]): string => JSON.stringify(values.map((v, i) => valueToJson(v, types[i] ?? SqlTypes.STRING)));

const CASES: readonly [SqlType, readonly Value[]][] = [
  [SqlTypes.BIGINT, [0n, 1n, -1n, 1001n, 9223372036854775807n, -9223372036854775808n, 12345678901234567n, null]],
  [SqlTypes.INT, [0, -0, 1, -1, 2147483647, -2147483648, 42, null]],
  [SqlTypes.STRING, ['', 'a', 'A b', '"quoted"', 'back\\slash', 'line\nbreak', '\u0000\u001f', 'é€😀', '\ud800', '["1"]', null]],
];

describe('keyString', () => {
  for (const [type, values] of CASES) {
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
