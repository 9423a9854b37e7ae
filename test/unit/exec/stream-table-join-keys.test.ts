// Unit tests for a stream-table join's table rows by key type: cached by the key's value (BIGINT, INT, STRING), stored by its text.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type Schema, type SqlType } from '../../../src/common/index.js';
import { buildPipeline, newCounters, type Pipeline, type SourceRecord } from '../../../src/exec/index.js';
import { formatCodecs } from '../../../src/io/index.js';
import { PHYSICAL_PLAN_FORMAT_VERSION, type PhysicalPlan } from '../../../src/plan/index.js';
import { openDataDirectory, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource, PSEUDO_COLUMNS } from './plan-fixtures.js';

type Database = ReturnType<typeof openDataDirectory>;

interface KeyCase {
  readonly type: SqlType;
  /** Three distinct key values as the JSON of a bid's `k` field. */
  readonly json: readonly [unknown, unknown, unknown];
  /** The same as the table topic's KAFKA-format key bytes. */
  readonly bytes: (i: 0 | 1 | 2) => Uint8Array;
  /** The same as the join store's key text (what the store held before values keyed the cache). */
  readonly stored: readonly [string, string, string];
}

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

const CASES: Record<string, KeyCase> = {
  BIGINT: {
    type: SqlTypes.BIGINT,
    json: [1, -9007199254740993n, 0],
    bytes: (i) => int64([1n, -9007199254740993n, 0n][i] as bigint),
    stored: ['["1"]', '["-9007199254740993"]', '["0"]'],
  },
  INT: { type: SqlTypes.INT, json: [1, -2147483648, 0], bytes: (i) => int32([1, -2147483648, 0][i] as number), stored: ['[1]', '[-2147483648]', '[0]'] },
  STRING: {
    type: SqlTypes.STRING,
    json: ['a', 'é "q"', ''],
    bytes: (i) => Buffer.from(['a', 'é "q"', ''][i] as string),
    stored: ['["a"]', '["é \\"q\\""]', '[""]'],
  },
};

/** JSON text with a BIGINT beyond a double written as its digits (the lossless reader takes it). */
const jsonText = (v: unknown): string => (typeof v === 'bigint' ? v.toString() : JSON.stringify(v));

function planFor(type: SqlType, joinType: 'INNER' | 'LEFT'): PhysicalPlan {
  const bids: Schema = { columns: [{ name: 'K', type, namespace: 'value' }, { name: 'N', type: SqlTypes.INT, namespace: 'value' }, ...PSEUDO_COLUMNS] };
  const table: Schema = { columns: [{ name: 'ID', type, namespace: 'key' }, { name: 'ITEM', type: SqlTypes.STRING, namespace: 'value' }, ...PSEUDO_COLUMNS] };
  return {
    formatVersion: PHYSICAL_PLAN_FORMAT_VERSION,
    queryId: 'CSAS_JOINED_1',
    mode: 'persistent',
    root: {
      kind: 'PhysicalJoin',
      left: jsonSource('bids', bids, 'NONE'),
      right: { kind: 'PhysicalChangelog', input: jsonSource('items', table, 'KAFKA'), schema: table, stateName: 'join:right' },
      flavor: 'STREAM_TABLE',
      joinType,
      leftKeys: [{ kind: 'ColumnRef', type, index: 0, name: 'K' }],
      rightKeys: [{ kind: 'ColumnRef', type, index: 0, name: 'ID' }],
      within: null,
      stateName: 'join',
      schema: { columns: [...bids.columns, ...table.columns] },
    },
    limit: null,
  };
}

/** A pipeline over `db` whose joined rows go to `out` as `n:item` (item NULL: `n:-`). */
function start(db: Database, plan: PhysicalPlan, out: string[]): Pipeline {
  const ctx = { queryId: plan.queryId, state: new SqliteStateStore(db, plan.queryId), processingLog: { log: () => undefined }, counters: newCounters() };
  return buildPipeline(plan, { codecs: formatCodecs, ctx, output: (batch: readonly Change[]) => out.push(...batch.map((c) => `${(c.row[1] as number).toString()}:${(c.row[6] as string | null) ?? '-'}`)) });
}

describe('stream-table join keys', () => {
  for (const [name, keys] of Object.entries(CASES)) {
    for (const joinType of ['INNER', 'LEFT'] as const) {
      it(`${joinType} join on a ${name} key: updates, tombstones, rollbacks and a restart give the same rows`, () => {
        const db = openDataDirectory(':memory:');
        const plan = planFor(keys.type, joinType);
        let offset = 0;
        const item = (i: 0 | 1 | 2, text: string | null): SourceRecord => ({
          topic: 'items',
          partition: 0,
          offset: offset++,
          timestamp: 1000 + offset,
          key: keys.bytes(i),
          value: text === null ? null : Buffer.from(JSON.stringify({ item: text })),
        });
        const bid = (i: 0 | 1 | 2, n: number): SourceRecord => ({
          topic: 'bids',
          partition: 0,
          offset: offset++,
          timestamp: 2000 + offset,
          key: null,
          value: Buffer.from(`{"k":${jsonText(keys.json[i])},"n":${n}}`),
        });
        const out: string[] = [];
        let pipeline = start(db, plan, out);
        const batch = (topic: string, records: SourceRecord[]) => db.transaction(() => pipeline.process(topic, records))();

        batch('items', [item(0, 'pen'), item(1, 'cup')]);
        batch('bids', [bid(0, 1), bid(1, 2), bid(2, 3), bid(0, 4)]);
        // A table batch that fails to commit: nothing of it is seen.
        expect(() =>
          db.transaction(() => {
            pipeline.process('items', [item(0, 'ink'), item(2, 'mug'), item(1, null)]);
            throw new Error('commit failed');
          })(),
        ).toThrow('commit failed');
        pipeline.rollback();
        batch('bids', [bid(0, 5), bid(1, 6), bid(2, 7)]);
        // An update, a new row and a tombstone that commit.
        batch('items', [item(0, 'ink'), item(2, 'mug'), item(1, null)]);
        batch('bids', [bid(0, 8), bid(1, 9), bid(2, 10)]);
        // A restart: the new pipeline has no cached rows and reads the store by the key's text.
        pipeline = start(db, plan, out);
        batch('bids', [bid(0, 11), bid(1, 12), bid(2, 13)]);
        batch('items', [item(1, 'cap'), item(0, null)]);
        batch('bids', [bid(0, 14), bid(1, 15), bid(2, 16)]);

        const inner = ['1:pen', '2:cup', '4:pen', '5:pen', '6:cup', '8:ink', '10:mug', '11:ink', '13:mug', '15:cap', '16:mug'];
        const left = ['1:pen', '2:cup', '3:-', '4:pen', '5:pen', '6:cup', '7:-', '8:ink', '9:-', '10:mug', '11:ink', '12:-', '13:mug', '14:-', '15:cap', '16:mug'];
        expect(out).toEqual(joinType === 'INNER' ? inner : left);
        // The store keeps the rows under the same key texts as before (directories written by older builds read the same).
        const stored = db.prepare<[], { key: string }>("SELECT key FROM state_kv WHERE store = 'join:table' ORDER BY key").all();
        expect(stored.map((r) => r.key).sort()).toEqual([keys.stored[1], keys.stored[2]].sort());
        db.close();
      });
    }
  }
});
