// Query ids across processes: two `eddy run` processes on one service id, creating queries at the same moment, never share a number or a sink.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, makeTempDir, removeDir, runCli } from './cli-process.js';
import { BROKERS, NO_KAFKA, unique } from './kafka-test-broker.js';

describe.skipIf(NO_KAFKA)('query ids on one service id (real broker)', () => {
  let dir: string | undefined;

  beforeAll(() => {
    dir = makeTempDir('eddy-kafka-ids-');
  });

  afterAll(async () => {
    await killAll();
    removeDir(dir);
  });

  /** `eddy run <script>` with a data directory of its own, on the given service id. */
  function run(serviceId: string, script: string) {
    const file = path.join(dir!, `${unique('script')}.sql`);
    fs.writeFileSync(file, script);
    return runCli(['run', file, '--data-dir', path.join(dir!, unique('data')), '--brokers', BROKERS!, '--service-id', serviceId], 120_000);
  }

  it('gives every query of two concurrent processes its own number', async () => {
    const serviceId = unique('ids');
    const src = unique('src');
    const setup = await run(serviceId, `CREATE STREAM src (id INT KEY, v VARCHAR) WITH (KAFKA_TOPIC='${src}', PARTITIONS=1, VALUE_FORMAT='JSON');`);
    expect(setup.code, setup.stderr).toBe(0);
    // Each process: four streams AS SELECT and two INSERT INTO … SELECT, all at the same time as the other's.
    const script = (p: string) =>
      [1, 2, 3, 4].map((i) => `CREATE STREAM ${p}_${i} WITH (KAFKA_TOPIC='${src}-${p}-${i}') AS SELECT id, v FROM src;`).join('\n') +
      `\nINSERT INTO ${p}_1 SELECT id, v FROM src;\nINSERT INTO ${p}_2 SELECT id, v FROM src;`;
    const [a, b] = await Promise.all([run(serviceId, script('a')), run(serviceId, script('b'))]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const shown = await run(serviceId, 'SHOW QUERIES;');
    expect(shown.code, shown.stderr).toBe(0);
    const ids = [...shown.stdout.matchAll(/^\| ((?:CSAS|INSERTQUERY)_\S*?(\d+)) /gm)].map((m) => ({ id: m[1]!, n: Number(m[2]) }));
    expect(ids).toHaveLength(12);
    expect(new Set(ids.map((i) => i.n)).size).toBe(12);
    // The numbers the processes reported are the ones in the shared catalog.
    const reported = [...`${a.stdout}${b.stdout}`.matchAll(/query (\S+?) is running|Query (\S+?) is running/g)].map((m) => m[1] ?? m[2]);
    expect(reported.sort()).toEqual(ids.map((i) => i.id).sort());
    // Each process also runs the other's queries, so both wait out the group rebalances before they exit.
  }, 240_000);

  it('lets only one of two processes create the same sink at the same moment', async () => {
    const serviceId = unique('ids');
    const src = unique('src');
    const setup = await run(serviceId, `CREATE STREAM src (id INT KEY, v VARCHAR) WITH (KAFKA_TOPIC='${src}', PARTITIONS=1, VALUE_FORMAT='JSON');`);
    expect(setup.code, setup.stderr).toBe(0);
    const sink = unique('same');
    const create = (filter: string) => run(serviceId, `CREATE STREAM same WITH (KAFKA_TOPIC='${sink}') AS SELECT id, v FROM src WHERE ${filter};`);
    const results = await Promise.all([create("v = 'a'"), create("v = 'b'")]);
    const ok = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code !== 0);
    expect(ok, results.map((r) => r.stdout + r.stderr).join('\n')).toHaveLength(1);
    expect(refused[0]?.stderr).toMatch(/SAME (already exists|was just created by another process)/i);
    const shown = await run(serviceId, 'SHOW QUERIES;');
    expect([...shown.stdout.matchAll(/^\| CSAS_SAME_/gm)]).toHaveLength(1);
  });
});
