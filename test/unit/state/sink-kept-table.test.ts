// Unit tests for tables kept by their sink topic: the sink's records rebuild the same SQLite table as the changelog's 'm' records did.

import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type SqlType, type FormatSpec, type Schema, type Value, type WindowKind } from '../../../src/common/index.js';
import type { MaterializedTableSpec, SinkRecord, SourceRecord } from '../../../src/exec/index.js';
import { SinkOperator } from '../../../src/exec/operators/sink.js';
import { formatCodecs } from '../../../src/io/index.js';
import type { PhysicalSink } from '../../../src/plan/index.js';
import {
  ChangelogStateStore,
  dumpMaterializedTable,
  openDataDirectory,
  replaySinkKeptTable,
  sinkFormatsKeepRows,
  SqliteStateRestorer,
  type SinkKeptTable,
} from '../../../src/state/index.js';

const JSON_FORMATS: FormatSpec = { keyFormat: 'JSON', valueFormat: 'JSON', wrapSingleValue: true };

/** Records as a reader gets them back from a topic: offsets in order, one partition. */
const asSource = (records: readonly SinkRecord[]): SourceRecord[] =>
  records.map((r, offset) => ({ topic: r.topic, partition: 0, offset, timestamp: r.timestamp, key: r.key, value: r.value }));

/** The sink records a query's sink step writes for `changes` (the engine's own encoder and windowed keys). */
function sinkRecords(schema: Schema, formats: FormatSpec, window: WindowKind | null, changes: readonly Change[]): SinkRecord[] {
  const node = { kind: 'PhysicalSink', sinkName: 'T', topic: 'sink', formats, schema, ...(window === null ? {} : { window }) } as unknown as PhysicalSink;
  const sink = new SinkOperator(node, formatCodecs);
  const counters = { recordsOut: 0 } as never;
  sink.onChanges(changes, { queryId: 'q', state: undefined as never, processingLog: undefined as never, counters }, () => undefined);
  return sink.drain();
}

function keptTable(spec: MaterializedTableSpec, formats: FormatSpec, sizeMs: number | null): SinkKeptTable {
  return {
    spec,
    topic: 'sink',
    decoder: formatCodecs.decoder(spec.schema, formats, null),
    window: spec.window === null ? null : { kind: spec.window, sizeMs },
  };
}

/** The old path: the changes through the changelog state store, its 'm' records restored in another database. */
function restoredFromChangelog(spec: MaterializedTableSpec, changes: readonly Change[]): Database.Database {
  const db = openDataDirectory(':memory:');
  const state = new ChangelogStateStore(db, 'q', 'changelog');
  const table = state.materialized(spec);
  for (const c of changes) {
    if (c.op === 'delete') table.delete(c.row, c.window);
    else table.upsert(c.row, c.timestamp, c.window);
  }
  const other = openDataDirectory(':memory:');
  const restorer = new SqliteStateRestorer(other, 'q', [spec], () => undefined);
  restorer.reset();
  restorer.apply(asSource(state.drain()));
  return other;
}

/** The new path: the same changes as sink records, decoded back into a table. */
function restoredFromSink(spec: MaterializedTableSpec, formats: FormatSpec, sizeMs: number | null, changes: readonly Change[]): unknown {
  const db = openDataDirectory(':memory:');
  const restorer = new SqliteStateRestorer(db, 'q', [spec], () => undefined, [keptTable(spec, formats, sizeMs)]);
  restorer.reset();
  restorer.applyTableTopic('sink', asSource(sinkRecords(spec.schema, formats, spec.window, changes)));
  return dumpMaterializedTable(db, spec.name);
}

const up = (row: Value[], timestamp: number, window?: { start: number; end: number }): Change => ({ op: 'upsert', row, timestamp, ...(window === undefined ? {} : { window }) });
const del = (row: Value[], timestamp: number, window?: { start: number; end: number }): Change => ({ op: 'delete', row, timestamp, ...(window === undefined ? {} : { window }) });

