// Unit tests for CatalogStore: sources and queries round-trip through SQLite, named sequences count up, and the catalog read is kept until something changes it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueryDefinition, SourceDefinition } from '../../../src/catalog/index.js';
import { CatalogStore, openDataDirectory } from '../../../src/state/index.js';

const orders: SourceDefinition = {
  name: 'ORDERS',
  kind: 'STREAM',
  topic: 'orders',
  schema: {
    columns: [
      { name: 'ID', type: { kind: 'STRING' }, namespace: 'key' },
      { name: 'AMOUNT', type: { kind: 'DECIMAL', precision: 10, scale: 2 }, namespace: 'value' },
      { name: 'TAGS', type: { kind: 'ARRAY', element: { kind: 'STRING' } }, namespace: 'value' },
    ],
  },
  formats: { keyFormat: 'KAFKA', valueFormat: 'JSON', wrapSingleValue: true },
  timestampColumn: null,
  readOnly: false,
  writtenBy: null,
  sql: "CREATE STREAM orders (id STRING KEY, amount DECIMAL(10,2), tags ARRAY<STRING>) WITH (kafka_topic='orders', value_format='JSON', partitions=2)",
};

const big: SourceDefinition = { ...orders, name: 'BIG', topic: 'BIG', writtenBy: 'CSAS_BIG_1', sql: 'CREATE STREAM big AS SELECT * FROM orders' };

const query: QueryDefinition = {
  id: 'CSAS_BIG_1',
  kind: 'CSAS',
  sink: 'BIG',
  sources: ['ORDERS'],
  sql: big.sql,
  plan: { formatVersion: 1, queryId: 'CSAS_BIG_1', root: { kind: 'PhysicalSource', nested: [1, 'two', null] } },
  state: 'RUNNING',
  properties: { 'max.poll.records': '100', 'auto.offset.reset': 'earliest' },
  createdAt: 1700000000000,
};

describe('CatalogStore (in memory)', () => {
  let db: Database.Database;
  let store: CatalogStore;

  beforeEach(() => {
    db = openDataDirectory(':memory:');
    store = new CatalogStore(db);
  });

  afterEach(() => {
    db.close();
  });

  it('starts empty', () => {
    const catalog = store.load();
    expect(catalog.sources.size).toBe(0);
    expect(catalog.queries.size).toBe(0);
  });

  it('round-trips sources and queries, keyed by name and id', () => {
    store.putSource(orders);
    store.putSource(big);
    store.putQuery(query);
    const catalog = store.load();
    expect([...catalog.sources.keys()]).toEqual(['BIG', 'ORDERS']);
    expect(catalog.sources.get('ORDERS')).toEqual(orders);
    expect(catalog.sources.get('BIG')).toEqual(big);
    expect([...catalog.queries.values()]).toEqual([query]);
  });

  it('replaces a definition with the same name, and deletes', () => {
    store.putSource(orders);
    store.putSource({ ...orders, readOnly: true });
    expect(store.load().sources.get('ORDERS')?.readOnly).toBe(true);
    store.putQuery(query);
    store.putQuery({ ...query, state: 'PAUSED' });
    expect(store.load().queries.get('CSAS_BIG_1')?.state).toBe('PAUSED');
    store.deleteSource('ORDERS');
    store.deleteQuery('CSAS_BIG_1');
    store.deleteSource('NOT_THERE');
    const catalog = store.load();
    expect([...catalog.sources.keys()]).toEqual([]);
    expect(catalog.queries.size).toBe(0);
  });

  it('nextNumber counts each named sequence up from 1', () => {
    expect([store.nextNumber('query'), store.nextNumber('query'), store.nextNumber('query')]).toEqual([1, 2, 3]);
    expect(store.nextNumber('other')).toBe(1);
    expect(store.nextNumber('query')).toBe(4);
  });

  it('transaction commits together or not at all', () => {
    store.transaction(() => {
      store.putSource(orders);
      store.nextNumber('query');
    });
    expect(() =>
      store.transaction(() => {
        store.putSource(big);
        store.nextNumber('query');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect([...store.load().sources.keys()]).toEqual(['ORDERS']);
    expect(store.nextNumber('query')).toBe(2);
    expect(store.transaction(() => 42)).toBe(42);
  });

  it('keeps the catalog it read until its own write changes it, and keeps none read inside a transaction that rolls back', () => {
    store.putSource(orders);
    const first = store.load();
    expect(store.load()).toBe(first);
    store.putQuery(query);
    const second = store.load();
    expect(second).not.toBe(first);
    expect([...second.queries.keys()]).toEqual(['CSAS_BIG_1']);
    expect(() =>
      store.transaction(() => {
        store.putSource(big);
        expect([...store.load().sources.keys()]).toEqual(['BIG', 'ORDERS']);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect([...store.load().sources.keys()]).toEqual(['ORDERS']);
    store.clear();
    expect(store.load().sources.size).toBe(0);
  });

  it('a write through another CatalogStore on the same connection (a replica applying its command log) replaces the kept catalog', () => {
    const replica = new CatalogStore(db);
    store.putSource(orders);
    const kept = store.load();
    expect(store.load()).toBe(kept);
    replica.putSource(big);
    expect([...store.load().sources.keys()]).toEqual(['BIG', 'ORDERS']);
    replica.deleteSource('ORDERS');
    expect([...store.load().sources.keys()]).toEqual(['BIG']);
  });
});

describe('CatalogStore (on disk)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eddy-catalog-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the catalog and the sequences across reopening the data directory', () => {
    const first = openDataDirectory(dir);
    const store = new CatalogStore(first);
    store.putSource(orders);
    store.putQuery(query);
    expect(store.nextNumber('query')).toBe(1);
    first.close();

    const second = openDataDirectory(dir);
    const reopened = new CatalogStore(second);
    expect(reopened.load().sources.get('ORDERS')).toEqual(orders);
    expect(reopened.load().queries.get('CSAS_BIG_1')).toEqual(query);
    expect(reopened.nextNumber('query')).toBe(2);
    second.close();
  });

  it('two connections see each other’s committed writes', () => {
    const one = openDataDirectory(dir);
    const two = openDataDirectory(dir);
    const storeOne = new CatalogStore(one);
    const storeTwo = new CatalogStore(two);
    storeOne.putSource(orders);
    expect(storeTwo.load().sources.has('ORDERS')).toBe(true);
    // Another connection's commit replaces the catalog this one keeps.
    const kept = storeTwo.load();
    expect(storeTwo.load()).toBe(kept);
    storeOne.putSource(big);
    expect([...storeTwo.load().sources.keys()]).toEqual(['BIG', 'ORDERS']);
    storeOne.deleteSource('BIG');
    expect([...storeTwo.load().sources.keys()]).toEqual(['ORDERS']);
    expect(storeOne.transaction(() => storeOne.nextNumber('q'))).toBe(1);
    expect(storeTwo.transaction(() => storeTwo.nextNumber('q'))).toBe(2);
    expect(storeOne.transaction(() => storeOne.nextNumber('q'))).toBe(3);
    one.close();
    two.close();
  });
});
