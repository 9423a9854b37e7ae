// End-to-end: a full disk stops a persistent query without corrupting the data directory; it resumes from its last commit when space returns.
// Runs on a real, size-limited tmpfs mount (needs root; skipped otherwise).

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { makeTempDir, removeDir, sleep } from './cli-process.js';

const root = process.getuid?.() === 0;

function canMount(): boolean {
  if (!root) return false;
  const probe = makeTempDir('eddy-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    removeDir(probe);
  }
}

const RECORDS = 400;
const PAYLOAD = 'x'.repeat(2000);

async function run(engine: Engine, sql: string): Promise<void> {
  for (const s of engine.parse(sql)) await engine.execute(s);
}

describe.skipIf(!canMount())('a full disk', () => {
  const mountPoint = makeTempDir('eddy-disk-full-');
  let mounted = false;

  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountPoint]);
    removeDir(mountPoint);
  });

  it('stops the query with a clear error, corrupts nothing, and resumes from the last commit', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    mounted = true;
    const dataDir = path.join(mountPoint, 'data');

    // The input is in the log before the query runs (a process without queries writes it).
    const writer = Engine.open({ dataDir, runQueries: false });
    await run(
      writer,
      `CREATE STREAM src (id INT, payload VARCHAR) WITH (KAFKA_TOPIC = 'src', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
       SET 'auto.offset.reset' = 'earliest';
       CREATE STREAM dst AS SELECT id, payload FROM src;
       PAUSE CSAS_DST_1;
       CREATE STREAM raw (line VARCHAR) WITH (KAFKA_TOPIC = 'src', VALUE_FORMAT = 'KAFKA');
       INSERT INTO raw (line) VALUES ('not json');`,
    );
    const inserts = Array.from({ length: RECORDS }, (_, i) => `INSERT INTO src (id, payload) VALUES (${i}, '${PAYLOAD}');`).join('\n');
    await run(writer, inserts);
    await writer.close();

    const warnings: string[] = [];
    const infos: string[] = [];
    const engine = Engine.open({ dataDir, logger: { info: (m) => infos.push(m), warn: (m) => warnings.push(m) } });

    // Fill the disk, leaving room for RESUME's catalog write only: the query's output (another ~800 KB) no longer fits.
    const filler = path.join(mountPoint, 'filler');
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(64 * 1024, 1));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    fs.truncateSync(filler, fs.statSync(filler).size - 64 * 1024);
    try {
      await run(engine, 'RESUME CSAS_DST_1;');
      const deadline = Date.now() + 20_000;
      while (!warnings.some((w) => w.includes('out of space')) && Date.now() < deadline) await sleep(50);
      const fault = warnings.find((w) => w.includes('out of space'));
      expect(fault, warnings.join('\n')).toMatch(/^Query CSAS_DST_1 stopped: .*(full|disk).* the batch was rolled back; the query stays stopped at its last commit/);

      // Space returns: the query resumes and finishes.
      fs.rmSync(filler);
      await engine.drain();
      expect(infos).toContain('Query CSAS_DST_1 is running again.');
      const sink = await engine.topicRecords('DST');
      expect(sink.map((r) => (JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as { ID: number }).ID)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
      expect(sink.map((r) => r.offset)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
      // The bad record was logged in the rolled-back batch too, but the processing log holds it once.
      const logged = await engine.topicRecords('_eddy_processing_log');
      expect(logged.map((r) => (JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as { SOURCE_OFFSET: number }).SOURCE_OFFSET)).toEqual([0]);
    } finally {
      await engine.close();
    }

    const db = new Database(path.join(dataDir, 'eddy.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const metrics = db.prepare<[], { records_in: number; records_out: number; errors: number }>("SELECT records_in, records_out, errors FROM query_metrics WHERE query_id = 'CSAS_DST_1'").get();
      expect(metrics).toEqual({ records_in: RECORDS + 1, records_out: RECORDS, errors: 1 });
    } finally {
      db.close();
    }
  }, 60_000);
});
