// End-to-end: two `eddy serve` on one data directory — one lease holder at a time, takeover after kill -9, no input twice.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  compareExactlyOnce,
  DataDirReader,
  decodeSinkRow,
  killAll,
  makeTempDir,
  offsetGaps,
  pidAlive,
  removeDir,
  runCli,
  sinkRowText,
  startCli,
  waitFor,
  type CliProcess,
} from './cli-process.js';

const QUERY_ID = 'CSAS_DST_1';

interface SourceRow {
  readonly id: number;
  readonly n: number;
  readonly tag: string;
}

function rowsFrom(first: number, count: number): SourceRow[] {
  return Array.from({ length: count }, (_, k) => {
    const id = first + k;
    return { id, n: (id * 37) % 1000, tag: `batch-${first}-${id % 7}` };
  });
}

function insertScript(rows: readonly SourceRow[]): string {
  return rows.map((r) => `INSERT INTO src (id, n, tag) VALUES (${r.id}, ${r.n}, '${r.tag}');\n`).join('');
}

/** The sink rows the query must produce for `rows`, computed independently of the engine. */
function expectedSink(rows: readonly SourceRow[]): string[] {
  return rows.filter((r) => r.n % 3 !== 0).map((r) => sinkRowText({ id: BigInt(r.id), doubled: r.n * 2, tag: r.tag }));
}

