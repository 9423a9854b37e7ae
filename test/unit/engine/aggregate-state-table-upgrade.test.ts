// A GROUP BY whose table rows are its state keeps no store of its own in new plans; plans stored by older builds (state in the store) still restart exactly.

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

const DDL = `
CREATE STREAM bids (bidder BIGINT, price BIGINT) WITH (KAFKA_TOPIC = 'bids', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE out AS SELECT bidder, COUNT(*) AS n, MAX(price) AS top, SUM(price) AS spent FROM bids GROUP BY bidder;
`;

/** The same GROUP BY under a STRING key (the bidder's text): plan format 5. */
const TEXT_DDL = `
CREATE STREAM bids (bidder BIGINT, price BIGINT) WITH (KAFKA_TOPIC = 'bids', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE out AS SELECT CAST(bidder AS STRING) AS bidder, COUNT(*) AS n, MAX(price) AS top, SUM(price) AS spent FROM bids GROUP BY CAST(bidder AS STRING);
`;

/** A bid: [bidder, price]. */
type Bid = readonly [number, number];

/** Appends bids through a second connection, as a producer would. */
function append(dir: string, bids: readonly Bid[], from: number): void {
  const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
  try {
    const log = new EmbeddedLog(db);
    db.transaction(() =>
      log.append(bids.map(([bidder, price], i) => ({ topic: 'bids', timestamp: from + i, key: null, value: Buffer.from(JSON.stringify({ bidder, price })) }))),
    ).immediate();
  } finally {
    db.close();
  }
}

/** Opens the directory, runs its queries until they caught up, closes it: the next run starts with a cold cache. */
async function runOnce(dir: string, statements = ''): Promise<void> {
  const engine = Engine.open({ dataDir: dir, logger: quiet });
  try {
    for (const s of engine.parse(statements)) await engine.execute(s);
    await engine.drain();
  } finally {
    await engine.close();
  }
}

async function created(ddl = DDL): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-agg-table-'));
  dirs.push(dir);
  const engine = Engine.open({ dataDir: dir, logger: quiet, runQueries: false });
  try {
    for (const s of engine.parse(ddl)) await engine.execute(s);
  } finally {
    await engine.close();
  }
  return dir;
}

/** Each stored plan's format and whether its aggregation keeps its state in the table. */
function storedPlans(dir: string): { formatVersion: number; stateTable: string | null }[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare<[], { definition: string }>('SELECT definition FROM catalog_queries ORDER BY id')
      .all()
      .map((r) => {
        const plan = (JSON.parse(r.definition) as { plan: { formatVersion: number } }).plan;
        const found = /"stateTable":\{"tableName":"([^"]+)"/.exec(JSON.stringify(plan));
        return { formatVersion: plan.formatVersion, stateTable: found?.[1] ?? null };
      });
  } finally {
    db.close();
  }
}

/** The plans as builds before `stateTable` stored them (format 2, state in the key-value store). */
function asOlderBuild(dir: string): void {
  const db = new Database(join(dir, DATABASE_FILE));
  try {
    for (const row of db.prepare<[], { id: string; definition: string }>('SELECT id, definition FROM catalog_queries').all()) {
      const definition = JSON.parse(row.definition) as { plan: { formatVersion: number } };
      const text = JSON.stringify({ ...definition, plan: { ...definition.plan, formatVersion: 2 } }, (key, value: unknown) => (key === 'stateTable' ? undefined : value));
      db.prepare('UPDATE catalog_queries SET definition = ? WHERE id = ?').run(text, row.id);
    }
  } finally {
    db.close();
  }
}

/** Entries in the key-value state of the GROUP BY. */
function storeEntries(dir: string): number {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM state_kv WHERE store = 'aggregate'").get()?.n ?? 0;
  } finally {
    db.close();
  }
}

function table(dir: string): string[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare<[], { BIDDER: number; N: number; TOP: number; SPENT: number; ROWTIME: number }>('SELECT * FROM OUT ORDER BY BIDDER')
      .all()
      .map((r) => `${r.BIDDER}: n=${r.N} top=${r.TOP} spent=${r.SPENT} t=${r.ROWTIME}`);
  } finally {
    db.close();
  }
}

