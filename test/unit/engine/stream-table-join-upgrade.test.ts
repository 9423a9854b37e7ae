// A stream-table join's table side keeps no replaced rows in new plans; queries stored by older builds (which kept them) still restart with their table rows.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { DATABASE_FILE, openDataDirectory } from '../../../src/state/index.js';

const quiet = { info: () => undefined, warn: () => undefined };
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-st-upgrade-'));
  dirs.push(dir);
  return dir;
}

const DDL = `
CREATE TABLE auctions (id BIGINT PRIMARY KEY, item VARCHAR, category INT) WITH (KAFKA_TOPIC = 'auctions', PARTITIONS = 1, FORMAT = 'JSON');
CREATE STREAM bids (auction BIGINT, price BIGINT) WITH (KAFKA_TOPIC = 'bids', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM out AS SELECT b.auction, b.price, a.item FROM bids b JOIN auctions a ON b.auction = a.id WHERE a.category = 10;
`;

/** A table change: [id, item, category], or [id] for a tombstone. */
type Auction = readonly [number, string, number] | readonly [number];

/** Appends records through a second connection, as a producer would; returns once they are in the log. */
function append(dir: string, topic: 'auctions' | 'bids', records: readonly { key: string | null; value: unknown }[]): void {
  const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
  try {
    const log = new EmbeddedLog(db);
    db.transaction(() =>
      log.append(
        records.map((r, i) => ({
          topic,
          timestamp: 1_000 + i,
          key: r.key === null ? null : Buffer.from(r.key),
          value: r.value === null ? null : Buffer.from(JSON.stringify(r.value)),
        })),
      ),
    ).immediate();
  } finally {
    db.close();
  }
}

const auctions = (dir: string, changes: readonly Auction[]): void =>
  append(
    dir,
    'auctions',
    changes.map((a) => ({ key: String(a[0]), value: a.length === 1 ? null : { item: a[1], category: a[2] } })),
  );
const bids = (dir: string, ids: readonly number[]): void =>
  append(
    dir,
    'bids',
    ids.map((auction, i) => ({ key: null, value: { auction, price: 100 + i } })),
  );

/** Opens the directory, runs its queries until they caught up, closes it. */
async function runOnce(dir: string): Promise<void> {
  const engine = Engine.open({ dataDir: dir, logger: quiet });
  try {
    await engine.drain();
  } finally {
    await engine.close();
  }
}

/** Every stored plan rewritten by `edit` (what an older build stored, or what a re-plan would store). */
function rewritePlans(dir: string, edit: (node: Record<string, unknown>) => void): void {
  const db = new Database(join(dir, DATABASE_FILE));
  try {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') {
        const node = value as Record<string, unknown>;
        if (node['kind'] === 'PhysicalChangelog') edit(node);
        Object.values(node).forEach(visit);
      }
    };
    for (const row of db.prepare<[], { id: string; definition: string }>('SELECT id, definition FROM catalog_queries').all()) {
      const definition = JSON.parse(row.definition) as unknown;
      visit(definition);
      db.prepare('UPDATE catalog_queries SET definition = ? WHERE id = ?').run(JSON.stringify(definition), row.id);
    }
  } finally {
    db.close();
  }
}

/** The plans as builds before `tracksBefore` stored them: every changelog keeps the rows it replaces. */
const asOlderBuild = (dir: string): void => rewritePlans(dir, (node) => delete node['tracksBefore']);
/** The plans as this build plans the same statements: the join's and the materialization's changelogs keep nothing. */
const asThisBuild = (dir: string): void => rewritePlans(dir, (node) => (node['stateName'] === undefined || node['stateName'] === 'changelog:AUCTIONS' ? (node['tracksBefore'] = false) : undefined));

function changelogPlans(dir: string): unknown[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const found: unknown[] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') {
        const node = value as Record<string, unknown>;
        if (node['kind'] === 'PhysicalChangelog') found.push({ stateName: node['stateName'] ?? null, tracksBefore: node['tracksBefore'] ?? null });
        Object.values(node).forEach(visit);
      }
    };
    for (const row of db.prepare<[], { definition: string }>('SELECT definition FROM catalog_queries ORDER BY id').all()) visit(JSON.parse(row.definition));
    return found;
  } finally {
    db.close();
  }
}

/** Rows of each state store (query id, store name → count). */
function stores(dir: string): Record<string, number> {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare<[], { query_id: string; store: string; n: number }>('SELECT query_id, store, COUNT(*) AS n FROM state_kv GROUP BY query_id, store ORDER BY 1, 2').all();
    return Object.fromEntries(rows.map((r) => [`${r.query_id} ${r.store}`, r.n]));
  } finally {
    db.close();
  }
}

/** The joined rows in the sink topic, in log order (the key, a BIGINT in the KAFKA format, as its number). */
function output(dir: string): string[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const reader = new EmbeddedLog(db).reader('OUT', 'earliest');
    const records = [];
    for (let batch = reader.readAvailable(10_000); batch.length > 0; batch = reader.readAvailable(10_000)) records.push(...batch);
    return records
      .sort((a, b) => a.partition - b.partition || a.offset - b.offset)
      .map((r) => `${r.key === null ? 'null' : Buffer.from(r.key).readBigInt64BE().toString()} ${r.value === null ? 'null' : Buffer.from(r.value).toString('utf8')}`);
  } finally {
    db.close();
  }
}

