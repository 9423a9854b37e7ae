// End-to-end: PRINT in `eddy run` follows its topic as other processes append — until its LIMIT, or Ctrl-C, after which the script goes on.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, makeTempDir, removeDir, runCli, sleep, startCli, type CliProcess } from './cli-process.js';

describe('PRINT follows the topic', () => {
  const dir = makeTempDir('eddy-print-follow-');
  const data = path.join(dir, 'data');

  afterAll(async () => {
    await killAll();
    removeDir(dir);
  });

  /** Appends a record from another process (`eddy run` of an INSERT). */
  async function insert(id: number, v: string): Promise<void> {
    const file = path.join(dir, `insert-${id}.sql`);
    fs.writeFileSync(file, `INSERT INTO s VALUES (${id}, '${v}');\n`);
    const r = await runCli(['run', file, '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
  }

  /** Waits until `p` printed `text` on stdout, failing if it exits first. */
  async function printed(p: CliProcess, text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!p.stdout.includes(text)) {
      if (!p.isRunning() && !p.stdout.includes(text)) throw new Error(`eddy run ended before printing ${text}\n${p.describe()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${text}\n${p.describe()}`);
      await sleep(50);
    }
  }

  it('shows new records as they arrive until LIMIT, then follows FROM BEGINNING until Ctrl-C and the script goes on', async () => {
    fs.writeFileSync(path.join(dir, 'setup.sql'), "CREATE STREAM s (id INT KEY, v VARCHAR) WITH (KAFKA_TOPIC = 's', PARTITIONS = 2, VALUE_FORMAT = 'JSON');\nINSERT INTO s VALUES (1, 'before');\n");
    const setup = await runCli(['run', path.join(dir, 'setup.sql'), '--data-dir', data]);
    expect(setup.code, setup.stderr).toBe(0);

    fs.writeFileSync(path.join(dir, 'print.sql'), "PRINT s LIMIT 2;\nPRINT s FROM BEGINNING;\nSHOW STREAMS;\n");
    const p = startCli(['run', path.join(dir, 'print.sql'), '--data-dir', data]);
    // From the latest offset: records appended before its reader opened are not shown, so keep appending until two are.
    let id = 100;
    while (!p.stdout.includes('Limit of 2 reached (2 records)')) {
      if (!p.isRunning()) throw new Error(`eddy run ended early\n${p.describe()}`);
      await insert(id++, 'new');
      await sleep(100);
    }
    const first = p.stdout.slice(0, p.stdout.indexOf('Limit of 2 reached'));
    expect(first).toMatch(/^Key format: KAFKA_INT\nValue format: JSON or KAFKA_STRING\n/);
    expect(first).not.toContain('"V":"before"');
    expect(first.match(/value: \{"V":"new"\}/g)).toHaveLength(2);

    // The second PRINT reads the topic from its start, then keeps following it.
    await printed(p, 'key: 1, value: {"V":"before"}');
    await insert(7, 'later');
    await printed(p, 'key: 7, value: {"V":"later"}');
    expect(p.isRunning()).toBe(true);
    p.signal('SIGINT');
    const exit = await p.waitForExit(15_000);
    expect(exit.code, p.describe()).toBe(0);
    expect(p.stdout).toMatch(/Print cancelled \(\d+ records\)/);
    // Ctrl-C cancelled the PRINT, not the script: the statement after it ran.
    expect(p.stdout).toContain('Stream Name');
  }, 120_000);
});
