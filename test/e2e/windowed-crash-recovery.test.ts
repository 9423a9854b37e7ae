// End-to-end: a windowed aggregation killed with `kill -9` mid-stream and restarted ends with the same sink changelog and SQLite table as an uninterrupted run.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { killAll, makeTempDir, removeDir, runCli, startCli, topicRecordCount, topicRecords, waitFor, type CliProcess } from './cli-process.js';

const ROWS = 6_000;
const MAX_POLL_RECORDS = 5;
const FIRST_KILL_AT = 600;
const MORE_KILLS = 2;

/** Deterministic input: 40 keys over 3 partitions; every 7th record a little out of order, every 13th too late. */
function insertStatements(): string[] {
  return Array.from({ length: ROWS }, (_, i) => {
    let ts = 1_000_000 + i * 100;
    if (i % 13 === 0) ts -= 20_000;
    else if (i % 7 === 0) ts -= 3_000;
    return `INSERT INTO src (k, v, ROWTIME) VALUES (${i % 40}, ${i % 97}, ${ts});`;
  });
}

const QUERIES = [
  `SET 'max.poll.records'='${MAX_POLL_RECORDS}';`,
  'CREATE TABLE per_window AS SELECT k, COUNT(*) AS n, SUM(v) AS total FROM src',
  '  WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 5 SECONDS) GROUP BY k EMIT CHANGES;',
  'CREATE TABLE final_window AS SELECT k, COUNT(*) AS n, MAX(v) AS top FROM src',
  '  WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 5 SECONDS) GROUP BY k EMIT FINAL;',
].join('\n');

interface Snapshot {
  readonly sinks: Record<string, string[]>;
  readonly tables: Record<string, string[]>;
  readonly late: Record<string, number>;
}

/** Everything the two queries produced: sink records (partition, offset, time, key, value), table rows, late counts. */
function snapshot(dataDir: string): Snapshot {
  const db = new Database(path.join(dataDir, 'eddy.db'), { readonly: true, fileMustExist: true });
  try {
    const sinks: Record<string, string[]> = {};
    const tables: Record<string, string[]> = {};
    for (const name of ['PER_WINDOW', 'FINAL_WINDOW']) {
      sinks[name] = topicRecords(db, name).map((r) => `${r.partition}@${r.offset} t=${r.timestamp} ${r.key?.toString('hex') ?? 'null'} ${r.value?.toString('utf8') ?? 'null'}`);
      tables[name] = (db.prepare(`SELECT * FROM "${name}" ORDER BY K, WINDOWSTART`).raw(true).all() as unknown[][]).map((row) => row.join('|'));
    }
    const late: Record<string, number> = {};
    for (const row of db.prepare<[], { query_id: string; value: string }>("SELECT query_id, value FROM state_kv WHERE store = 'metrics' AND key = 'late-records'").all()) {
      late[row.query_id] = Number(row.value);
    }
    return { sinks, tables, late };
  } finally {
    db.close();
  }
}

function count(dataDir: string, topic: string): number {
  const db = new Database(path.join(dataDir, 'eddy.db'), { readonly: true, fileMustExist: true });
  try {
    return topicRecordCount(db, topic);
  } finally {
    db.close();
  }
}

describe('crash recovery of a windowed aggregation: kill -9 mid-stream', () => {
  let crashDir: string | undefined;
  let cleanDir: string | undefined;

  beforeAll(async () => {
    crashDir = makeTempDir('eddy-e2e-window-crash-');
    cleanDir = makeTempDir('eddy-e2e-window-clean-');
    const engine = Engine.open({ dataDir: crashDir, runQueries: false, logger: { info: () => undefined, warn: () => undefined } });
    try {
      const script = ["CREATE STREAM src (k INT KEY, v INT) WITH (KAFKA_TOPIC='src', PARTITIONS=3, VALUE_FORMAT='JSON');", ...insertStatements()].join('\n');
      for (const statement of engine.parse(script)) await engine.execute(statement);
    } finally {
      await engine.close();
    }
    // The same input for the uninterrupted run.
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

  it('ends with the same sink changelogs, SQLite tables and late-record counts as an uninterrupted run', async () => {
    if (crashDir === undefined || cleanDir === undefined) throw new Error('setup failed');
    const clean = await runCli(['run', path.join(cleanDir, 'q.sql'), '--data-dir', cleanDir], 120_000);
    expect(clean.code, clean.stderr).toBe(0);
    const expected = snapshot(cleanDir);
    expect(expected.sinks.PER_WINDOW?.length).toBeGreaterThan(ROWS / 2);
    expect(expected.sinks.FINAL_WINDOW?.length).toBeGreaterThan(100);
    expect(expected.late.CTAS_PER_WINDOW_1).toBeGreaterThan(100);

    const dir = crashDir;
    const started: CliProcess[] = [];
    try {
      const first = startCli(['run', path.join(dir, 'q.sql'), '--data-dir', dir]);
      started.push(first);
      await waitFor(
        `the sink to reach ${FIRST_KILL_AT} rows`,
        () => {
          if (count(dir, 'PER_WINDOW') >= FIRST_KILL_AT) return true;
          if (!first.isRunning()) throw new Error(`eddy run exited before the kill\n${first.describe()}`);
          return undefined;
        },
        60_000,
        2,
      );
      await first.kill9();
      const atKills = [count(dir, 'PER_WINDOW')];
      expect(atKills[0]).toBeLessThan(expected.sinks.PER_WINDOW?.length ?? 0);
      for (let k = 0; k < MORE_KILLS; k++) {
        const before = count(dir, 'PER_WINDOW');
        const restart = startCli(['run', path.join(dir, 'resume.sql'), '--data-dir', dir]);
        started.push(restart);
        const progressed = await waitFor('a restart to make progress or exit', () => (count(dir, 'PER_WINDOW') > before ? true : restart.isRunning() ? undefined : false), 60_000, 1);
        if (!progressed) break;
        await restart.kill9();
        atKills.push(count(dir, 'PER_WINDOW'));
      }
      console.log(`windowed-crash-recovery: PER_WINDOW sink rows after each kill -9: ${atKills.join(', ')} of ${expected.sinks.PER_WINDOW?.length}`);
      const last = await runCli(['run', path.join(dir, 'resume.sql'), '--data-dir', dir], 120_000);
      expect(last.code, last.stderr).toBe(0);

      const actual = snapshot(dir);
      expect(actual.late).toEqual(expected.late);
      expect(actual.tables).toEqual(expected.tables);
      expect(actual.sinks.FINAL_WINDOW).toEqual(expected.sinks.FINAL_WINDOW);
      expect(actual.sinks.PER_WINDOW).toEqual(expected.sinks.PER_WINDOW);
    } finally {
      await Promise.all(started.map((p) => p.kill9()));
    }
  }, 300_000);
});