const EVERY_TYPE: Schema = {
  columns: [
    { name: 'ID', type: SqlTypes.BIGINT, namespace: 'key' },
    { name: 'Name', type: SqlTypes.STRING, namespace: 'key' },
    { name: 'B', type: SqlTypes.BOOLEAN, namespace: 'value' },
    { name: 'I', type: SqlTypes.INT, namespace: 'value' },
    { name: 'N', type: SqlTypes.BIGINT, namespace: 'value' },
    { name: 'D', type: SqlTypes.DOUBLE, namespace: 'value' },
    { name: 'S', type: SqlTypes.STRING, namespace: 'value' },
    { name: 'BYTES', type: SqlTypes.BYTES, namespace: 'value' },
    { name: 'DAY', type: SqlTypes.DATE, namespace: 'value' },
    { name: 'AT', type: SqlTypes.TIME, namespace: 'value' },
    { name: 'TS', type: SqlTypes.TIMESTAMP, namespace: 'value' },
    { name: 'XS', type: { kind: 'ARRAY', element: SqlTypes.DOUBLE }, namespace: 'value' },
    { name: 'M', type: { kind: 'MAP', key: SqlTypes.INT, value: SqlTypes.STRING }, namespace: 'value' },
    { name: 'M2', type: { kind: 'MAP', key: SqlTypes.STRING, value: { kind: 'ARRAY', element: SqlTypes.BIGINT } }, namespace: 'value' },
    { name: 'ST', type: { kind: 'STRUCT', fields: [{ name: 'a', type: SqlTypes.BIGINT }, { name: 'B', type: { kind: 'ARRAY', element: SqlTypes.STRING } }] }, namespace: 'value' },
  ],
};

const everyTypeRow = (id: bigint, name: string, n: number): Value[] => [
  id,
  name,
  n % 2 === 0,
  -2147483648 + n,
  9007199254740993n * BigInt(n + 1),
  [0.1, -0, NaN, Infinity, -Infinity, 1e300, 5e-324][n % 7] as number,
  ['', 'say "hi"', 'é\u2028\n', 'null', '{"x":1}'][n % 5] as string,
  new Uint8Array([0, 255, n % 256]),
  19000 + n,
  86_399_999 - n,
  1_700_000_000_000 + n,
  [1.5, null, NaN],
  { kind: 'map', entries: new Map<number, Value>([[n, 'x'], [-1, null]]) },
  { kind: 'map', entries: new Map<string, Value>([[`k${n}`, [BigInt(-n), null]], ['', []]]) },
  { kind: 'struct', fields: { a: BigInt(n), B: ['p', null] } },
];

const nullRow = (id: bigint, name: string): Value[] => [id, name, ...new Array<Value>(EVERY_TYPE.columns.length - 2).fill(null)];

