// Unit tests for the SQLite side of tables: materialized tables (typed columns, keys, windows, scans) and window stores.

import { describe, expect, it } from 'vitest';
import { Decimal, SqlTypes, type Schema } from '../../../src/common/index.js';
import { createMaterializedTable, dropMaterializedTable, dumpMaterializedTable, materializedNameProblem, openDataDirectory, SqliteMaterializedTable, SqliteStateStore } from '../../../src/state/index.js';

const schema: Schema = {
  columns: [
    { name: 'ID', type: SqlTypes.BIGINT, namespace: 'key' },
    { name: 'NAME', type: SqlTypes.STRING, namespace: 'value' },
    { name: 'PRICE', type: { kind: 'DECIMAL', precision: 8, scale: 2 }, namespace: 'value' },
    { name: 'OK', type: SqlTypes.BOOLEAN, namespace: 'value' },
  ],
};

describe('materialized tables', () => {
  it('are real SQLite tables with typed columns and a primary key, readable by plain SQL', () => {
    const db = openDataDirectory(':memory:');
    createMaterializedTable(db, { name: 'Items', schema, window: null });
    const table = new SqliteMaterializedTable(db, { name: 'Items', schema, window: null });
    table.upsert([9007199254740993n, 'pen', Decimal.parse('1.50'), true], 1000, undefined);
    table.upsert([2n, 'ink', null, false], 2000, undefined);
    table.upsert([9007199254740993n, 'pen', Decimal.parse('2.50'), true], 3000, undefined);
    expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get('Items')).toBe(
      'CREATE TABLE "Items" ("ID" INTEGER NOT NULL, "NAME" TEXT, "PRICE" TEXT, "OK" BOOLEAN, ROWTIME INTEGER NOT NULL, PRIMARY KEY ("ID"))',
    );
    expect(dumpMaterializedTable(db, 'Items')?.rows).toEqual([
      [2n, 'ink', null, 0n, 2000n],
      [9007199254740993n, 'pen', '2.50', 1n, 3000n],
    ]);
    const rows = [...table.scan([{ column: 'ID', op: '=', value: 9007199254740993n }])];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).toEqual([9007199254740993n, 'pen', Decimal.parse('2.50'), true]);
    expect(rows[0]?.rowtime).toBe(3000);
    // A read by key gives the same row (BIGINT beyond 2^53 exact); a key without a row gives nothing.
    expect(table.get([9007199254740993n])).toEqual(rows[0]);
    expect(table.get([9007199254740992n])).toBeUndefined();
    table.delete([2n, null, null, null], undefined);
    expect(table.get([2n])).toBeUndefined();
    expect([...table.scan([])].map((r) => r.row[0])).toEqual([9007199254740993n]);
    dropMaterializedTable(db, 'Items');
    expect(dumpMaterializedTable(db, 'Items')).toBeNull();
  });

  it('read by a key of several columns', () => {
    const db = openDataDirectory(':memory:');
    const pairs: Schema = {
      columns: [
        { name: 'A', type: SqlTypes.BIGINT, namespace: 'key' },
        { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
        { name: 'B', type: SqlTypes.INT, namespace: 'key' },
      ],
    };
    createMaterializedTable(db, { name: 'PAIRS', schema: pairs, window: null });
    const table = new SqliteMaterializedTable(db, { name: 'PAIRS', schema: pairs, window: null });
    table.upsert([1n, 10n, 2], 1000, undefined);
    table.upsert([2n, 20n, 1], 2000, undefined);
    expect(table.get([1n, 2])).toEqual({ row: [1n, 10n, 2], rowtime: 1000, window: null });
    expect(table.get([2n, 1])?.row).toEqual([2n, 20n, 1]);
    expect(table.get([1n, 1])).toBeUndefined();
  });

  it('key windowed tables by (key, WINDOWSTART, WINDOWEND) and scan window bounds', () => {
    const db = openDataDirectory(':memory:');
    const spec = { name: 'W', schema: { columns: [schema.columns[0], schema.columns[1]].filter((c) => c !== undefined) }, window: 'TUMBLING' as const };
    createMaterializedTable(db, spec);
    const table = new SqliteMaterializedTable(db, spec);
    table.upsert([1n, 'a'], 5, { start: 0, end: 10 });
    table.upsert([1n, 'b'], 15, { start: 10, end: 20 });
    table.upsert([1n, 'c'], 16, { start: 10, end: 20 });
    expect([...table.scan([{ column: 'WINDOWSTART', op: '>=', value: 10n }])].map((r) => [r.row[1], r.window])).toEqual([['c', { start: 10, end: 20 }]]);
    table.delete([1n, null], { start: 0, end: 10 });
    expect([...table.scan([])]).toHaveLength(1);
  });

  it('refuse names of Eddy’s own tables, reserved prefixes, and names that differ only in case', () => {
    const db = openDataDirectory(':memory:');
    expect(materializedNameProblem(db, 'STATE_KV')).toMatch(/reserved/);
    expect(materializedNameProblem(db, 'EDDY_X')).toMatch(/reserved/);
    expect(materializedNameProblem(db, 'sqlite_stat1')).toMatch(/reserved/);
    createMaterializedTable(db, { name: 'T', schema, window: null });
    expect(materializedNameProblem(db, 't')).toMatch(/already exists/);
    expect(materializedNameProblem(db, 'U')).toBeNull();
  });
});

describe('window stores', () => {
  it('find sessions by overlap and windows by end, per query and store', () => {
    const db = openDataDirectory(':memory:');
    const store = new SqliteStateStore(db, 'Q1').windows('s');
    const other = new SqliteStateStore(db, 'Q2').windows('s');
    store.put('k', 0, 10, { n: 1 });
    store.put('k', 30, 40, { n: 2 });
    store.put('j', 5, 5, { n: 3 });
    other.put('k', 0, 10, { n: 9 });
    expect(store.get('k', 0, 10)).toEqual({ n: 1 });
    expect(store.overlapping('k', 8, 31).map((e) => e.start)).toEqual([0, 30]);
    expect(store.overlapping('k', 11, 29)).toEqual([]);
    expect(store.endingBy(10).map((e) => `${e.key}@${e.start}`)).toEqual(['j@5', 'k@0']);
    store.delete('k', 0, 10);
    expect(store.get('k', 0, 10)).toBeUndefined();
    expect(other.get('k', 0, 10)).toEqual({ n: 9 });
  });
});
