// End-to-end: `eddy apply` — create, idempotent re-apply, compatible change keeping offsets, incompatible change, prune, status, a table over a topic given a column.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeDir, runCli } from './cli-process.js';

let dir: string;
let defs: string;
let dataDir: string;

const READINGS = "CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE)\n  WITH (KAFKA_TOPIC='readings', PARTITIONS=2, VALUE_FORMAT='JSON');\n";
const hot = (where: string, extra = '') => `CREATE STREAM hot AS SELECT sensor, temp${extra} FROM readings WHERE ${where};\n`;
const COLD = 'CREATE STREAM cold AS SELECT sensor, temp FROM readings WHERE temp < 0;\n';

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(defs, name), text);
}

const apply = (...args: string[]) => runCli(['apply', ...args, '--data-dir', dataDir], 30_000, dir);
const run = async (sql: string) => {
  const file = path.join(dir, 'script.sql');
  fs.writeFileSync(file, sql);
  return runCli(['run', file, '--data-dir', dataDir], 30_000, dir);
};

beforeAll(() => {
  dir = makeTempDir('eddy-apply-');
  defs = path.join(dir, 'defs');
  dataDir = path.join(dir, 'data');
  fs.mkdirSync(defs);
});
afterAll(() => removeDir(dir));

describe('eddy apply', () => {
  it('creates what is missing, after printing the plan; --dry-run changes nothing', async () => {
    write('1-readings.sql', READINGS);
    write('2-queries.sql', hot('temp > 30') + COLD);
    const dry = await apply('defs', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+ create     STREAM READINGS');
    expect(dry.stdout).toContain('Dry run: 3 changes planned, none applied.');
    const first = await apply('defs');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('+ create     STREAM HOT                     defs/2-queries.sql:1');
    expect(first.stdout).toContain('Stream HOT created; query CSAS_HOT_1 is running.');
    expect(first.stdout).toContain('Applied 3 changes.');
  });

  it('applying the same files again changes nothing', async () => {
    const again = await apply('defs');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('= unchanged  STREAM HOT');
    expect(again.stdout).toContain('Nothing to change.');
    expect(again.stdout).not.toContain('created');
  });

  it('a compatible change replaces the query in place: it keeps its offsets (no input is processed twice)', async () => {
    await run("INSERT INTO readings (sensor, temp) VALUES ('a', 40.0);\nINSERT INTO readings (sensor, temp) VALUES ('b', 50.0);\n");
    write('2-queries.sql', hot('temp > 45', ', temp * 2 AS twice') + COLD);
    const changed = await apply('defs');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('~ replace    STREAM HOT');
    expect(changed.stdout).toContain('Stream HOT replaced; query CSAS_HOT_1 continues with the new plan.');
    const after = await run("INSERT INTO readings (sensor, temp) VALUES ('c', 41.0);\nINSERT INTO readings (sensor, temp) VALUES ('d', 60.0);\nSELECT sensor, temp, twice FROM hot;\n");
    // a and b went through the old plan once; c and d through the new one (c filtered out).
    expect(after.stdout).toMatch(/\| a +\| 40\.0 +\| null +\|/);
    expect(after.stdout).toMatch(/\| b +\| 50\.0 +\| null +\|/);
    expect(after.stdout).toMatch(/\| d +\| 60\.0 +\| 120\.0 +\|/);
    expect(after.stdout).toContain('End of data (3 rows)');
  });

  it('refuses an incompatible change with the reason, and applies nothing', async () => {
    write('2-queries.sql', 'CREATE STREAM hot AS SELECT sensor, CAST(temp AS INT) AS temp FROM readings;\n' + COLD.replace('temp < 0', 'temp < -10'));
    const refused = await apply('defs');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('! refused    STREAM HOT                     defs/2-queries.sql:1: column TEMP would change type from DOUBLE to INT');
    expect(refused.stderr).toContain('Nothing applied: 1 change cannot be made in place');
    const plan = await apply('defs', '--dry-run');
    expect(plan.stdout).toContain('~ replace    STREAM COLD');
  });

  it('keeps what no file defines, and drops it with --prune (terminating its query first)', async () => {
    write('2-queries.sql', hot('temp > 45', ', temp * 2 AS twice'));
    const kept = await apply('defs');
    expect(kept.stdout).toContain('? keep       STREAM COLD                    (in no file; --prune drops it)');
    expect(kept.stdout).toContain('Nothing to change.');
    const pruned = await apply('defs', '--prune');
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('- drop       STREAM COLD                    (in no file; terminates CSAS_COLD_2)');
    expect(pruned.stdout).toContain('Terminated CSAS_COLD_2. Stream COLD dropped.');
    const show = await run('SHOW STREAMS;\n');
    expect(show.stdout).not.toContain('COLD');
  });

  it('--status lists the applied files with hash and time; statements other than definitions are refused', async () => {
    const status = await apply('--status');
    expect(status.stdout).toMatch(/defs\/1-readings\.sql {2}sha256:[0-9a-f]{12} {2}\d{4}-\d\d-\d\dT[\d:.]+Z {2}1 statement/);
    expect(status.stdout).toMatch(/defs\/2-queries\.sql {2}sha256:[0-9a-f]{12}/);
    write('3-bad.sql', "INSERT INTO readings (sensor, temp) VALUES ('x', 1.0);\n");
    const bad = await apply('defs');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('defs/3-bad.sql:1:1: eddy apply takes definitions only');
  });
  it('adds a column to a table over a topic in place (its SQLite table too), and refuses changing its key', async () => {
    const tableDefs = path.join(dir, 'table-defs');
    const tableData = path.join(dir, 'table-data');
    fs.mkdirSync(tableDefs);
    const define = (columns: string) => fs.writeFileSync(path.join(tableDefs, 'items.sql'), `CREATE TABLE items (${columns}) WITH (KAFKA_TOPIC='items', PARTITIONS=1, VALUE_FORMAT='JSON');\n`);
    const applyTables = (...args: string[]) => runCli(['apply', 'table-defs', ...args, '--data-dir', tableData], 30_000, dir);
    define('id INT PRIMARY KEY, name STRING');
    expect((await applyTables()).code).toBe(0);
    define('id INT PRIMARY KEY, name STRING, price DOUBLE');
    const added = await applyTables();
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('~ replace    TABLE ITEMS');
    expect(added.stdout).toContain('Table ITEMS replaced: added PRICE.');
    const script = path.join(dir, 'items.sql');
    fs.writeFileSync(script, "INSERT INTO items VALUES (1, 'pen', 2.5);\nSELECT * FROM items;\n");
    const pulled = await runCli(['run', script, '--data-dir', tableData], 30_000, dir);
    expect(pulled.stdout).toMatch(/\| 1 +\| pen +\| 2\.5 +\|/);
    define('id BIGINT PRIMARY KEY, name STRING, price DOUBLE');
    const refused = await applyTables('--dry-run');
    expect(refused.stdout).toContain('! refused    TABLE ITEMS');
    expect(refused.stdout).toContain('column 1 would change from ID INT PRIMARY KEY to ID BIGINT PRIMARY KEY');
  });
});
