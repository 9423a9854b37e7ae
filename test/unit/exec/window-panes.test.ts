// Unit tests for hopping EMIT FINAL windows aggregated by panes: the same output as window by window, across restarts and rollbacks.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type Row, type Schema } from '../../../src/common/index.js';
import { newCounters, WindowAggregateOperator, type OperatorContext, type ProcessingLogEntry } from '../../../src/exec/index.js';
import type { PhysicalAggregate, PhysicalPlan } from '../../../src/plan/index.js';
import { openDataDirectory, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource, PSEUDO_COLUMNS } from './plan-fixtures.js';
import { seededRandom } from '../seeded-random.js';

const input: Schema = {
  columns: [
    { name: 'ITEM', type: SqlTypes.STRING, namespace: 'value' },
    { name: 'PRICE', type: SqlTypes.BIGINT, namespace: 'value' },
    ...PSEUDO_COLUMNS,
  ],
};

/** SELECT item, COUNT(*), SUM(price), MAX(price) … WINDOW HOPPING (SIZE 10, ADVANCE BY 4, GRACE 3) GROUP BY item EMIT FINAL. */
function aggregateNode(sizeMs: number, advanceMs: number, graceMs: number): PhysicalAggregate {
  const price = { kind: 'ColumnRef', type: SqlTypes.BIGINT, index: 1, name: 'PRICE' } as const;
  return {
    kind: 'PhysicalAggregate',
    input: jsonSource('orders', input),
    groupBy: [{ kind: 'ColumnRef', type: SqlTypes.STRING, index: 0, name: 'ITEM' }],
    aggregates: [
      { name: 'COUNT', args: [], argTypes: [], type: SqlTypes.BIGINT },
      { name: 'SUM', args: [price], argTypes: [SqlTypes.BIGINT], type: SqlTypes.BIGINT },
      { name: 'MAX', args: [price], argTypes: [SqlTypes.BIGINT], type: SqlTypes.BIGINT },
    ],
    window: { kind: 'HOPPING', sizeMs, advanceMs, graceMs, retentionMs: null },
    emit: 'FINAL',
    tableInput: false,
    schema: { columns: [] },
    partitionColumn: 3,
    offsetColumn: 4,
    topic: 'orders',
  } as unknown as PhysicalAggregate;
}

/** Batches of out-of-order changes over two partitions (partition 1 starts late, behind partition 0). */
function batches(seed: number): Change[][] {
  const next = seededRandom(seed);
  const out: Change[][] = [];
  const time = [0, 0];
  let offset = 0;
  for (let b = 0; b < 40; b++) {
    const batch: Change[] = [];
    const n = 1 + Math.floor(next() * 8);
    for (let i = 0; i < n; i++) {
      const partition = b < 8 ? 0 : next() < 0.5 ? 0 : 1;
      time[partition] = (time[partition] ?? 0) + Math.floor(next() * 4);
      // Some records are out of order: within grace, partly late or wholly late.
      const t = Math.max(0, (time[partition] ?? 0) - (next() < 0.25 ? Math.floor(next() * 16) : 0));
      const row: Row = [`i${Math.floor(next() * 3)}`, BigInt(Math.floor(next() * 100)), BigInt(t), partition, BigInt(offset++)];
      batch.push({ op: 'insert', row, before: null, timestamp: t });
    }
    out.push(batch);
  }
  return out;
}

interface Run {
  readonly rows: string[];
  readonly logged: string[];
  readonly late: number;
}

