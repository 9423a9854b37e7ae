// What the CLI loads: kafkajs and @js-joda (0.1–0.3 s of CPU each) only when a run needs them.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeTempDir, removeDir } from './cli-process.js';

/**
 * Preloaded into the CLI: at exit, prints which of the heavy packages its CommonJS cache holds (by their
 * main files: Eddy loads one small file of kafkajs up front to fix its read_committed filter).
 */
const REPORT_LOADED = `
process.on('exit', () => {
  const loaded = Object.keys(require.cache).map((f) => /node_modules\\/(kafkajs|@js-joda\\/[a-z]+)\\/(index|dist\\/js-joda(-timezone)?)\\.js$/.exec(f)?.[1]).filter(Boolean);
  process.stderr.write('LOADED ' + JSON.stringify([...new Set(loaded)].sort()) + '\\n');
});
`;

describe('CLI start-up loads', () => {
  let dir: string | undefined;
  let preload: string;

  beforeAll(() => {
    dir = makeTempDir('eddy-startup-');
    preload = path.join(dir, 'report-loaded.cjs');
    fs.writeFileSync(preload, REPORT_LOADED);
  });

  afterAll(() => removeDir(dir));

  /** Runs the CLI with `args` and returns the heavy packages it had loaded when it exited. */
  function loadedBy(args: readonly string[]): string[] {
    const run = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { encoding: 'utf8', env: { ...process.env, EDDY_DATA_DIR: undefined } });
    expect(run.status, run.stderr).toBe(0);
    const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    expect(line, run.stderr).toBeDefined();
    return JSON.parse((line as string).slice('LOADED '.length)) as string[];
  }

  function script(name: string, sql: string): string {
    const file = path.join(dir as string, name);
    fs.writeFileSync(file, sql);
    return file;
  }

  it('--version and a script without date-times load neither kafkajs nor @js-joda', () => {
    expect(loadedBy(['--version'])).toEqual([]);
    const sql = script(
      'numbers.sql',
      `CREATE STREAM s (id INT, name STRING) WITH (KAFKA_TOPIC = 's', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
       INSERT INTO s VALUES (1, 'a');
       SELECT id, UCASE(name) AS n FROM s EMIT CHANGES LIMIT 1;`,
    );
    expect(loadedBy(['run', sql, '--data-dir', path.join(dir as string, 'numbers')])).toEqual([]);
  });

  it('a date-time function loads @js-joda (with its zone rules) when it runs', () => {
    const sql = script(
      'dates.sql',
      `CREATE STREAM s (ms BIGINT) WITH (KAFKA_TOPIC = 's', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
       INSERT INTO s VALUES (0);
       SELECT FORMAT_TIMESTAMP(FROM_UNIXTIME(ms), 'yyyy-MM-dd HH:mm', 'America/New_York') AS t FROM s EMIT CHANGES LIMIT 1;`,
    );
    expect(loadedBy(['run', sql, '--data-dir', path.join(dir as string, 'dates')])).toEqual(['@js-joda/core', '@js-joda/timezone']);
  });
});