async function created(plans: 'older' | 'this'): Promise<string> {
  const dir = dataDir();
  const engine = Engine.open({ dataDir: dir, logger: quiet, runQueries: false });
  try {
    for (const s of engine.parse(DDL)) await engine.execute(s);
  } finally {
    await engine.close();
  }
  if (plans === 'older') asOlderBuild(dir);
  return dir;
}

/** Before the restart: three auctions (two in category 10), bids on them. */
async function beforeRestart(dir: string): Promise<void> {
  auctions(dir, [
    [1, 'pen', 10],
    [2, 'cup', 10],
    [3, 'hat', 5],
  ]);
  await runOnce(dir);
  bids(dir, [1, 2, 3, 4]);
  await runOnce(dir);
}

/** After the restart: bids that need the rows from before it, then an update, a tombstone and a tombstone of a key never seen. */
async function afterRestart(dir: string): Promise<void> {
  bids(dir, [2, 1, 3]);
  await runOnce(dir);
  auctions(dir, [[1, 'ink', 10], [2], [9], [3, 'cap', 10]]);
  await runOnce(dir);
  bids(dir, [1, 2, 3, 9]);
  await runOnce(dir);
}

const EXPECTED = [
  '1 {"PRICE":100,"ITEM":"pen"}',
  '2 {"PRICE":101,"ITEM":"cup"}',
  '2 {"PRICE":100,"ITEM":"cup"}',
  '1 {"PRICE":101,"ITEM":"pen"}',
  '1 {"PRICE":100,"ITEM":"ink"}',
  '3 {"PRICE":102,"ITEM":"cap"}',
];

describe('stream-table join state across an upgrade', () => {
  it('plans the table side of a stream-table join and a table materialization without replaced rows, and keeps only the join store', async () => {
    const dir = await created('this');
    expect(changelogPlans(dir)).toEqual([
      { stateName: 'changelog:AUCTIONS', tracksBefore: false },
      { stateName: null, tracksBefore: false },
    ]);
    await beforeRestart(dir);
    expect(stores(dir)).toEqual({ 'CSAS_OUT_2 join1:table': 3 });
    await afterRestart(dir);
    expect(output(dir)).toEqual(EXPECTED);
  });

  it('restarts a query stored by an older build (replaced rows kept by its changelog) with the same layout and results', async () => {
    const dir = await created('older');
    expect(changelogPlans(dir)).toEqual([
      { stateName: 'changelog:AUCTIONS', tracksBefore: null },
      { stateName: null, tracksBefore: null },
    ]);
    await beforeRestart(dir);
    // The older layout: the rows twice in the join's query, and in the materialization's changelog store.
    expect(stores(dir)).toEqual({ 'CSAS_OUT_2 changelog:AUCTIONS': 3, 'CSAS_OUT_2 join1:table': 3, 'CT_AUCTIONS_1 changelog': 3 });
    await afterRestart(dir);
    expect(output(dir)).toEqual(EXPECTED);
    expect(stores(dir)).toEqual({ 'CSAS_OUT_2 changelog:AUCTIONS': 2, 'CSAS_OUT_2 join1:table': 2, 'CT_AUCTIONS_1 changelog': 2 });
  });

  it('runs this build’s plan over state an older build wrote: the join finds the table rows in its own store', async () => {
    const dir = await created('older');
    await beforeRestart(dir);
    asThisBuild(dir);
    await afterRestart(dir);
    expect(output(dir)).toEqual(EXPECTED);
    // The older changelog stores are no longer written (nor read).
    expect(stores(dir)).toEqual({ 'CSAS_OUT_2 changelog:AUCTIONS': 3, 'CSAS_OUT_2 join1:table': 2, 'CT_AUCTIONS_1 changelog': 3 });
  });

  it('keeps the replaced rows of a windowed table joined by a stream (the join stores one row per key, not per window)', async () => {
    const dir = dataDir();
    const engine = Engine.open({ dataDir: dir, logger: quiet, runQueries: false });
    try {
      const ddl = `CREATE STREAM clicks (user VARCHAR, page VARCHAR) WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
        CREATE TABLE per_user AS SELECT user, COUNT(*) AS n FROM clicks WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY user;
        CREATE STREAM j AS SELECT c.user, c.page, p.n FROM clicks c JOIN per_user p ON c.user = p.user;`;
      for (const s of engine.parse(ddl)) await engine.execute(s);
    } finally {
      await engine.close();
    }
    expect(changelogPlans(dir)).toEqual([{ stateName: 'changelog:PER_USER', tracksBefore: null }]);
  });

  it('keeps the materialized table the same with and without replaced rows', async () => {
    const rows = async (plans: 'older' | 'this'): Promise<unknown[]> => {
      const dir = await created(plans);
      await beforeRestart(dir);
      await afterRestart(dir);
      const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
      try {
        return db.prepare('SELECT * FROM "AUCTIONS" ORDER BY 1').all();
      } finally {
        db.close();
      }
    };
    const now = await rows('this');
    expect(now).toHaveLength(2);
    expect(now).toEqual(await rows('older'));
  });
});
