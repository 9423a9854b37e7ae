// Pull queries on the embedded log: answered synchronously, from the committed table, while a persistent query ingests.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../src/common/index.js';
import { Engine } from '../../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { DATABASE_FILE, openDataDirectory } from '../../../src/state/index.js';

const quiet = { info: () => undefined, warn: () => undefined };
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-pull-'));
  dirs.push(dir);
  return dir;
}

async function run(engine: Engine, sql: string): Promise<void> {
  for (const s of engine.parse(sql)) await engine.execute(s);
}

/** Starts a pull query and returns the rows it delivered before `run` returned, and the finished promise. */
async function pull(engine: Engine, sql: string): Promise<{ synchronous: Change[]; all: Change[] }> {
  const [statement] = engine.parse(sql);
  if (statement === undefined) throw new Error('no statement');
  const result = await engine.execute(statement);
  if (result.kind !== 'query') throw new Error(`not a query: ${result.kind}`);
  const all: Change[] = [];
  const running = result.query.run((c) => all.push(c));
  const synchronous = [...all];
  await running;
  return { synchronous, all };
}

/** Appends bids (bidder, price) through a second connection, as another process would. */
function appendBids(dir: string, bids: readonly (readonly [number, number])[]): void {
  const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
  try {
    const log = new EmbeddedLog(db);
    db.transaction(() => log.append(bids.map(([bidder, price], i) => ({ topic: 'bids', timestamp: 1_000 + i, key: null, value: Buffer.from(JSON.stringify({ bidder, price })) })))).immediate();
  } finally {
    db.close();
  }
}

const DDL = `
CREATE STREAM bids (bidder BIGINT, price BIGINT) WITH (KAFKA_TOPIC = 'bids', PARTITIONS = 2, VALUE_FORMAT = 'JSON');
CREATE TABLE totals AS SELECT bidder, COUNT(*) AS n, MAX(price) AS top FROM bids GROUP BY bidder;
`;

describe('pull queries on the embedded log', () => {
  it('deliver their rows before run() returns: no batch can run between the statement and its answer', async () => {
    const dir = dataDir();
    const engine = Engine.open({ dataDir: dir, logger: quiet });
    try {
      await run(engine, DDL);
      appendBids(dir, [
        [1, 10],
        [2, 20],
        [1, 30],
      ]);
      await engine.drain();
      const one = await pull(engine, 'SELECT * FROM totals WHERE bidder = 1;');
      expect(one.synchronous.map((c) => c.row.slice(0, 3))).toEqual([[1n, 2n, 30n]]);
      expect(one.all).toEqual(one.synchronous);
      const none = await pull(engine, 'SELECT * FROM totals WHERE bidder = 3;');
      expect(none.all).toEqual([]);
      const scan = await pull(engine, 'SELECT * FROM totals;');
      expect(scan.synchronous.map((c) => c.row.slice(0, 3))).toEqual([
        [1n, 2n, 30n],
        [2n, 1n, 20n],
      ]);
    } finally {
      await engine.close();
    }
  });

  // commit.interval.ms 0: every batch commits alone, many turns to pull in; 100 (the default): batches read back to back commit in groups.
  it.each([0, 100])('return exactly the committed table at every turn while a persistent query ingests (commit.interval.ms %i)', async (interval) => {
    const dir = dataDir();
    const engine = Engine.open({ dataDir: dir, logger: quiet, properties: { 'max.poll.records': '50', 'commit.interval.ms': String(interval) } });
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      await run(engine, DDL);
      // 40 batches of 50 over 7 bidders: every pull below lands between two batches.
      const bids: [number, number][] = [];
      for (let i = 0; i < 2_000; i++) bids.push([(i * 5) % 7, (i * 7919) % 1_000]);
      appendBids(dir, bids);
      const committed = reader.prepare<[number], { N: number; TOP: number }>('SELECT N, TOP FROM TOTALS WHERE BIDDER = ?');
      let draining = true;
      const drained = engine.drain().finally(() => (draining = false));
      let checks = 0;
      let seen = new Map<number, number>();
      while (draining) {
        await new Promise((resolve) => setImmediate(resolve));
        const bidder = checks % 7;
        const { all } = await pull(engine, `SELECT * FROM totals WHERE bidder = ${bidder};`);
        // Read through another connection in the same turn: what is committed now.
        const row = committed.get(bidder);
        expect(all.map((c) => c.row.slice(1, 3))).toEqual(row === undefined ? [] : [[BigInt(row.N), BigInt(row.TOP)]]);
        const n = row?.N ?? 0;
        expect(n).toBeGreaterThanOrEqual(seen.get(bidder) ?? 0);
        seen = new Map(seen).set(bidder, n);
        checks++;
      }
      await drained;
      const last = await pull(engine, 'SELECT * FROM totals WHERE bidder = 3;');
      const expected = bids.filter(([b]) => b === 3);
      expect(last.all.map((c) => c.row.slice(0, 3))).toEqual([[3n, BigInt(expected.length), BigInt(Math.max(...expected.map(([, p]) => p)))]]);
      // The query's commits (its metrics count one per transaction that read records).
      const commits = reader.prepare<[], { batches: number }>('SELECT batches FROM query_metrics').get()?.batches;
      if (interval === 0) {
        expect(checks).toBeGreaterThan(5);
        expect(commits).toBe(40);
      } else {
        expect(checks).toBeGreaterThan(0);
        expect(commits).toBeLessThan(40);
      }
    } finally {
      reader.close();
      await engine.close();
    }
  });

  it('read a table dropped and created again under the same name with its new columns', async () => {
    const dir = dataDir();
    const engine = Engine.open({ dataDir: dir, logger: quiet });
    try {
      await run(engine, DDL);
      appendBids(dir, [
        [1, 10],
        [1, 15],
      ]);
      await engine.drain();
      expect((await pull(engine, 'SELECT * FROM totals WHERE bidder = 1;')).all.map((c) => c.row.slice(0, 3))).toEqual([[1n, 2n, 15n]]);
      await run(engine, 'TERMINATE CTAS_TOTALS_1; DROP TABLE totals DELETE TOPIC;');
      await run(engine, "CREATE TABLE totals WITH (KAFKA_TOPIC = 'totals2') AS SELECT bidder, MIN(price) AS top, COUNT(*) AS n FROM bids GROUP BY bidder;");
      await engine.drain();
      const again = await pull(engine, 'SELECT * FROM totals WHERE bidder = 1;');
      expect(again.all.map((c) => c.row.slice(0, 3))).toEqual([[1n, 10n, 2n]]);
    } finally {
      await engine.close();
    }
  });
});
