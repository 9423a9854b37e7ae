// Unit tests for the state stores' compact layouts (state migration 5, state-windows migration 2): upgrading a directory of the first layouts, store ids, rollbacks.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, dropQueryState, migrate, openDataDirectory, queryMetric, queryStateSize, SqliteStateStore } from '../../../src/state/index.js';
import { STATE_MIGRATIONS } from '../../../src/state/state-migrations.js';
import { WINDOW_STATE_MIGRATIONS } from '../../../src/state/window-state-migrations.js';
import { QUERY_METRICS_MIGRATIONS } from '../../../src/state/query-metrics-migrations.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data directory as a build before the compact layout left it: window state at schema version 1, with entries of two queries. */
function firstLayoutDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-window-layout-'));
  dirs.push(dir);
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  migrate(db, 'state', STATE_MIGRATIONS.slice(0, 4));
  migrate(db, 'state-windows', WINDOW_STATE_MIGRATIONS.slice(0, 1));
  migrate(db, 'query-metrics', QUERY_METRICS_MIGRATIONS);
  const insert = db.prepare('INSERT INTO eddy_state_windows (query_id, store, key, start_ms, end_ms, value) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [q, store, key, start, end, value] of FIRST_LAYOUT_ROWS) insert.run(q, store, key, start, end, value);
  const insertKv = db.prepare('INSERT INTO state_kv (query_id, store, key, value) VALUES (?, ?, ?, ?)');
  for (const [q, store, key, value] of FIRST_LAYOUT_KV) insertKv.run(q, store, key, value);
  db.close();
  return dir;
}

const FIRST_LAYOUT_ROWS: readonly (readonly [string, string, string, number, number, string])[] = [
  ['Q1', 'aggregate', '[1]', 0, 10, '[5,1]'],
  ['Q1', 'aggregate', '[1]', 10, 20, '[15,2]'],
  ['Q1', 'aggregate', '["say \\"hi\\""]', 0, 10, '[7,3]'],
  ['Q1', 'panes', '[1]', 0, 2, '[1,1]'],
  ['Q2', 'aggregate', '[1]', 0, 10, '[9,4]'],
  ['Q2', 'sessions', '[2]', -5, 5, '[3,5]'],
];

const FIRST_LAYOUT_KV: readonly (readonly [string, string, string, string])[] = [
  ['Q1', 'aggregate', '[1]', '[5,1,7]'],
  ['Q1', 'aggregate', '["é\\u2028"]', '[6,2,8]'],
  ['Q1', 'metrics', 'late-records', '3'],
  ['Q1', 'time', 'p0', '100'],
  ['Q2', 'aggregate', '[1]', '[9,4,1]'],
];

const kvView = (db: Database.Database) => db.prepare('SELECT query_id, store, key, value FROM state_kv ORDER BY 1, 2, 3').all();
const kvOrphans = (db: Database.Database) =>
  (db.prepare('SELECT COUNT(*) AS n FROM eddy_kv_entries WHERE store_id NOT IN (SELECT id FROM eddy_kv_stores)').get() as { n: number }).n;

const view = (db: Database.Database) => db.prepare('SELECT query_id, store, key, start_ms, end_ms, value FROM eddy_state_windows ORDER BY 1, 2, 3, 4, 5').all();
const orphans = (db: Database.Database) =>
  (db.prepare('SELECT COUNT(*) AS n FROM eddy_window_entries WHERE store_id NOT IN (SELECT id FROM eddy_window_stores)').get() as { n: number }).n;

