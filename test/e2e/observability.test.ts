// End-to-end: `eddy status` from another terminal shows a serving process's committed metrics; `/metrics` is scraped.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, makeTempDir, removeDir, runCli, sleep, startCli, type CliProcess } from './cli-process.js';

const SETUP = `
CREATE STREAM raw (line VARCHAR) WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'KAFKA');
CREATE STREAM readings (id INT, v INT) WITH (KAFKA_TOPIC = 'readings', VALUE_FORMAT = 'JSON');
CREATE STREAM high AS SELECT id, v FROM readings WHERE v > 10;
INSERT INTO raw (line) VALUES ('{"id": 1, "v": 50}');
INSERT INTO raw (line) VALUES ('{"id": 2, "v": 5}');
INSERT INTO raw (line) VALUES ('not json');
`;

const MORE = `
INSERT INTO raw (line) VALUES ('{"id": 3, "v": 70}');
INSERT INTO raw (line) VALUES ('{"id": 4, "v": "x"}');
INSERT INTO raw (line) VALUES ('{"id": 5, "v": 90}');
`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e instanceof Error ? e.message : 'an error';
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last === '' ? '' : `: ${last}`}`);
    await sleep(100);
  }
}

describe('eddy status and /metrics', () => {
  let dir: string | undefined;
  let serve: CliProcess | undefined;

  afterAll(async () => {
    serve?.signal('SIGTERM');
    await serve?.waitForExit(15_000).catch(() => undefined);
    await killAll();
    removeDir(dir);
  });

  it('shows the counters a serving process commits, from another process, and serves them to Prometheus', async () => {
    dir = makeTempDir('eddy-observability-');
    const data = path.join(dir, 'data');
    fs.writeFileSync(path.join(dir, 'setup.sql'), SETUP);
    fs.writeFileSync(path.join(dir, 'more.sql'), MORE);

    // `eddy run` processes the first three records and exits: the counters are in the data directory.
    const run = await runCli(['run', path.join(dir, 'setup.sql'), '--data-dir', data]);
    expect(run.code, run.stderr).toBe(0);
    const before = await runCli(['status', '--data-dir', data]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toMatch(/^CSAS_HIGH_1 {2}RUNNING {2}in 3 \(\d+\.\d\/s\) {2}out 1 {2}errors 1 {2}late 0 {2}latency \d+(\.\d)? (ms|s|min|h) {2}stream time \d{4}-\d\d-\d\dT/);
    expect(before.stdout).toContain('lag 0 records');

    serve = startCli(['serve', '--data-dir', data, '--metrics-port', '0']);
    const port = await until('the metrics port', () => Promise.resolve(/metrics at http:\/\/127\.0\.0\.1:(\d+)\/metrics/.exec(serve?.stderr ?? '')?.[1]));

    // More input while `serve` runs the query: `eddy status` (another process) sees what serve committed.
    const more = await runCli(['run', path.join(dir, 'more.sql'), '--data-dir', data]);
    expect(more.code, more.stderr).toBe(0);
    const line = await until('status to show 6 records in', async () => {
      const s = await runCli(['status', '--data-dir', data]);
      return s.stdout.includes('in 6 ') ? s.stdout : undefined;
    });
    expect(line).toMatch(/CSAS_HIGH_1 {2}RUNNING {2}in 6 \(\d+\.\d\/s\) {2}out 3 {2}errors 2 {2}late 0 /);
    expect(line).toContain('lag 0 records');

    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('# TYPE eddy_query_records_in_total counter');
    expect(text).toContain('eddy_query_records_in_total{query="CSAS_HIGH_1"} 6\n');
    expect(text).toContain('eddy_query_records_out_total{query="CSAS_HIGH_1"} 3\n');
    expect(text).toContain('eddy_query_errors_total{query="CSAS_HIGH_1"} 2\n');
    expect(text).toContain('eddy_query_input_lag_records{query="CSAS_HIGH_1"} 0\n');
    expect(text).toMatch(/eddy_query_stream_time_milliseconds\{query="CSAS_HIGH_1"\} \d+\n/);
    // Every sample line is `name{labels} number`.
    for (const l of text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) expect(l).toMatch(/^[a-z_]+\{query="[^"]*"\} -?[\d.e+]+$/);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);

    serve.signal('SIGTERM');
    expect((await serve.waitForExit(15_000)).code).toBe(0);
  }, 90_000);

  it('says why a push query from the latest offset shows nothing, and how to read the records already there', async () => {
    const hintDir = makeTempDir('eddy-hint-');
    try {
      const script = path.join(hintDir, 'latest.sql');
      fs.writeFileSync(
        script,
        "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC = 's', PARTITIONS = 1, VALUE_FORMAT = 'JSON');\nINSERT INTO s (v) VALUES (1);\nSET 'auto.offset.reset' = 'latest';\nSELECT * FROM s EMIT CHANGES;\n",
      );
      const p = startCli(['run', script, '--data-dir', path.join(hintDir, 'data')]);
      await until('the hint on stderr', () => Promise.resolve(p.stderr.includes("SET 'auto.offset.reset'='earliest';") ? true : undefined));
      expect(p.stderr).toContain('Nothing yet?');
      p.signal('SIGINT');
      await p.waitForExit(15_000);
      expect(p.stdout).toContain('Query cancelled (0 rows)');
      expect(p.stdout).toContain("Nothing yet? SET 'auto.offset.reset'='earliest';");
    } finally {
      removeDir(hintDir);
    }
  }, 60_000);
});
