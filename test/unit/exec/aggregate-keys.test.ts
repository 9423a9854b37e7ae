// Unit tests for a GROUP BY's key values in its rows: the same whether remembered from the record or parsed from the group's text.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type SqlType, type Value } from '../../../src/common/index.js';
import { AggregateOperator, newCounters } from '../../../src/exec/index.js';
import type { PhysicalAggregate } from '../../../src/plan/index.js';
import { openDataDirectory, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource } from './plan-fixtures.js';

function node(type: SqlType): PhysicalAggregate {
  return {
    kind: 'PhysicalAggregate',
    input: jsonSource('s', { columns: [{ name: 'K', type, namespace: 'value' }] }),
    groupBy: [{ kind: 'ColumnRef', type, index: 0, name: 'K' }],
    aggregates: [{ name: 'COUNT', args: [], argTypes: [], type: SqlTypes.BIGINT }],
    window: null,
    emit: 'CHANGES',
    tableInput: false,
    schema: {
      columns: [
        { name: 'K', type, namespace: 'key' },
        { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
      ],
    },
    partitionColumn: 1,
    offsetColumn: 2,
    topic: 's',
  };
}

/** The key value of each emitted row, for records with these key values (each its own batch, so later rows parse the stored text). */
function emittedKeys(type: SqlType, values: readonly Value[]): Value[] {
  const db = openDataDirectory(':memory:');
  const op = new AggregateOperator(node(type));
  const ctx = { queryId: 'Q', state: new SqliteStateStore(db, 'Q'), processingLog: { log: () => undefined }, counters: newCounters() };
  const keys: Value[] = [];
  values.forEach((v, i) => {
    const change: Change = { op: 'insert', row: [v, 0, BigInt(i)], timestamp: i };
    op.onChanges([change], ctx, (out) => keys.push(...out.map((c) => c.row[0] ?? null)));
  });
  db.close();
  return keys;
}

describe('GROUP BY key values in emitted rows', () => {
  it('are the values the group key text stands for', () => {
    expect(emittedKeys(SqlTypes.BIGINT, [5n, 9007199254740993n, -1n])).toEqual([5n, 9007199254740993n, -1n]);
    expect(emittedKeys(SqlTypes.STRING, ['a', '\ud800', '', 'é'])).toEqual(['a', '\ud800', '', 'é']);
    expect(emittedKeys(SqlTypes.BOOLEAN, [true, false])).toEqual([true, false]);
    expect(emittedKeys(SqlTypes.INT, [3, -7])).toEqual([3, -7]);
    // JSON writes -0 as 0: a group first seen as -0 is the group 0, whose rows say 0, as when parsed.
    const doubles = emittedKeys(SqlTypes.DOUBLE, [-0, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 0]);
    expect(doubles.map((v) => Object.is(v, -0))).toEqual([false, false, false, false, false]);
    expect(doubles).toEqual([0, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 0]);
  });
});