/** Runs the batches through a window aggregation over real SQLite state; `restartAt` starts a new operator from the stored state there, `failAt` rolls a batch back once. */
function run(node: PhysicalAggregate, panes: boolean, all: Change[][], options: { restartAt?: number; failAt?: number; upgradeAt?: number } = {}): Run {
  const db = openDataDirectory(':memory:');
  const logged: string[] = [];
  const ctx: OperatorContext = { queryId: 'Q', state: new SqliteStateStore(db, 'Q'), processingLog: { log: (e: ProcessingLogEntry) => logged.push(e.message) }, counters: newCounters() };
  const rows: string[] = [];
  let batchIndex = 0;
  // Each row with the batch that emitted it: a window must close in the same batch both ways.
  const emit = (batch: readonly Change[]): void => {
    for (const c of batch) rows.push(`batch ${batchIndex}: ${JSON.stringify(c.row, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))} @${c.timestamp}`);
  };
  // `upgradeAt`: a build without panes ran the query up to there, over the same stored state.
  let op = new WindowAggregateOperator(node, { panes: options.upgradeAt === undefined ? panes : false });
  all.forEach((batch, i) => {
    batchIndex = i;
    if (i === options.restartAt || i === options.upgradeAt) op = new WindowAggregateOperator(node, { panes });
    if (i === options.failAt) {
      const before = { rows: rows.length, logged: logged.length, late: ctx.counters.late };
      expect(() =>
        db.transaction(() => {
          op.onChanges(batch, ctx, emit);
          throw new Error('commit failed');
        })(),
      ).toThrow('commit failed');
      op.onRollback();
      rows.length = before.rows;
      logged.length = before.logged;
      ctx.counters.late = before.late;
    }
    db.transaction(() => op.onChanges(batch, ctx, emit))();
  });
  return { rows, logged, late: ctx.counters.late };
}

describe('hopping EMIT FINAL windows by panes', () => {
  for (const [size, advance, grace] of [
    [10, 4, 3],
    [10, 2, 0],
    [12, 8, 5],
  ] as const) {
    it(`emits what window-by-window aggregation emits (SIZE ${size}, ADVANCE ${advance}, GRACE ${grace})`, () => {
      const node = aggregateNode(size, advance, grace);
      for (let seed = 1; seed <= 25; seed++) {
        const all = batches(seed);
        const expected = run(node, false, all);
        expect(expected.rows.length).toBeGreaterThan(0);
        expect(run(node, true, all), `seed ${seed}`).toEqual(expected);
        expect(run(node, true, all, { restartAt: 5 + (seed % 20) }), `seed ${seed}, restarted`).toEqual(expected);
        expect(run(node, true, all, { failAt: 3 + (seed % 30) }), `seed ${seed}, a batch rolled back`).toEqual(expected);
        expect(run(node, true, all, { upgradeAt: 5 + (seed % 20) }), `seed ${seed}, state written window by window, then by panes`).toEqual(expected);
        // The window-by-window path, restarted or rolled back, agrees with itself too (its scans for closing windows are skipped off the grid).
        expect(run(node, false, all, { restartAt: 5 + (seed % 20) }), `seed ${seed}, window by window, restarted`).toEqual(expected);
        expect(run(node, false, all, { failAt: 3 + (seed % 30) }), `seed ${seed}, window by window, a batch rolled back`).toEqual(expected);
      }
    });
  }

  it('counts and logs records too late for some of their windows', () => {
    const node = aggregateNode(10, 4, 3);
    const all = batches(7);
    const paned = run(node, true, all);
    expect(paned.late).toBeGreaterThan(0);
    expect(paned.logged.some((m) => m.startsWith('late record dropped: event time'))).toBe(true);
  });

  it('does not pane windows whose aggregates do not merge exactly', () => {
    const plan: Pick<PhysicalPlan, 'root'> = { root: { ...aggregateNode(10, 4, 0), aggregates: [{ name: 'SUM', args: [{ kind: 'ColumnRef', type: SqlTypes.DOUBLE, index: 1, name: 'PRICE' }], argTypes: [SqlTypes.DOUBLE], type: SqlTypes.DOUBLE }] } };
    const db = openDataDirectory(':memory:');
    const ctx: OperatorContext = { queryId: 'Q', state: new SqliteStateStore(db, 'Q'), processingLog: { log: () => undefined }, counters: newCounters() };
    const op = new WindowAggregateOperator(plan.root as PhysicalAggregate);
    db.transaction(() => op.onChanges([{ op: 'insert', row: ['a', 1.5, 5n, 0, 0n], before: null, timestamp: 5 }], ctx, () => undefined))();
    const stores = db.prepare<[], { store: string }>("SELECT DISTINCT store FROM eddy_state_windows WHERE query_id = 'Q'").all();
    expect(stores).toEqual([{ store: 'aggregate' }]);
  });
});
