// Unit tests for a stream-table join's cached table rows: a rolled-back table change is not seen by later stream records.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type Schema } from '../../../src/common/index.js';
import { buildPipeline, newCounters, type SourceRecord } from '../../../src/exec/index.js';
import { formatCodecs } from '../../../src/io/index.js';
import { PHYSICAL_PLAN_FORMAT_VERSION, type PhysicalPlan } from '../../../src/plan/index.js';
import { openDataDirectory, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource, PSEUDO_COLUMNS } from './plan-fixtures.js';

const bids: Schema = { columns: [{ name: 'AUCTION', type: SqlTypes.STRING, namespace: 'value' }, ...PSEUDO_COLUMNS] };
const auctions: Schema = {
  columns: [{ name: 'ID', type: SqlTypes.STRING, namespace: 'key' }, { name: 'ITEM', type: SqlTypes.STRING, namespace: 'value' }, ...PSEUDO_COLUMNS],
};

/** SELECT * FROM bids b JOIN auctions a ON b.auction = a.id, over real SQLite state. */
const plan: PhysicalPlan = {
  formatVersion: PHYSICAL_PLAN_FORMAT_VERSION,
  queryId: 'CSAS_JOINED_1',
  mode: 'persistent',
  root: {
    kind: 'PhysicalJoin',
    left: jsonSource('bids', bids, 'NONE'),
    right: { kind: 'PhysicalChangelog', input: jsonSource('auctions', auctions, 'KAFKA'), schema: auctions, stateName: 'join:right' },
    flavor: 'STREAM_TABLE',
    joinType: 'INNER',
    leftKeys: [{ kind: 'ColumnRef', type: SqlTypes.STRING, index: 0, name: 'AUCTION' }],
    rightKeys: [{ kind: 'ColumnRef', type: SqlTypes.STRING, index: 0, name: 'ID' }],
    within: null,
    stateName: 'join',
    schema: { columns: [...bids.columns, ...auctions.columns] },
  },
  limit: null,
};

const auction = (offset: number, id: string, item: string): SourceRecord => ({
  topic: 'auctions',
  partition: 0,
  offset,
  timestamp: 1000 + offset,
  key: Buffer.from(id),
  value: Buffer.from(JSON.stringify({ item })),
});
const bid = (offset: number, id: string): SourceRecord => ({ topic: 'bids', partition: 0, offset, timestamp: 2000 + offset, key: null, value: Buffer.from(JSON.stringify({ auction: id })) });

describe('stream-table join', () => {
  it('joins a stream record with the table row as committed, not one from a rolled-back batch', () => {
    const db = openDataDirectory(':memory:');
    const out: Change[] = [];
    const ctx = { queryId: plan.queryId, state: new SqliteStateStore(db, plan.queryId), processingLog: { log: () => undefined }, counters: newCounters() };
    const pipeline = buildPipeline(plan, { codecs: formatCodecs, ctx, output: (batch) => out.push(...batch) });
    const joined = () => out.map((c) => `${c.row[0] as string}:${c.row[5] as string}`);

    db.transaction(() => pipeline.process('auctions', [auction(0, 'a1', 'pen')]))();
    db.transaction(() => pipeline.process('bids', [bid(0, 'a1'), bid(1, 'a2')]))();
    expect(joined()).toEqual(['a1:pen']);
    // A batch of table changes fails to commit: SQLite undoes its writes, and the pipeline is told.
    expect(() =>
      db.transaction(() => {
        pipeline.process('auctions', [auction(1, 'a1', 'ink'), auction(2, 'a2', 'cup')]);
        throw new Error('commit failed');
      })(),
    ).toThrow('commit failed');
    pipeline.rollback();
    db.transaction(() => pipeline.process('bids', [bid(2, 'a1'), bid(3, 'a2')]))();
    expect(joined()).toEqual(['a1:pen', 'a1:pen']);
    // Table changes that commit are seen at once.
    db.transaction(() => pipeline.process('auctions', [auction(1, 'a1', 'ink'), auction(2, 'a2', 'cup')]))();
    db.transaction(() => pipeline.process('bids', [bid(4, 'a1'), bid(5, 'a2')]))();
    expect(joined()).toEqual(['a1:pen', 'a1:pen', 'a1:ink', 'a2:cup']);
    db.close();
  });
});
