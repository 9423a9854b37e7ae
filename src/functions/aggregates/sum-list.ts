// SUM_LIST: the sum of all elements of an array column over the group (NULL arrays and elements skipped).

import { SqlTypes, type SqlType, type Value } from '../../common/index.js';
import type { AggregateFunction, AggregateImplementation } from '../aggregate-function.js';
import { returnsType, type Signature } from '../scalar-function.js';

type Kind = 'INT' | 'BIGINT' | 'DOUBLE';

/** Java arithmetic per element type: INT wraps at 32 bits, BIGINT at 64. */
const ARITH: Record<Kind, { zero: Value; plus: (a: Value, b: Value) => Value; minus: (a: Value, b: Value) => Value }> = {
  INT: { zero: 0, plus: (a, b) => ((a as number) + (b as number)) | 0, minus: (a, b) => ((a as number) - (b as number)) | 0 },
  BIGINT: { zero: 0n, plus: (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint)), minus: (a, b) => BigInt.asIntN(64, (a as bigint) - (b as bigint)) },
  DOUBLE: { zero: 0, plus: (a, b) => (a as number) + (b as number), minus: (a, b) => (a as number) - (b as number) },
};

function sumList(kind: Kind): AggregateImplementation<Value> {
  const { zero, plus, minus } = ARITH[kind];
  const total = (list: Value | undefined): Value => ((list ?? null) === null ? zero : (list as readonly Value[]).reduce<Value>((acc, v) => (v === null ? acc : plus(acc, v)), zero));
  return {
    initial: () => zero,
    add: (s, [list]) => plus(s, total(list)),
    undo: (s, [list]) => minus(s, total(list)),
    merge: plus,
    result: (s) => s,
    serialize: (s) => (typeof s === 'bigint' ? s.toString() : s),
    deserialize: (j) => (kind === 'BIGINT' ? BigInt(j as string) : (j as number)),
  };
}

const SIGNATURES: Signature[] = (['INT', 'BIGINT', 'DOUBLE'] as const).map((k) => ({
  params: [{ arrayOf: k }],
  returns: returnsType(SqlTypes[k]),
}));

export const sumListAggregate: AggregateFunction = {
  name: 'SUM_LIST',
  description: 'The sum of the elements of an array column (INT, BIGINT or DOUBLE elements) over all rows of the group.',
  signatures: SIGNATURES,
  create: (argTypes: readonly SqlType[]) => {
    const t = argTypes[0];
    const kind = t?.kind === 'ARRAY' && (t.element.kind === 'INT' || t.element.kind === 'BIGINT') ? t.element.kind : 'DOUBLE';
    return sumList(kind) as AggregateImplementation;
  },
};