describe('several processes on one data directory', () => {
  let dir: string | undefined;
  let reader: DataDirReader | undefined;

  beforeAll(async () => {
    dir = makeTempDir('eddy-e2e-multi-');
    fs.writeFileSync(
      path.join(dir, 'setup.sql'),
      "CREATE STREAM src (id BIGINT KEY, n INT, tag VARCHAR) WITH (KAFKA_TOPIC='src', PARTITIONS=3, VALUE_FORMAT='JSON');\n" +
        'CREATE STREAM dst AS SELECT id, n * 2 AS doubled, tag FROM src WHERE n % 3 <> 0 EMIT CHANGES;\n',
    );
    fs.writeFileSync(path.join(dir, 'show.sql'), 'SHOW QUERIES;\n');
    const setup = await runCli(['run', path.join(dir, 'setup.sql'), '--data-dir', dir]);
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toContain(`query ${QUERY_ID} is running`);
    reader = new DataDirReader(dir);
  });

  afterAll(async () => {
    await killAll();
    reader?.close();
    removeDir(dir);
  });

  it('runs the query in exactly one process, moves it when that one dies, and processes no input twice', async () => {
    if (dir === undefined || reader === undefined) throw new Error('setup failed');
    const db = reader;
    const dataDir = dir;
    // The setup run ended; the query stays in the catalog, run by nobody.
    expect(db.queryIds()).toEqual([QUERY_ID]);
    expect(db.leases()).toEqual([]);

    const started: CliProcess[] = [];
    try {
      const a = startCli(['serve', '--data-dir', dataDir]);
      const b = startCli(['serve', '--data-dir', dataDir]);
      started.push(a, b);
      const servers = new Map([
        [a.pid, a],
        [b.pid, b],
      ]);
      const firstHolder = await waitFor(
        'a serve process to take the lease',
        () => {
          a.assertRunning('eddy serve A');
          b.assertRunning('eddy serve B');
          return db.lease(QUERY_ID);
        },
        15_000,
      );
      const holder = servers.get(firstHolder.pid);
      if (holder === undefined) throw new Error(`the lease is held by pid ${firstHolder.pid}, neither serve (${a.pid}, ${b.pid})`);
      const survivor = holder === a ? b : a;
      expect(firstHolder.host).toBe(hostname());

      // First input, inserted by a third process (`eddy run`), processed by the lease holder.
      const rows1 = rowsFrom(1, 300);
      fs.writeFileSync(path.join(dataDir, 'insert1.sql'), insertScript(rows1));
      const insert1 = await runCli(['run', path.join(dataDir, 'insert1.sql'), '--data-dir', dataDir]);
      expect(insert1.code, insert1.stderr).toBe(0);
      const expected1 = expectedSink(rows1);
      await waitFor(`the sink to hold ${expected1.length} rows`, () => (db.count('DST') >= expected1.length ? true : undefined), 15_000);
      // Still one holder — the same one — and both servers alive.
      expect(db.leases().map((l) => l.pid)).toEqual([holder.pid]);
      holder.assertRunning('the eddy serve holding the lease');
      survivor.assertRunning('the other eddy serve');
      const shown1 = await runCli(['run', path.join(dataDir, 'show.sql'), '--data-dir', dataDir]);
      expect(shown1.code, shown1.stderr).toBe(0);
      expect(shown1.stdout).toContain(`pid ${holder.pid} on ${hostname()}`);

      // kill -9 the holder: the survivor notices the dead pid and takes the query over.
      const killed = await holder.kill9();
      expect(killed.signal).toBe('SIGKILL');
      expect(pidAlive(holder.pid)).toBe(false);
      const takeover = await waitFor(
        'the survivor to take the lease over',
        () => {
          survivor.assertRunning('the surviving eddy serve');
          const lease = db.lease(QUERY_ID);
          return lease !== undefined && lease.pid === survivor.pid ? lease : undefined;
        },
        15_000,
      );
      expect(takeover.owner).not.toBe(firstHolder.owner);

      // Second input: only the survivor can process it.
      const rows2 = rowsFrom(1001, 300);
      fs.writeFileSync(path.join(dataDir, 'insert2.sql'), insertScript(rows2));
      const insert2 = await runCli(['run', path.join(dataDir, 'insert2.sql'), '--data-dir', dataDir]);
      expect(insert2.code, insert2.stderr).toBe(0);
      const expected = [...expected1, ...expectedSink(rows2)];
      await waitFor(`the sink to hold ${expected.length} rows`, () => (db.count('DST') >= expected.length ? true : undefined), 15_000);
      await waitFor(
        'the query to commit the end of its input',
        () => {
          const ends = db.endOffsets('src');
          const committed = db.committedOffsets(QUERY_ID, 'src');
          return ends.every((end, p) => committed.get(p) === end) ? true : undefined;
        },
        15_000,
      );
      expect(db.leases().map((l) => l.pid)).toEqual([survivor.pid]);

      // Every row exactly once.
      const records = db.records('DST');
      expect(offsetGaps(records)).toEqual([]);
      const diff = compareExactlyOnce(
        expected,
        records.map((r) => sinkRowText(decodeSinkRow(r))),
      );
      expect(diff).toEqual({ missing: [], duplicated: [], unexpected: [] });
      expect(records).toHaveLength(expected.length);
      const ends = db.endOffsets('src');
      expect(ends.reduce((x, y) => x + y, 0)).toBe(rows1.length + rows2.length);
      expect(db.committedOffsets(QUERY_ID, 'src')).toEqual(new Map(ends.map((end, p) => [p, end])));

      // Another process sees who runs the query.
      const shown2 = await runCli(['run', path.join(dataDir, 'show.sql'), '--data-dir', dataDir]);
      expect(shown2.code, shown2.stderr).toBe(0);
      expect(shown2.stdout).toMatch(new RegExp(`\\| ${QUERY_ID} +\\| PERSISTENT +\\| RUNNING +\\| pid ${survivor.pid} on ${hostname().replaceAll('.', '\\.')} +\\|`));

      // SIGTERM stops the survivor cleanly; it gives the lease back.
      survivor.signal('SIGTERM');
      const stopped = await survivor.waitForExit(10_000);
      expect(stopped, survivor.describe()).toEqual({ code: 0, signal: null });
      expect(db.leases()).toEqual([]);
    } finally {
      await Promise.all(started.map((p) => p.kill9()));
    }
  });
});
