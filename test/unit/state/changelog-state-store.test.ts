// Unit tests for ChangelogStateStore: the changelog records a batch's state changes become, and state rebuilt from them.

import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Decimal, SqlTypes, type Schema } from '../../../src/common/index.js';
import type { MaterializedTableSpec, SinkRecord, SourceRecord } from '../../../src/exec/index.js';
import { ChangelogStateStore, dumpMaterializedTable, openDataDirectory, SqliteStateRestorer } from '../../../src/state/index.js';

const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));

/** The changelog records as a restoring process reads them back from the topic. */
const asSource = (records: readonly SinkRecord[]): SourceRecord[] =>
  records.map((r, offset) => ({ topic: r.topic, partition: 0, offset, timestamp: r.timestamp, key: r.key, value: r.value }));

const windows = (db: Database.Database) =>
  db.prepare('SELECT query_id, store, key, start_ms, end_ms, value FROM eddy_state_windows ORDER BY store, key, start_ms, end_ms').all();

/** Local state rebuilt from a changelog in a second database, as on another process. */
function restore(records: readonly SinkRecord[], tables: readonly MaterializedTableSpec[]): Database.Database {
  const db = openDataDirectory(':memory:');
  const restorer = new SqliteStateRestorer(db, 'q', tables, () => undefined);
  restorer.reset();
  restorer.apply(asSource(records));
  return db;
}

describe('ChangelogStateStore', () => {
  it('records a tombstone for each window entry a range delete removes, and only those', () => {
    const db = openDataDirectory(':memory:');
    const state = new ChangelogStateStore(db, 'q', 'changelog');
    const aggregate = state.windows('aggregate');
    const panes = state.windows('panes');
    // Keys whose JSON needs escaping, and windows ending before, at and after the bound.
    const keys = ['a', 'say "hi"', 'é\u2028', '[1,"x"]'];
    for (const key of keys) {
      for (const start of [0, 10, 20]) aggregate.put(key, start, start + 10, { n: start, key });
      panes.put(key, 0, 10, { pane: key });
    }
    const written = state.drain();
    expect(written).toHaveLength(16);
    // The record keys and values are the changelog's format: JSON arrays naming the entry, the stored JSON.
    expect(written.map((r) => [text(r.key), text(r.value)])).toContainEqual([JSON.stringify(['w', 'aggregate', 'say "hi"', 10, 20]), JSON.stringify({ n: 10, key: 'say "hi"' })]);
    expect(written.every((r) => r.topic === 'changelog')).toBe(true);

    aggregate.deleteEndingBy?.(20);
    const deleted = state.drain();
    expect(deleted.every((r) => r.value === null)).toBe(true);
    expect(deleted.map((r) => text(r.key)).sort()).toEqual(keys.flatMap((key) => [JSON.stringify(['w', 'aggregate', key, 0, 10]), JSON.stringify(['w', 'aggregate', key, 10, 20])]).sort());
    expect(aggregate.endingBy(20)).toEqual([]);
    expect(aggregate.endingBy(30).map((e) => e.start)).toEqual([20, 20, 20, 20]);
    expect(panes.endingBy(10)).toHaveLength(4);

    // Another process replaying the changelog ends with the same entries, byte for byte.
    expect(windows(restore([...written, ...deleted], []))).toEqual(windows(db));
  });

  it('writes materialized rows and window entries in the changelog format a restore reads back', () => {
    const schema: Schema = {
      columns: [
        { name: 'ID', type: SqlTypes.BIGINT, namespace: 'key' },
        { name: 'NAME', type: SqlTypes.STRING, namespace: 'key' },
        { name: 'PRICE', type: { kind: 'DECIMAL', precision: 8, scale: 2 }, namespace: 'value' },
        { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
      ],
    };
    const spec: MaterializedTableSpec = { name: 'Totals', schema, window: 'TUMBLING' };
    const db = openDataDirectory(':memory:');
    const state = new ChangelogStateStore(db, 'q', 'changelog');
    const table = state.materialized(spec);
    table.upsert([9007199254740993n, 'pen "a"', Decimal.parse('1.50'), 3n], 1500, { start: 0, end: 10_000 });
    table.upsert([2n, 'ink', null, 1n], 2500, { start: 10_000, end: 20_000 });
    table.upsert([2n, 'ink', Decimal.parse('0.20'), 2n], 2600, { start: 10_000, end: 20_000 });
    state.windows('aggregate').put('[2]', 10_000, 20_000, { acc: [2], t: 2600 });
    const records = state.drain();
    expect(records.map((r) => [text(r.key), text(r.value)])).toEqual([
      [JSON.stringify(['m', 'Totals', ['9007199254740993', 'pen "a"'], 0, 10_000]), JSON.stringify({ row: ['9007199254740993', 'pen "a"', '1.50', '3'], rowtime: 1500 })],
      [JSON.stringify(['m', 'Totals', ['2', 'ink'], 10_000, 20_000]), JSON.stringify({ row: ['2', 'ink', '0.20', '2'], rowtime: 2600 })],
      [JSON.stringify(['w', 'aggregate', '[2]', 10_000, 20_000]), JSON.stringify({ acc: [2], t: 2600 })],
    ]);
    table.delete([2n, 'ink', null, null], { start: 10_000, end: 20_000 });
    const tombstones = state.drain();
    expect(tombstones.map((r) => [text(r.key), text(r.value)])).toEqual([[JSON.stringify(['m', 'Totals', ['2', 'ink'], 10_000, 20_000]), null]]);

    const restored = restore([...records, ...tombstones], [spec]);
    expect(dumpMaterializedTable(restored, 'Totals')).toEqual(dumpMaterializedTable(db, 'Totals'));
    expect(windows(restored)).toEqual(windows(db));
  });
});
