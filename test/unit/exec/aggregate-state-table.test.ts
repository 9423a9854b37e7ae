// Unit tests for a GROUP BY whose state is its materialized table's rows: rolled-back batches, evicted groups and a cold start read the table back exactly.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type Row, type Schema } from '../../../src/common/index.js';
import { AggregateOperator, newCounters, type MaterializedTableSpec } from '../../../src/exec/index.js';
import type { PhysicalAggregate } from '../../../src/plan/index.js';
import { materializedTableDdl, openDataDirectory, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource, PSEUDO_COLUMNS } from './plan-fixtures.js';

/** The item keys: BIGINTs, or STRINGs (some of them text SQLite cannot keep exactly). */
type KeyKind = 'BIGINT' | 'STRING';

const inputOf = (kind: KeyKind): Schema => ({
  columns: [{ name: 'ITEM', type: SqlTypes[kind], namespace: 'value' }, { name: 'PRICE', type: SqlTypes.BIGINT, namespace: 'value' }, ...PSEUDO_COLUMNS],
});

const tableSchemaOf = (kind: KeyKind): Schema => ({
  columns: [
    { name: 'ITEM', type: SqlTypes[kind], namespace: 'key' },
    { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
    { name: 'TOP', type: SqlTypes.BIGINT, namespace: 'value' },
  ],
});
const specOf = (kind: KeyKind): MaterializedTableSpec => ({ name: 'COUNTS', schema: tableSchemaOf(kind), window: null });

/**
 * Text keys: hot and cold ones, one with an emoji (a surrogate pair: exact), and three whose text does
 * not come back from SQLite as it went in (lone surrogates read back as U+FFFD) or could be such text
 * read back (U+FFFD itself): their states stay in the store.
 */
const TEXT_KEYS = ['x\uD800', 'x\uDC00', 'x\uFFFD', 'caf\u00E9 \uD83D\uDE00'];
const INEXACT_TEXT_KEYS = 3;
const itemOf = (kind: KeyKind, seed: number): bigint | string => {
  const n = seed % 3 === 0 ? BigInt(seed % 2) : BigInt(10 + (seed % 40));
  if (kind === 'BIGINT') return n;
  return seed % 5 === 1 ? (TEXT_KEYS[seed % TEXT_KEYS.length] as string) : `item-${n}`;
};

/** SELECT item, COUNT(*) AS n, MAX(price) AS top FROM orders GROUP BY item: the aggregation, with or without its state in table COUNTS. */
function node(inTable: boolean, kind: KeyKind = 'BIGINT'): PhysicalAggregate {
  const tableSchema = tableSchemaOf(kind);
  return {
    kind: 'PhysicalAggregate',
    input: jsonSource('orders', inputOf(kind)),
    groupBy: [{ kind: 'ColumnRef', type: SqlTypes[kind], index: 0, name: 'ITEM' }],
    aggregates: [
      { name: 'COUNT', args: [], argTypes: [], type: SqlTypes.BIGINT },
      { name: 'MAX', args: [{ kind: 'ColumnRef', type: SqlTypes.BIGINT, index: 1, name: 'PRICE' }], argTypes: [SqlTypes.BIGINT], type: SqlTypes.BIGINT },
    ],
    window: null,
    emit: 'CHANGES',
    tableInput: false,
    schema: { columns: [tableSchema.columns[0]!, { ...tableSchema.columns[1]!, name: 'KSQL_AGG_VARIABLE_0' }, { ...tableSchema.columns[2]!, name: 'KSQL_AGG_VARIABLE_1' }] },
    partitionColumn: 3,
    offsetColumn: 4,
    topic: 'orders',
    ...(inTable ? { stateTable: { tableName: 'COUNTS', tableSchema, resultColumns: [1, 2] } } : {}),
  };
}

interface Run {
  readonly out: string[];
  /** The table as computed from the committed batches alone, without the operator. */
  readonly expected: unknown[][];
  readonly table: unknown[][];
  readonly storeEntries: number;
}

/**
 * Seeded batches over hot and cold items (every 7th rolled back once, then retried), each batch's
 * changes written to the table as the materialize step does; `restartAt`: a new operator (a cold
 * cache) from that batch on, as after a restart.
 */
function runWith(inTable: boolean, cachedGroups: number | undefined, restartAt = -1, kind: KeyKind = 'BIGINT'): Run {
  const spec = specOf(kind);
  const db = openDataDirectory(':memory:');
  db.exec(materializedTableDdl(spec));
  const make = () => (cachedGroups === undefined ? new AggregateOperator(node(inTable, kind)) : new AggregateOperator(node(inTable, kind), cachedGroups));
  let op = make();
  const state = new SqliteStateStore(db, 'CTAS_COUNTS_1');
  const ctx = { queryId: 'CTAS_COUNTS_1', state, processingLog: { log: () => undefined }, counters: newCounters() };
  const out: string[] = [];
  const materialize = (changes: readonly Change[], into: string[] | null) => {
    const table = state.materialized(spec);
    for (const c of changes) {
      table.upsert(c.row, c.timestamp, undefined);
      const v = (row: Row, i: number): string => {
        const x = row[i];
        return typeof x === 'bigint' ? x.toString() : typeof x === 'string' ? JSON.stringify(x) : 'null';
      };
      into?.push(`${v(c.row, 0)}=${v(c.row, 1)}/${v(c.row, 2)}@${c.timestamp} before ${c.before === null || c.before === undefined ? '-' : `${v(c.before, 1)}/${v(c.before, 2)}`}`);
    }
  };
  const model = new Map<bigint | string, [bigint | string, bigint, bigint, number]>();
  let seed = 7;
  let offset = 0;
  for (let b = 0; b < 40; b++) {
    if (b === restartAt) op = make();
    const batch: Change[] = [];
    for (let i = 0; i < 15; i++) {
      seed = (seed * 48271) % 2147483647;
      const item = itemOf(kind, seed);
      // Event times mostly increase, some go back (a group keeps its largest).
      const timestamp = 1000 + offset - (seed % 5 === 0 ? 500 : 0);
      batch.push({ op: 'insert', row: [item, BigInt(seed % 1000), timestamp, 0, BigInt(offset++)], timestamp });
    }
    if (b % 7 === 3) {
      expect(() =>
        db.transaction(() => {
          op.onChanges(batch, ctx, (changes) => materialize(changes, null));
          throw new Error('commit failed');
        })(),
      ).toThrow('commit failed');
      op.onRollback();
    }
    db.transaction(() => op.onChanges(batch, ctx, (changes) => materialize(changes, out)))();
    for (const r of batch) {
      const [item, price, timestamp] = r.row as [bigint | string, bigint, number];
      const g = model.get(item);
      model.set(item, g === undefined ? [item, 1n, price, timestamp] : [item, g[1] + 1n, g[2] > price ? g[2] : price, Math.max(g[3], timestamp)]);
    }
  }
  const expected = [...model.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([item, n, top, t]) => [item, n, top, BigInt(t)]);
  const table = db.prepare('SELECT * FROM COUNTS ORDER BY ITEM').raw(true).safeIntegers(true).all() as unknown[][];
  const storeEntries = (db.prepare("SELECT COUNT(*) AS n FROM state_kv WHERE store = 'aggregate'").get() as { n: number }).n;
  db.close();
  return { out, expected, table, storeEntries };
}

describe('GROUP BY state kept in the materialized table', () => {
  it('emits and materializes what the same aggregation with a store of its own does, writing no store', () => {
    const withStore = runWith(false, undefined);
    expect(withStore.storeEntries).toBeGreaterThan(30);
    expect(withStore.table.length).toBe(withStore.storeEntries);
    expect(withStore.table).toEqual(withStore.expected);
    for (const bound of [undefined, 1, 4, 25]) {
      const inTable = runWith(true, bound);
      expect(inTable.out, `cache bound ${String(bound)}`).toEqual(withStore.out);
      expect(inTable.table).toEqual(inTable.expected);
      expect(inTable.storeEntries).toBe(0);
    }
  });

  it('a new operator (a restarted query: nothing cached) reads every group back from the table', () => {
    const withStore = runWith(false, undefined);
    for (const restartAt of [1, 10, 25]) expect(runWith(true, undefined, restartAt).out, `restart at ${restartAt}`).toEqual(withStore.out);
    // Without reading the table, a restarted query would count from zero: the outputs would differ.
    const restarted = runWith(true, undefined, 10);
    expect(restarted.table).toEqual(restarted.expected);
  });

  it('under text keys: the groups whose text SQLite cannot keep exactly keep their state in the store, the rest in the table', () => {
    const withStore = runWith(false, undefined, -1, 'STRING');
    expect(withStore.out.some((line) => line.startsWith('"x\\ud800"='))).toBe(true);
    for (const [bound, restartAt] of [[4, 10], [undefined, 25], [1, -1], [undefined, -1]] as const) {
      const inTable = runWith(true, bound, restartAt, 'STRING');
      expect(inTable.out, `cache bound ${String(bound)}, restart at ${restartAt}`).toEqual(withStore.out);
      expect(inTable.storeEntries).toBe(INEXACT_TEXT_KEYS);
      expect(inTable.table).toEqual(withStore.table);
    }
  });
});
