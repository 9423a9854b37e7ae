// Law tests for every aggregate in moreAggregates: undo after add restores the state, merge is associative with initial() as identity.

import { describe, expect, it } from 'vitest';
import type { SqlType, Value } from '../../../src/common/index.js';
import { moreAggregates, type AggregateImplementation } from '../../../src/functions/index.js';
import { T } from './call-function.js';

interface Case {
  readonly types: readonly SqlType[];
  readonly literals?: readonly (Value | undefined)[];
  /** Argument rows to build states from. */
  readonly rows: readonly (readonly Value[])[];
  /** Floating-point states compare approximately. */
  readonly approximate?: boolean;
}

const ints = (...v: Value[]): Value[][] => v.map((x) => [x]);
const CASES: Readonly<Record<string, Case>> = {
  COLLECT_LIST: { types: [T.INT], rows: ints(1, 2, null, 2, 3, 1) },
  COLLECT_SET: { types: [T.STRING], rows: ints('a', 'b', 'a', null, 'c') },
  CORRELATION: { types: [T.DOUBLE, T.DOUBLE], rows: [[1, 2], [2, 3.5], [null, 1], [4, 1], [0.5, 8]], approximate: true },
  STDDEV_SAMP: { types: [T.INT], rows: ints(3, 9, null, 1, 4, 4), approximate: true },
  STDDEV_SAMPLE: { types: [T.DOUBLE], rows: ints(0.5, 2.25, 100, -3, null), approximate: true },
  COUNT_DISTINCT: { types: [T.STRING], rows: ints('a', 'b', 'a', 'c', null, 'd') },
  EARLIEST_BY_OFFSET: { types: [T.INT, T.INT, T.BOOLEAN], literals: [undefined, 2, false], rows: ints(1, null, 2, 3) },
  LATEST_BY_OFFSET: { types: [T.INT, T.INT], literals: [undefined, 2], rows: ints(1, null, 2, 3) },
  HISTOGRAM: { types: [T.STRING], rows: ints('a', 'b', 'a', null, 'c') },
  TOPK: { types: [T.INT, T.INT], literals: [undefined, 3], rows: ints(5, 1, 9, 5, 7, null) },
  TOPKDISTINCT: { types: [T.DOUBLE, T.INT], literals: [undefined, 2], rows: ints(5, 1, 9, 9, 7) },
  ATTR: { types: [T.STRING], rows: ints('x', 'x', 'y', null) },
  SUM_LIST: { types: [T.array(T.BIGINT)], rows: [[[1n, 2n]], [null], [[3n, null]], [[-10n]]] },
};

/** The state as stored: compared as JSON, with numbers rounded when the aggregate is floating-point. */
function stored(impl: AggregateImplementation, s: unknown, approximate: boolean): unknown {
  const json = JSON.stringify(impl.serialize(s));
  return approximate ? JSON.parse(json, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)) : JSON.parse(json);
}

describe('aggregate laws', () => {
  it('every aggregate has a law case', () => {
    expect(Object.keys(CASES).sort()).toEqual(moreAggregates.map((f) => f.name).sort());
  });

  for (const fn of moreAggregates) {
    const c = CASES[fn.name];
    if (c === undefined) continue;
    const impl = fn.create(c.types, c.literals ?? []);
    const approx = c.approximate === true;
    /** States built from prefixes of the rows (the empty state included). */
    const states = c.rows.map((_, n) => c.rows.slice(0, n).reduce((s, row) => impl.add(s, row), impl.initial()));
    const same = (a: unknown, b: unknown): void => expect(stored(impl, a, approx)).toEqual(stored(impl, b, approx));

    if (impl.undo !== undefined) {
      const undo = impl.undo;
      it(`${fn.name}: undo after add restores the state`, () => {
        for (const s of states) for (const row of c.rows) same(undo(impl.add(s, row), row), s);
      });
    }

    if (impl.merge !== undefined) {
      const merge = impl.merge;
      it(`${fn.name}: merge is associative, with initial() as identity`, () => {
        for (const a of states) {
          same(merge(impl.initial(), a), a);
          same(merge(a, impl.initial()), a);
          for (const b of states) for (const x of states) same(merge(merge(a, b), x), merge(a, merge(b, x)));
        }
      });
    }

    it(`${fn.name}: the state survives serialize → JSON → deserialize`, () => {
      for (const s of states) {
        const back = impl.deserialize(JSON.parse(JSON.stringify(impl.serialize(s))));
        expect(impl.result(back)).toEqual(impl.result(s));
      }
    });
  }
});
