// Unit tests for a GROUP BY's cached group states: a rolled-back batch leaves neither the store nor the cache changed; evicted groups are read back.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type Schema } from '../../../src/common/index.js';
import { AggregateOperator, buildPipeline, newCounters, WindowAggregateOperator, type SourceRecord } from '../../../src/exec/index.js';
import { formatCodecs } from '../../../src/io/index.js';
import { PHYSICAL_PLAN_FORMAT_VERSION, type PhysicalAggregate, type PhysicalPlan } from '../../../src/plan/index.js';
import { openDataDirectory, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource, PSEUDO_COLUMNS } from './plan-fixtures.js';

const input: Schema = {
  columns: [
    { name: 'ITEM', type: SqlTypes.STRING, namespace: 'value' },
    ...PSEUDO_COLUMNS,
  ],
};

/** SELECT item, COUNT(*) FROM orders GROUP BY item, as a transient pipeline over real SQLite state. */
const plan: PhysicalPlan = {
  formatVersion: PHYSICAL_PLAN_FORMAT_VERSION,
  queryId: 'CTAS_COUNTS_1',
  mode: 'persistent',
  root: {
    kind: 'PhysicalAggregate',
    input: jsonSource('orders', input),
    groupBy: [{ kind: 'ColumnRef', type: SqlTypes.STRING, index: 0, name: 'ITEM' }],
    aggregates: [{ name: 'COUNT', args: [], argTypes: [], type: SqlTypes.BIGINT }],
    window: null,
    emit: 'CHANGES',
    tableInput: false,
    schema: {
      columns: [
        { name: 'ITEM', type: SqlTypes.STRING, namespace: 'key' },
        { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
      ],
    },
    partitionColumn: 2,
    offsetColumn: 3,
    topic: 'orders',
  },
  limit: null,
};

function records(from: number, items: readonly string[]): SourceRecord[] {
  return items.map((item, i) => ({ topic: 'orders', partition: 0, offset: from + i, timestamp: 1000 + from + i, key: null, value: Buffer.from(JSON.stringify({ item })) }));
}

describe('GROUP BY over a stream', () => {
  it('counts a batch replayed after its transaction rolled back once, not twice', () => {
    const db = openDataDirectory(':memory:');
    const out: Change[] = [];
    const ctx = { queryId: plan.queryId, state: new SqliteStateStore(db, plan.queryId), processingLog: { log: () => undefined }, counters: newCounters() };
    const pipeline = buildPipeline(plan, { codecs: formatCodecs, ctx, output: (batch) => out.push(...batch) });
    const counts = () => out.map((c) => `${c.row[0] as string}=${(c.row[1] as bigint).toString()}`);

    db.transaction(() => pipeline.process('orders', records(0, ['pen', 'ink'])))();
    // The next batch fails to commit: SQLite undoes its state writes, and the pipeline is told.
    expect(() =>
      db.transaction(() => {
        pipeline.process('orders', records(2, ['pen']));
        throw new Error('commit failed');
      })(),
    ).toThrow('commit failed');
    pipeline.rollback();
    db.transaction(() => pipeline.process('orders', records(2, ['pen', 'pen'])))();
    expect(counts()).toEqual(['pen=1', 'ink=1', 'pen=2', 'pen=2', 'pen=3']);
    const stored = db.prepare<[], { key: string; value: string }>("SELECT key, value FROM state_kv WHERE query_id = 'CTAS_COUNTS_1' AND store = 'aggregate' ORDER BY key").all();
    expect(stored.map((r) => [r.key, (JSON.parse(r.value) as unknown[])[1]])).toEqual([
      ['["ink"]', 1],
      ['["pen"]', 3],
    ]);
    db.close();
  });
});

describe('GROUP BY with more groups than its cache holds', () => {
  /** Runs seeded batches (every 7th rolled back once, then retried) through an operator with this cache bound. */
  function runWith(cachedGroups: number | undefined): { out: string[]; stored: [string, string][] } {
    const db = openDataDirectory(':memory:');
    const node = plan.root as PhysicalAggregate;
    const op = cachedGroups === undefined ? new AggregateOperator(node) : new AggregateOperator(node, cachedGroups);
    const ctx = { queryId: plan.queryId, state: new SqliteStateStore(db, plan.queryId), processingLog: { log: () => undefined }, counters: newCounters() };
    const out: string[] = [];
    let seed = 7;
    let offset = 0;
    for (let b = 0; b < 40; b++) {
      const batch: Change[] = [];
      for (let i = 0; i < 15; i++) {
        seed = (seed * 48271) % 2147483647;
        // A few hot items and many cold ones.
        const item = seed % 3 === 0 ? `hot${seed % 2}` : `cold${seed % 40}`;
        batch.push({ op: 'insert', row: [item, BigInt(offset), 0, BigInt(offset)], timestamp: 1000 + offset++ });
      }
      if (b % 7 === 3) {
        expect(() =>
          db.transaction(() => {
            op.onChanges(batch, ctx, () => undefined);
            throw new Error('commit failed');
          })(),
        ).toThrow('commit failed');
        op.onRollback();
      }
      db.transaction(() => op.onChanges(batch, ctx, (changes) => out.push(...changes.map((c) => `${c.row[0] as string}=${(c.row[1] as bigint).toString()}`))))();
    }
    const stored = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM state_kv ORDER BY key').all().map((r): [string, string] => [r.key, r.value]);
    db.close();
    return { out, stored };
  }

  it('emits and stores what an operator that caches every group does, reading evicted groups back from the store', () => {
    const everything = runWith(undefined);
    expect(everything.stored.length).toBeGreaterThan(30);
    for (const bound of [1, 4, 25]) expect(runWith(bound)).toEqual(everything);
  });
});

describe('a tumbling window GROUP BY, EMIT CHANGES', () => {
  /** SELECT item, COUNT(*), SUM(qty) … WINDOW TUMBLING (SIZE 10 ms) GROUP BY item EMIT CHANGES. */
  const windowed: PhysicalAggregate = {
    kind: 'PhysicalAggregate',
    input: jsonSource('orders', { columns: [{ name: 'ITEM', type: SqlTypes.STRING, namespace: 'value' }, { name: 'QTY', type: SqlTypes.BIGINT, namespace: 'value' }, ...PSEUDO_COLUMNS] }),
    groupBy: [{ kind: 'ColumnRef', type: SqlTypes.STRING, index: 0, name: 'ITEM' }],
    aggregates: [
      { name: 'COUNT', args: [], argTypes: [], type: SqlTypes.BIGINT },
      { name: 'SUM', args: [{ kind: 'ColumnRef', type: SqlTypes.BIGINT, index: 1, name: 'QTY' }], argTypes: [SqlTypes.BIGINT], type: SqlTypes.BIGINT },
    ],
    window: { kind: 'TUMBLING', sizeMs: 10, advanceMs: null, graceMs: 1000, retentionMs: 86_400_000 },
    emit: 'CHANGES',
    tableInput: false,
    schema: {
      columns: [
        { name: 'ITEM', type: SqlTypes.STRING, namespace: 'key' },
        { name: 'WINDOWSTART', type: SqlTypes.BIGINT, namespace: 'value' },
        { name: 'WINDOWEND', type: SqlTypes.BIGINT, namespace: 'value' },
        { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
        { name: 'Q', type: SqlTypes.BIGINT, namespace: 'value' },
      ],
    },
    partitionColumn: 3,
    offsetColumn: 4,
    topic: 'orders',
  };
  const text = (row: readonly unknown[] | null | undefined) => (row ? `${row[0] as string}@${String(row[1])}:${String(row[3])}/${String(row[4])}` : '-');

  it("gives each update of a window the state before it (a batch's own updates included), across a rolled-back batch and a restart", () => {
    const db = openDataDirectory(':memory:');
    const ctx = { queryId: 'CTAS_W_1', state: new SqliteStateStore(db, 'CTAS_W_1'), processingLog: { log: () => undefined }, counters: newCounters() };
    const out: string[] = [];
    let op = new WindowAggregateOperator(windowed);
    let offset = 0;
    const batch = (rows: readonly [string, number, number][]): Change[] =>
      rows.map(([item, qty, t]) => ({ op: 'insert', row: [item, BigInt(qty), BigInt(t), 0, BigInt(offset++)], timestamp: t }));
    const run = (changes: Change[]) => db.transaction(() => op.onChanges(changes, ctx, (cs) => out.push(...cs.map((c) => `${text(c.before)} > ${text(c.row)}`))))();

    run(batch([['pen', 1, 1000], ['pen', 2, 1001], ['ink', 5, 1002]]));
    expect(() =>
      db.transaction(() => {
        op.onChanges(batch([['pen', 100, 1003], ['ink', 100, 1011]]), ctx, () => undefined);
        throw new Error('commit failed');
      })(),
    ).toThrow('commit failed');
    op.onRollback();
    run(batch([['pen', 3, 1003], ['pen', 4, 1012], ['pen', 5, 1004]]));
    // A restart: a new operator over the same store, nothing cached.
    op = new WindowAggregateOperator(windowed);
    run(batch([['ink', 6, 1005], ['pen', 7, 1013]]));
    expect(out).toEqual([
      '- > pen@1000:1/1',
      'pen@1000:1/1 > pen@1000:2/3',
      '- > ink@1000:1/5',
      'pen@1000:2/3 > pen@1000:3/6',
      '- > pen@1010:1/4',
      'pen@1000:3/6 > pen@1000:4/11',
      'ink@1000:1/5 > ink@1000:2/11',
      'pen@1010:1/4 > pen@1010:2/11',
    ]);
    db.close();
  });
});