describe('state store layouts', () => {
  it('moves a first-layout directory over with every entry, which the stores then read and continue', () => {
    const dir = firstLayoutDirectory();
    const db = openDataDirectory(dir);
    expect(db.prepare("SELECT version FROM schema_versions WHERE component = 'state-windows'").get()).toEqual({ version: 2 });
    expect(db.prepare("SELECT version FROM schema_versions WHERE component = 'state'").get()).toEqual({ version: STATE_MIGRATIONS.length });
    expect(kvView(db)).toEqual(
      FIRST_LAYOUT_KV.map(([query_id, store, key, value]) => ({ query_id, store, key, value })).sort((a, b) =>
        a.query_id !== b.query_id ? (a.query_id < b.query_id ? -1 : 1) : a.store !== b.store ? (a.store < b.store ? -1 : 1) : a.key < b.key ? -1 : 1,
      ),
    );
    // The old name still reads every entry, field for field.
    expect(view(db)).toEqual(
      FIRST_LAYOUT_ROWS.map(([query_id, store, key, start_ms, end_ms, value]) => ({ query_id, store, key, start_ms, end_ms, value })).sort((a, b) =>
        `${a.query_id}/${a.store}/${a.key}/${a.start_ms}`.localeCompare(`${b.query_id}/${b.store}/${b.key}/${b.start_ms}`),
      ),
    );
    const q1 = new SqliteStateStore(db, 'Q1');
    const q2 = new SqliteStateStore(db, 'Q2');
    expect(q1.windows('aggregate').get('[1]', 10, 20)).toEqual([15, 2]);
    expect(q1.windows('aggregate').get('["say \\"hi\\""]', 0, 10)).toEqual([7, 3]);
    expect(q1.windows('panes').get('[1]', 0, 2)).toEqual([1, 1]);
    expect(q2.windows('aggregate').get('[1]', 0, 10)).toEqual([9, 4]);
    expect(q1.keyValue('aggregate').get('[1]')).toEqual([5, 1, 7]);
    expect(q1.keyValue('aggregate').get('["é\\u2028"]')).toEqual([6, 2, 8]);
    expect(q1.keyValue('time').get('p0')).toBe(100);
    expect(q2.keyValue('aggregate').get('[1]')).toEqual([9, 4, 1]);
    expect(q2.keyValue('time').get('p0')).toBeUndefined();
    expect(queryMetric(db, 'Q1', 'late-records')).toBe(3);
    expect(q2.windows('sessions').overlapping('[2]', 0, 0)).toEqual([{ key: '[2]', start: -5, end: 5, value: [3, 5] }]);
    expect(q1.windows('aggregate').endingBy(10).map((e) => e.key)).toEqual(['["say \\"hi\\""]', '[1]']);
    // A store never written reads nothing and registers nothing.
    expect(q1.windows('sessions').endingBy(100)).toEqual([]);
    expect(q1.windows('sessions').get('[2]', -5, 5)).toBeUndefined();
    expect(db.prepare("SELECT COUNT(*) AS n FROM eddy_window_stores WHERE query_id = 'Q1' AND store = 'sessions'").get()).toEqual({ n: 0 });

    // Writes continue in place, each store apart from the others.
    db.transaction(() => {
      q1.windows('aggregate').put('[1]', 10, 20, [16, 3]);
      q1.windows('aggregate').put('[3]', 20, 30, [21, 1]);
      q2.windows('aggregate').deleteEndingBy?.(10);
      q1.keyValue('aggregate').put('[1]', [6, 2, 9]);
      q1.keyValue('aggregate').put('[2]', [1, 1, 1]);
      q2.keyValue('aggregate').delete('[1]');
    })();
    expect(q1.keyValue('aggregate').get('[1]')).toEqual([6, 2, 9]);
    expect(q1.keyValue('aggregate').get('[2]')).toEqual([1, 1, 1]);
    expect(q2.keyValue('aggregate').get('[1]')).toBeUndefined();
    expect(q1.windows('aggregate').get('[1]', 10, 20)).toEqual([16, 3]);
    expect(q1.windows('aggregate').get('[1]', 0, 10)).toEqual([5, 1]);
    expect(q2.windows('aggregate').get('[1]', 0, 10)).toBeUndefined();
    expect(q2.windows('sessions').get('[2]', -5, 5)).toEqual([3, 5]);
    expect(queryStateSize(db, 'Q1').rows).toBe(5 + 5);
    db.close();

    // Reopening migrates nothing again; dropping a query removes its entries and store ids only.
    const again = openDataDirectory(dir);
    dropQueryState(again, 'Q1');
    expect(view(again)).toEqual([{ query_id: 'Q2', store: 'sessions', key: '[2]', start_ms: -5, end_ms: 5, value: '[3,5]' }]);
    expect(again.prepare('SELECT query_id, store FROM eddy_window_stores ORDER BY 1, 2').all()).toEqual([{ query_id: 'Q2', store: 'aggregate' }, { query_id: 'Q2', store: 'sessions' }]);
    expect(orphans(again)).toBe(0);
    expect(kvView(again)).toEqual([]);
    expect(again.prepare('SELECT query_id, store FROM eddy_kv_stores ORDER BY 1, 2').all()).toEqual([{ query_id: 'Q2', store: 'aggregate' }]);
    expect(kvOrphans(again)).toBe(0);
    again.close();
  });

  it('registers a store again after the batch that registered it rolled back', () => {
    const db = openDataDirectory(':memory:');
    const state = new SqliteStateStore(db, 'Q');
    expect(() =>
      db.transaction(() => {
        state.windows('aggregate').put('[1]', 0, 10, [1, 1]);
        throw new Error('batch failed');
      })(),
    ).toThrow('batch failed');
    expect(db.prepare('SELECT COUNT(*) AS n FROM eddy_window_stores').get()).toEqual({ n: 0 });
    // Another query registers first: it must not end up sharing an id with Q's store.
    db.transaction(() => new SqliteStateStore(db, 'OTHER').windows('aggregate').put('[1]', 0, 10, [7, 7]))();
    db.transaction(() => state.windows('aggregate').put('[1]', 0, 10, [2, 2]))();
    expect(view(db)).toEqual([
      { query_id: 'OTHER', store: 'aggregate', key: '[1]', start_ms: 0, end_ms: 10, value: '[7,7]' },
      { query_id: 'Q', store: 'aggregate', key: '[1]', start_ms: 0, end_ms: 10, value: '[2,2]' },
    ]);
    expect(orphans(db)).toBe(0);
    dropQueryState(db, 'Q');
    expect(view(db)).toHaveLength(1);
    db.close();
  });

  it('registers a key-value store again after the batch that registered it rolled back, and reads what another object of it wrote', () => {
    const db = openDataDirectory(':memory:');
    const state = new SqliteStateStore(db, 'Q');
    expect(() =>
      db.transaction(() => {
        state.keyValue('aggregate').put('[1]', [1]);
        throw new Error('batch failed');
      })(),
    ).toThrow('batch failed');
    expect(db.prepare('SELECT COUNT(*) AS n FROM eddy_kv_stores').get()).toEqual({ n: 0 });
    db.transaction(() => new SqliteStateStore(db, 'OTHER').keyValue('aggregate').put('[1]', [7]))();
    db.transaction(() => {
      // Made before the store exists; another object registers it and writes in the same batch.
      const early = state.keyValue('aggregate');
      expect(early.get('[1]')).toBeUndefined();
      state.keyValue('aggregate').put('[1]', [2]);
      expect(early.get('[1]')).toEqual([2]);
      early.delete('[1]');
      early.put('[3]', [3]);
    })();
    expect(kvView(db)).toEqual([
      { query_id: 'OTHER', store: 'aggregate', key: '[1]', value: '[7]' },
      { query_id: 'Q', store: 'aggregate', key: '[3]', value: '[3]' },
    ]);
    expect(kvOrphans(db)).toBe(0);
    db.close();
  });
});
