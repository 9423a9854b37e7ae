// End-to-end: `kill -9` of `eddy run` mid-stream, then restarts — the sink holds every expected row exactly once.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../../src/engine/index.js';
import {
  compareExactlyOnce,
  DataDirReader,
  decodeSinkRow,
  killAll,
  makeTempDir,
  offsetGaps,
  removeDir,
  runCli,
  sinkRowText,
  startCli,
  waitFor,
  type CliProcess,
} from './cli-process.js';

/** Input rows; the query keeps those with n % 3 <> 0 (about two thirds). */
const ROWS = 20_000;
/** Small batches, so that the first run takes long enough for the kill to land mid-stream. */
const MAX_POLL_RECORDS = 5;
/** The first `kill -9` waits for at least this many sink rows (a tenth of them, roughly). */
const FIRST_KILL_AT = 1_000;
/** How many restarts the test tries to kill mid-stream too (best effort: a restart may finish first). */
const MORE_KILLS = 2;

interface SourceRow {
  readonly id: bigint;
  readonly n: number;
  readonly tag: string;
}

/** Deterministic input: ids beyond 32 bits, n in 0..99 999, tags with characters that need quoting. */
function sourceRows(): SourceRow[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: 5_000_000_000n + BigInt(i),
    n: (i * 7919) % 100_000,
    tag: i % 1000 === 0 ? `it's "${i}" ü \\` : `tag-${i % 97}`,
  }));
}

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

describe('crash recovery: kill -9 of eddy run mid-stream', () => {
  let dir: string | undefined;
  let reader: DataDirReader | undefined;
  const rows = sourceRows();
  /** Computed here, independently of the engine: every row with n % 3 != 0, doubled = n * 2. */
  const expected = rows.filter((r) => r.n % 3 !== 0).map((r) => sinkRowText({ id: r.id, doubled: r.n * 2, tag: r.tag }));

  beforeAll(async () => {
    dir = makeTempDir('eddy-e2e-crash-');
    // Loads the input in-process through the engine's API (no queries run here).
    const engine = Engine.open({ dataDir: dir, runQueries: false, logger: { info: () => undefined, warn: () => undefined } });
    try {
      const script = [
        "CREATE STREAM src (id BIGINT KEY, n INT, tag VARCHAR) WITH (KAFKA_TOPIC='src', PARTITIONS=3, VALUE_FORMAT='JSON');",
        ...rows.map((r) => `INSERT INTO src (id, n, tag) VALUES (${r.id}, ${r.n}, ${sqlString(r.tag)});`),
      ].join('\n');
      for (const statement of engine.parse(script)) await engine.execute(statement);
    } finally {
      await engine.close();
    }
    fs.writeFileSync(
      path.join(dir, 'q.sql'),
      `SET 'max.poll.records'='${MAX_POLL_RECORDS}';\nCREATE STREAM dst AS SELECT id, n * 2 AS doubled, tag FROM src WHERE n % 3 <> 0 EMIT CHANGES;\n`,
    );
    fs.writeFileSync(path.join(dir, 'resume.sql'), 'SHOW QUERIES;\n');
    reader = new DataDirReader(dir);
  });

  afterAll(async () => {
    await killAll();
    reader?.close();
    removeDir(dir);
  });

  it('resumes after every kill and ends with each expected sink row exactly once', async () => {
    if (dir === undefined || reader === undefined) throw new Error('setup failed');
    const db = reader;
    const dataDir = dir;
    expect(db.endOffsets('src').reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(expected.length).toBeGreaterThan(ROWS / 2);

    const started: CliProcess[] = [];
    try {
      // 1. The query is created and starts; kill -9 once part of the sink is written.
      const first = startCli(['run', path.join(dataDir, 'q.sql'), '--data-dir', dataDir]);
      started.push(first);
      await waitFor(
        `the sink to reach ${FIRST_KILL_AT} rows`,
        () => {
          if (db.count('DST') >= FIRST_KILL_AT) return true;
          if (!first.isRunning()) throw new Error(`eddy run exited before the kill — make the input bigger or the batches smaller\n${first.describe()}`);
          return undefined;
        },
        30_000,
        2,
      );
      const firstExit = await first.kill9();
      expect(firstExit.signal).toBe('SIGKILL');
      const afterFirstKill = db.count('DST');
      // The crash happened mid-stream, otherwise this test would prove nothing.
      expect(afterFirstKill).toBeGreaterThanOrEqual(FIRST_KILL_AT);
      expect(afterFirstKill).toBeLessThan(expected.length);
      const queryIds = db.queryIds();
      expect(queryIds).toEqual(['CSAS_DST_1']);
      // The dead process still holds the lease: the restart must take the query over.
      expect(db.lease('CSAS_DST_1')?.pid).toBe(first.pid);

      // 2. Restarts, killed again as soon as they make progress (when they do not finish first).
      const countsAtKills = [afterFirstKill];
      for (let k = 0; k < MORE_KILLS; k++) {
        const before = db.count('DST');
        if (before >= expected.length) break;
        const restart = startCli(['run', path.join(dataDir, 'resume.sql'), '--data-dir', dataDir]);
        started.push(restart);
        const progressed = await waitFor(
          'a restart to make progress or exit',
          () => (db.count('DST') > before ? true : restart.isRunning() ? undefined : false),
          30_000,
          1,
        );
        if (!progressed) {
          expect((await restart.exited).code, restart.describe()).toBe(0);
          break;
        }
        await restart.kill9();
        countsAtKills.push(db.count('DST'));
      }
      console.log(`crash-recovery: sink rows after each kill -9: ${countsAtKills.join(', ')} of ${expected.length}`);

      // 3. A last restart drains the rest and exits on its own.
      const last = await runCli(['run', path.join(dataDir, 'resume.sql'), '--data-dir', dataDir], 30_000);
      expect(last.code, last.stderr).toBe(0);
      expect(last.stdout).toMatch(/\| CSAS_DST_1 +\| PERSISTENT +\| RUNNING +\| this process +\|/);
      // It released the lease on exit.
      expect(db.leases()).toEqual([]);

      // 4. Every expected row exactly once, nothing else.
      const records = db.records('DST');
      expect(offsetGaps(records)).toEqual([]);
      const actual = records.map((r) => sinkRowText(decodeSinkRow(r)));
      const diff = compareExactlyOnce(expected, actual);
      expect(diff.missing.slice(0, 20), `${diff.missing.length} rows missing`).toEqual([]);
      expect(diff.duplicated.slice(0, 20), `${diff.duplicated.length} rows duplicated`).toEqual([]);
      expect(diff.unexpected.slice(0, 20), `${diff.unexpected.length} unexpected rows`).toEqual([]);
      expect(actual.length).toBe(expected.length);

      // 5. The query's committed input positions are the source partitions' end offsets.
      const ends = db.endOffsets('src');
      expect(ends).toHaveLength(3);
      expect(db.committedOffsets('CSAS_DST_1', 'src')).toEqual(new Map(ends.map((end, p) => [p, end])));
    } finally {
      await Promise.all(started.map((p) => p.kill9()));
    }
  });
});
