// Table functions: EXPLODE (one row per array element) and CUBE_EXPLODE (one row per combination of kept elements).

import type { Value } from '../common/index.js';
import { arrayOf, generic, returnsGeneric } from './scalar-function.js';
import type { TableFunction } from './table-function.js';

const T = generic('T');

/**
 * Every combination of the array's elements with some replaced by NULL, from all-NULL to the whole
 * array (as ksqlDB's cube); an element that is already NULL does not double the combinations.
 */
export function cube(values: readonly Value[]): Value[][] {
  const n = values.length;
  const out: Value[][] = [];
  for (let mask = 0; mask < 2 ** n; mask++) {
    const keep = (i: number): boolean => Math.floor(mask / 2 ** (n - 1 - i)) % 2 === 1;
    if (values.some((v, i) => v === null && keep(i))) continue;
    out.push(values.map((v, i) => (keep(i) ? v : null)));
  }
  return out;
}

export const tableFunctions: readonly TableFunction[] = [
  {
    name: 'EXPLODE',
    description: 'One output row per element of an array (no rows for a NULL or empty array), the element as the column value.',
    signatures: [{ params: [arrayOf(T)], returns: returnsGeneric('T') }],
    invoke: ([a]) => (a === null || a === undefined ? [] : (a as readonly Value[])),
  },
  {
    name: 'CUBE_EXPLODE',
    description: 'One output row per combination of the array with any of its elements replaced by NULL (2^n rows for n distinct non-NULL elements).',
    signatures: [{ params: [arrayOf(T)], returns: (args) => args[0] ?? { kind: 'ARRAY', element: { kind: 'STRING' } } }],
    invoke: ([a]) => (a === null || a === undefined ? [] : cube(a as readonly Value[])),
  },
];

const BY_NAME = new Map(tableFunctions.map((f) => [f.name, f]));
export function findTableFunction(name: string): TableFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