/** Seeded bids over a few bidders, each run's bids continuing the sequence (times increase, then one goes back). */
function bidsOf(run: number): Bid[] {
  const out: Bid[] = [];
  let seed = 11 + run;
  for (let i = 0; i < 40; i++) {
    seed = (seed * 48271) % 2147483647;
    out.push([seed % 5, (seed >> 3) % 1000]);
  }
  return out;
}

/** What the table must hold after runs 0 … n-1 (bids of run r at times 1000·(r+1) + i). */
function expected(runs: number): string[] {
  const groups = new Map<number, { n: number; top: number; spent: number; t: number }>();
  for (let r = 0; r < runs; r++) {
    bidsOf(r).forEach(([bidder, price], i) => {
      const g = groups.get(bidder) ?? { n: 0, top: -Infinity, spent: 0, t: 0 };
      groups.set(bidder, { n: g.n + 1, top: Math.max(g.top, price), spent: g.spent + price, t: Math.max(g.t, 1000 * (r + 1) + i) });
    });
  }
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([bidder, g]) => `${bidder}: n=${g.n} top=${g.top} spent=${g.spent} t=${g.t}`);
}

async function threeRestarts(dir: string): Promise<void> {
  for (let r = 0; r < 3; r++) {
    append(dir, bidsOf(r), 1000 * (r + 1));
    await runOnce(dir);
  }
}

describe('a GROUP BY state kept in its table across restarts and upgrades', () => {
  it('new plans keep the state in the table only, and a restarted query (cold cache) reads it back exactly', async () => {
    const dir = await created();
    expect(storedPlans(dir)).toEqual([{ formatVersion: 4, stateTable: 'OUT' }]);
    await threeRestarts(dir);
    expect(table(dir)).toEqual(expected(3));
    expect(storeEntries(dir)).toBe(0);
  });

  it('plans stored by older builds keep their state in the store, and continue exactly', async () => {
    const dir = await created();
    asOlderBuild(dir);
    expect(storedPlans(dir)).toEqual([{ formatVersion: 2, stateTable: null }]);
    await threeRestarts(dir);
    expect(table(dir)).toEqual(expected(3));
    expect(storeEntries(dir)).toBe(5);
    expect(storedPlans(dir)).toEqual([{ formatVersion: 2, stateTable: null }]);
  });

  it('under a STRING key: format 5, the state in the table; an older build\'s plan keeps its store', async () => {
    const dir = await created(TEXT_DDL);
    expect(storedPlans(dir)).toEqual([{ formatVersion: 5, stateTable: 'OUT' }]);
    await threeRestarts(dir);
    expect(table(dir)).toEqual(expected(3));
    expect(storeEntries(dir)).toBe(0);

    const older = await created(TEXT_DDL);
    asOlderBuild(older);
    await threeRestarts(older);
    expect(table(older)).toEqual(expected(3));
    expect(storeEntries(older)).toBe(5);
    expect(storedPlans(older)).toEqual([{ formatVersion: 2, stateTable: null }]);
  });

  it('CREATE OR REPLACE keeps the state where the old plan kept it', async () => {
    const replace = 'CREATE OR REPLACE TABLE out AS SELECT bidder, COUNT(*) AS n, MAX(price) AS top, SUM(price) AS spent FROM bids GROUP BY bidder;';
    const older = await created();
    asOlderBuild(older);
    append(older, bidsOf(0), 1000);
    await runOnce(older);
    await runOnce(older, replace);
    expect(storedPlans(older)).toEqual([{ formatVersion: 2, stateTable: null }]);
    append(older, bidsOf(1), 2000);
    await runOnce(older);
    expect(table(older)).toEqual(expected(2));

    const newer = await created();
    append(newer, bidsOf(0), 1000);
    await runOnce(newer);
    await runOnce(newer, replace);
    expect(storedPlans(newer)).toEqual([{ formatVersion: 4, stateTable: 'OUT' }]);
    append(newer, bidsOf(1), 2000);
    await runOnce(newer);
    expect(table(newer)).toEqual(expected(2));
    expect(storeEntries(newer)).toBe(0);
    // A new plan that could not read its state from the table would start from an empty store: refused.
    await expect(runOnce(newer, 'CREATE OR REPLACE TABLE out AS SELECT bidder, COUNT(*) AS n, MAX(price) AS top, SUM(price) AS spent, AVG(price) AS mean FROM bids GROUP BY bidder;')).rejects.toThrow(
      /keeps the GROUP BY's state in the table's rows/,
    );
  });
});