describe('tables kept by their sink topic', () => {
  it('rebuild every column type exactly as the changelog did: upserts, updates, deletes, nulls (JSON, windowed and not)', () => {
    for (const window of [null, 'TUMBLING', 'HOPPING', 'SESSION'] as const) {
      const spec: MaterializedTableSpec = { name: 'T', schema: EVERY_TYPE, window };
      const w = (start: number) => (window === null ? undefined : { start, end: window === 'SESSION' ? start + 7 : start + 10_000 });
      const changes: Change[] = [];
      for (let n = 0; n < 14; n++) changes.push(up(everyTypeRow(BigInt(n % 4), `k${n % 3}`, n), 1000 + n, w((n % 2) * 10_000)));
      changes.push(up(nullRow(99n, ''), 5, w(0)));
      changes.push(del(nullRow(1n, 'k1'), 2000, w(10_000)));
      changes.push(del(nullRow(123n, 'never there'), 2001, w(0)));
      changes.push(up(everyTypeRow(-9223372036854775808n, 'min', 3), 3000, w(20_000)));
      const expected = dumpMaterializedTable(restoredFromChangelog(spec, changes), 'T');
      expect((expected?.rows ?? []).length).toBeGreaterThan(5);
      expect(sinkFormatsKeepRows(EVERY_TYPE, JSON_FORMATS)).toBe(true);
      expect(restoredFromSink(spec, JSON_FORMATS, window === 'SESSION' ? null : 10_000, changes), String(window)).toEqual(expected);
    }
  });

  it('rebuild tables with KAFKA keys of every primitive type and a bare single JSON value, null included', () => {
    for (const keyType of [SqlTypes.INT, SqlTypes.BIGINT, SqlTypes.DOUBLE, SqlTypes.STRING]) {
      const schema: Schema = { columns: [{ name: 'K', type: keyType, namespace: 'key' }, { name: 'V', type: SqlTypes.BIGINT, namespace: 'value' }] };
      const key = (n: number): Value => (keyType.kind === 'BIGINT' ? BigInt(n - 2) * 4611686018427387903n : keyType.kind === 'STRING' ? `ключ ${n}` : keyType.kind === 'DOUBLE' ? n / 3 : n - 5);
      for (const formats of [
        { keyFormat: 'KAFKA', valueFormat: 'JSON', wrapSingleValue: false },
        { keyFormat: 'KAFKA', valueFormat: 'JSON', wrapSingleValue: true },
      ] as const) {
        const spec: MaterializedTableSpec = { name: 'K1', schema, window: 'TUMBLING' };
        const changes = [
          up([key(1), 5n], 10, { start: 0, end: 1000 }),
          up([key(2), null], 11, { start: 0, end: 1000 }),
          up([key(1), 6n], 12, { start: 1000, end: 2000 }),
          del([key(1), null], 13, { start: 0, end: 1000 }),
          up([key(3), -1n], 14, { start: 0, end: 1000 }),
        ];
        expect(sinkFormatsKeepRows(schema, formats)).toBe(true);
        expect(restoredFromSink(spec, formats, 1000, changes)).toEqual(dumpMaterializedTable(restoredFromChangelog(spec, changes), 'K1'));
      }
    }
  });

  it('are only the tables whose formats give every column back exactly', () => {
    const one: Schema = { columns: [{ name: 'K', type: SqlTypes.STRING, namespace: 'key' }, { name: 'V', type: SqlTypes.STRING, namespace: 'value' }] };
    const two: Schema = { columns: [{ name: 'K', type: SqlTypes.STRING, namespace: 'key' }, { name: 'K2', type: SqlTypes.INT, namespace: 'key' }, { name: 'V', type: SqlTypes.STRING, namespace: 'value' }] };
    const decimalKey: Schema = { columns: [{ name: 'K', type: { kind: 'DECIMAL', precision: 4, scale: 1 }, namespace: 'key' }, { name: 'V', type: SqlTypes.STRING, namespace: 'value' }] };
    expect(sinkFormatsKeepRows(one, JSON_FORMATS)).toBe(true);
    expect(sinkFormatsKeepRows(two, JSON_FORMATS)).toBe(true);
    // A KAFKA value writes a null as a tombstone; DELIMITED writes null and '' alike; NONE writes no key.
    expect(sinkFormatsKeepRows(one, { ...JSON_FORMATS, valueFormat: 'KAFKA' })).toBe(false);
    expect(sinkFormatsKeepRows(one, { ...JSON_FORMATS, valueFormat: 'DELIMITED' })).toBe(false);
    expect(sinkFormatsKeepRows(one, { ...JSON_FORMATS, keyFormat: 'DELIMITED' })).toBe(false);
    expect(sinkFormatsKeepRows(one, { ...JSON_FORMATS, keyFormat: 'NONE' })).toBe(false);
    // A KAFKA key holds one primitive column only.
    expect(sinkFormatsKeepRows(two, { ...JSON_FORMATS, keyFormat: 'KAFKA' })).toBe(false);
    expect(sinkFormatsKeepRows(decimalKey, { ...JSON_FORMATS, keyFormat: 'KAFKA' })).toBe(false);
    // JSON reading checks a DECIMAL's precision (a computed value may not fit it), and writes map keys as text.
    expect(sinkFormatsKeepRows(decimalKey, JSON_FORMATS)).toBe(false);
    const withValue = (type: SqlType): Schema => ({ columns: [one.columns[0]!, { name: 'V', type, namespace: 'value' }] });
    expect(sinkFormatsKeepRows(withValue({ kind: 'ARRAY', element: { kind: 'DECIMAL', precision: 4, scale: 1 } }), JSON_FORMATS)).toBe(false);
    expect(sinkFormatsKeepRows(withValue({ kind: 'MAP', key: SqlTypes.DATE, value: SqlTypes.STRING }), JSON_FORMATS)).toBe(false);
    expect(sinkFormatsKeepRows(withValue({ kind: 'MAP', key: SqlTypes.BIGINT, value: SqlTypes.STRING }), JSON_FORMATS)).toBe(true);
    expect(sinkFormatsKeepRows(withValue(EVERY_TYPE.columns.at(-1)!.type), JSON_FORMATS)).toBe(true);
  });

  it('leave the changelog without their rows while other tables still write them', () => {
    const schema: Schema = { columns: [{ name: 'K', type: SqlTypes.STRING, namespace: 'key' }, { name: 'V', type: SqlTypes.BIGINT, namespace: 'value' }] };
    const db = openDataDirectory(':memory:');
    const state = new ChangelogStateStore(db, 'q', 'changelog', new Set(['KEPT']));
    state.materialized({ name: 'KEPT', schema, window: null }).upsert(['a', 1n], 1, undefined);
    state.materialized({ name: 'OTHER', schema, window: null }).upsert(['a', 1n], 1, undefined);
    state.keyValue('agg').put('a', { n: 1 });
    const keys = state.drain().map((r) => Buffer.from(r.key!).toString('utf8'));
    expect(keys.sort()).toEqual([JSON.stringify(['kv', 'agg', 'a']), JSON.stringify(['m', 'OTHER', ['a'], null, null])]);
    // The local table still has the row.
    expect(dumpMaterializedTable(db, 'KEPT')?.rows).toEqual([['a', 1n, 1n]]);
  });

  it('restore a changelog written by an older version (with the table’s rows) from the sink topic, skipping its rows', () => {
    const schema: Schema = { columns: [{ name: 'K', type: SqlTypes.STRING, namespace: 'key' }, { name: 'V', type: SqlTypes.BIGINT, namespace: 'value' }] };
    const spec: MaterializedTableSpec = { name: 'T', schema, window: null };
    // The old version wrote the rows to the changelog and the sink alike; then the new one wrote only the sink.
    const old = new ChangelogStateStore(openDataDirectory(':memory:'), 'q', 'changelog');
    old.materialized(spec).upsert(['a', 1n], 1, undefined);
    old.materialized(spec).upsert(['b', 2n], 2, undefined);
    // A row only the changelog still has (the sink's retention dropped it): the sink topic is the table.
    old.materialized(spec).upsert(['z', 9n], 0, undefined);
    old.keyValue('agg').put('a', { n: 1 });
    const changelog = asSource(old.drain());
    const sink = asSource(sinkRecords(schema, JSON_FORMATS, null, [up(['a', 1n], 1), up(['b', 2n], 2), del(['a', null], 3), up(['c', 3n], 4)]));
    const db = openDataDirectory(':memory:');
    const restorer = new SqliteStateRestorer(db, 'q', [spec], () => undefined, [keptTable(spec, JSON_FORMATS, null)]);
    expect(restorer.tableTopics()).toEqual(['sink']);
    restorer.reset();
    restorer.apply(changelog);
    restorer.applyTableTopic('sink', sink);
    expect(dumpMaterializedTable(db, 'T')?.rows).toEqual([['b', 2n, 2n], ['c', 3n, 4n]]);
    expect(db.prepare('SELECT store, key FROM state_kv').all()).toEqual([{ store: 'agg', key: 'a' }]);
    // A checkpointed restore keeps the rest of the state but reads the table again in full.
    restorer.resetTableTopics();
    expect(dumpMaterializedTable(db, 'T')?.rows).toEqual([]);
    restorer.applyTableTopic('sink', sink);
    expect(dumpMaterializedTable(db, 'T')?.rows).toEqual([['b', 2n, 2n], ['c', 3n, 4n]]);
    expect(db.prepare('SELECT store, key FROM state_kv').all()).toEqual([{ store: 'agg', key: 'a' }]);
  });

  it('give pull queries the sink topic’s table, skipping records the query did not write', () => {
    const schema: Schema = { columns: [{ name: 'K', type: SqlTypes.BIGINT, namespace: 'key' }, { name: 'V', type: SqlTypes.STRING, namespace: 'value' }] };
    const spec: MaterializedTableSpec = { name: 'W', schema, window: 'TUMBLING' };
    const records = asSource([
      ...sinkRecords(schema, JSON_FORMATS, 'TUMBLING', [up([1n, 'x'], 5, { start: 0, end: 10 }), up([2n, 'y'], 6, { start: 10, end: 20 })]),
      { topic: 'sink', timestamp: 7, key: Buffer.from('no'), value: Buffer.from('{}') },
      { topic: 'sink', timestamp: 8, key: null, value: Buffer.from('{}') },
    ]);
    const { table, close } = replaySinkKeptTable(keptTable(spec, JSON_FORMATS, 10), records);
    expect([...table.scan([])]).toEqual([
      { row: [1n, 'x'], rowtime: 5, window: { start: 0, end: 10 } },
      { row: [2n, 'y'], rowtime: 6, window: { start: 10, end: 20 } },
    ]);
    close();
  });
});
