// End-to-end: a stream-stream LEFT join killed with `kill -9` mid-stream and restarted emits the same joined and NULL-padded rows, each once, as an uninterrupted run.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { killAll, makeTempDir, removeDir, runCli, startCli, topicRecordCount, topicRecords, waitFor, type CliProcess } from './cli-process.js';

const ROWS = 2_000;
const MAX_POLL_RECORDS = 5;
const FIRST_KILL_AT = 300;
const MORE_KILLS = 2;

/**
 * Orders every 100 ms over 50 keys; a payment 500 ms after every order, with the order's key when the order is
 * even and a key no order has when odd (so odd orders stay unpaid). Both topics advance event time at one pace.
 */
function insertStatements(): string[] {
  const out: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const ts = 1_000_000 + i * 100;
    out.push(`INSERT INTO orders (k, n, ROWTIME) VALUES (${i % 50}, ${i}, ${ts});`);
    out.push(`INSERT INTO payments (k, paid, ROWTIME) VALUES (${i % 2 === 0 ? i % 50 : 1000 + (i % 50)}, ${i}, ${ts + 500});`);
  }
  return out;
}

// The grace period is far larger than how far the two inputs can drift apart in one run, so which rows join does
// not depend on how batches of the two topics interleave (that differs after a restart); their order may.
const QUERIES = [
  `SET 'max.poll.records'='${MAX_POLL_RECORDS}';`,
  'CREATE STREAM paid AS SELECT o.k, o.n, p.paid FROM orders o LEFT JOIN payments p',
  '  WITHIN 1 SECOND GRACE PERIOD 20 SECONDS ON o.k = p.k;',
].join('\n');

/** The sink's records (time, key, value), sorted: each must appear exactly as often as in the uninterrupted run. */
function sinkRows(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'eddy.db'), { readonly: true, fileMustExist: true });
  try {
    return topicRecords(db, 'PAID').map((r) => `t=${r.timestamp} ${r.key?.toString('utf8') ?? 'null'} ${r.value?.toString('utf8') ?? 'null'}`)
      .sort();
  } finally {
    db.close();
  }
}

function count(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'eddy.db'), { readonly: true, fileMustExist: true });
  try {
    return topicRecordCount(db, 'PAID');
  } finally {
    db.close();
  }
}

describe('crash recovery of a stream-stream join: kill -9 mid-stream', () => {
  let crashDir: string | undefined;
  let cleanDir: string | undefined;

  beforeAll(async () => {
    crashDir = makeTempDir('eddy-e2e-join-crash-');
    cleanDir = makeTempDir('eddy-e2e-join-clean-');
    const engine = Engine.open({ dataDir: crashDir, runQueries: false, logger: { info: () => undefined, warn: () => undefined } });
    try {
      const script = [
        "CREATE STREAM orders (k INT KEY, n INT) WITH (KAFKA_TOPIC='orders', PARTITIONS=1, VALUE_FORMAT='JSON');",
        "CREATE STREAM payments (k INT KEY, paid INT) WITH (KAFKA_TOPIC='payments', PARTITIONS=1, VALUE_FORMAT='JSON');",
        ...insertStatements(),
      ].join('\n');
      for (const statement of engine.parse(script)) await engine.execute(statement);
    } finally {
      await engine.close();
    }
    fs.cpSync(crashDir, cleanDir, { recursive: true });
    for (const dir of [crashDir, cleanDir]) {
      fs.writeFileSync(path.join(dir, 'q.sql'), `${QUERIES}\n`);
      fs.writeFileSync(path.join(dir, 'resume.sql'), 'SHOW QUERIES;\n');
    }
  });

  afterAll(async () => {
    await killAll();
    removeDir(crashDir);
    removeDir(cleanDir);
  });

  it('ends with the same joined and NULL-padded rows, none duplicated or lost', async () => {
    if (crashDir === undefined || cleanDir === undefined) throw new Error('setup failed');
    const clean = await runCli(['run', path.join(cleanDir, 'q.sql'), '--data-dir', cleanDir], 120_000);
    expect(clean.code, clean.stderr).toBe(0);
    const expected = sinkRows(cleanDir);
    // Every even order joined; every odd order but those whose window is still open at the end came out NULL-padded.
    expect(expected.filter((r) => !r.endsWith('"PAID":null}')).length).toBe(ROWS / 2);
    expect(expected.filter((r) => r.endsWith('"PAID":null}')).length).toBeGreaterThan(ROWS / 2 - 200);

    const dir = crashDir;
    const started: CliProcess[] = [];
    try {
      const first = startCli(['run', path.join(dir, 'q.sql'), '--data-dir', dir]);
      started.push(first);
      await waitFor(
        `the sink to reach ${FIRST_KILL_AT} rows`,
        () => {
          if (count(dir) >= FIRST_KILL_AT) return true;
          if (!first.isRunning()) throw new Error(`eddy run exited before the kill\n${first.describe()}`);
          return undefined;
        },
        60_000,
        2,
      );
      await first.kill9();
      const atKills = [count(dir)];
      expect(atKills[0]).toBeLessThan(expected.length);
      for (let k = 0; k < MORE_KILLS; k++) {
        const before = count(dir);
        const restart = startCli(['run', path.join(dir, 'resume.sql'), '--data-dir', dir]);
        started.push(restart);
        const progressed = await waitFor('a restart to make progress or exit', () => (count(dir) > before ? true : restart.isRunning() ? undefined : false), 60_000, 1);
        if (!progressed) break;
        await restart.kill9();
        atKills.push(count(dir));
      }
      console.log(`join-crash-recovery: PAID sink rows after each kill -9: ${atKills.join(', ')} of ${expected.length}`);
      const last = await runCli(['run', path.join(dir, 'resume.sql'), '--data-dir', dir], 120_000);
      expect(last.code, last.stderr).toBe(0);
      expect(sinkRows(dir)).toEqual(expected);
    } finally {
      await Promise.all(started.map((p) => p.kill9()));
    }
  }, 300_000);
});
