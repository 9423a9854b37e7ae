// Unit tests for the table functions EXPLODE and CUBE_EXPLODE: rows produced, NULL input, signature typing.

import { describe, expect, it } from 'vitest';
import { findTableFunction, resolveSignature, tableFunctions } from '../../../src/functions/index.js';
import { T } from './call-function.js';

const explode = findTableFunction('explode');
const cubeExplode = findTableFunction('CUBE_EXPLODE');

describe('EXPLODE', () => {
  it('emits one value per element (NULL elements included), none for a NULL or empty array', () => {
    expect(explode?.invoke([[23, 56, null]])).toEqual([23, 56, null]);
    expect(explode?.invoke([[]])).toEqual([]);
    expect(explode?.invoke([null])).toEqual([]);
  });

  it('types its column as the element type', () => {
    const fn = tableFunctions.find((f) => f.name === 'EXPLODE');
    if (fn === undefined) throw new Error('EXPLODE');
    const type = resolveSignature(fn.name, fn.signatures, [T.array(T.decimal(4, 1))], undefined, (sig, m) => sig.returns(m.paramTypes, m.generics));
    expect(type).toEqual(T.decimal(4, 1));
    expect(() => resolveSignature(fn.name, fn.signatures, [T.INT], undefined, () => null)).toThrow(/does not accept/);
  });
});

describe('CUBE_EXPLODE', () => {
  it('emits every combination with elements replaced by NULL, all-NULL first', () => {
    expect(cubeExplode?.invoke([[1, 2]])).toEqual([
      [null, null],
      [null, 2],
      [1, null],
      [1, 2],
    ]);
    expect(cubeExplode?.invoke([['a', 'b', 'c']])).toHaveLength(8);
    expect(cubeExplode?.invoke([[]])).toEqual([[]]);
    expect(cubeExplode?.invoke([null])).toEqual([]);
  });

  it('does not repeat combinations for elements that are already NULL', () => {
    expect(cubeExplode?.invoke([[1, null]])).toEqual([
      [null, null],
      [1, null],
    ]);
  });
});
