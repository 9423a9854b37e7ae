// `eddy run --brokers` against a real broker: topics with settings, a stream C*AS, push and pull queries, restart, at_least_once.

import kafkajs from 'kafkajs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaTopics, partitionForKey } from '../../src/io/index.js';
import { killAll, makeTempDir, removeDir, runCli } from './cli-process.js';
import { BROKERS, brokerList, NO_KAFKA, unique } from './kafka-test-broker.js';

const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));

describe.skipIf(NO_KAFKA)('eddy run --brokers (real broker)', () => {
  let dir: string | undefined;
  let topics: KafkaTopics;
  // A service id of this run's own: on a reused broker (KAFKA_BROKERS) an earlier run's command topic would replay its definitions.
  const service = unique('engine');

  beforeAll(() => {
    dir = makeTempDir('eddy-kafka-engine-');
    topics = new KafkaTopics({ brokers: brokerList(), serviceId: unique('inspect') });
  });

  afterAll(async () => {
    await killAll();
    await topics?.close();
    removeDir(dir);
  });

  async function run(script: string, ...extra: string[]) {
    const file = path.join(dir!, `${unique('script')}.sql`);
    fs.writeFileSync(file, script);
    // A later --service-id in `extra` wins.
    const result = await runCli(['run', file, '--data-dir', path.join(dir!, 'data'), '--brokers', BROKERS!, '--service-id', service, ...extra], 60_000);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    return result;
  }

  it('runs a stream C*AS, push and pull queries over Kafka topics, and resumes exactly where it stopped', async () => {
    const src = unique('orders');
    const big = unique('big_orders');
    const first = await run(
      `CREATE STREAM orders (id BIGINT KEY, item VARCHAR, qty INT)
         WITH (KAFKA_TOPIC='${src}', PARTITIONS=3, REPLICAS=1, RETENTION_MS=86400000, CLEANUP_POLICY='delete', VALUE_FORMAT='JSON');
       CREATE STREAM big_orders WITH (KAFKA_TOPIC='${big}') AS SELECT id, item, qty * 10 AS units FROM orders WHERE qty > 1 EMIT CHANGES;
       ${[1, 2, 3, 4, 5, 6].map((i) => `INSERT INTO orders (id, item, qty) VALUES (${i}, 'item-${i}', ${i % 4});`).join('\n')}
       SELECT id, item, units FROM big_orders EMIT CHANGES LIMIT 3;
       SELECT item FROM big_orders WHERE units > 25;
       SHOW TOPICS;`,
    );
    // qty = i % 4: ids 2, 3, 6 have qty > 1.
    const rows = first.stdout.split('\n').filter((l) => /^\| (\d|item)/.test(l)).map((l) => l.replace(/\s+/g, ' '));
    expect(first.stdout).toContain('Limit of 3 reached (3 rows)');
    // Push rows (three partitions: any order), then the pull query's rows (units > 25: only item-3 with 30).
    expect(rows.slice(0, 3).sort()).toEqual(['| 2 | item-2 | 20 |', '| 3 | item-3 | 30 |', '| 6 | item-6 | 20 |']);
    expect(rows.slice(3)).toEqual(['| item-3 |']);
    expect(first.stdout).toContain(`| ${src}`);

    const admin = new kafkajs.Kafka({ brokers: brokerList(), logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: src, configNames: ['retention.ms', 'cleanup.policy'] }],
      });
      const entries = Object.fromEntries((configs.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
      expect(entries).toEqual({ 'retention.ms': '86400000', 'cleanup.policy': 'delete' });
    } finally {
      await admin.disconnect();
    }
    expect((await topics.describeTopic(big))?.partitions).toBe(3);

    // A second process on the same data directory: the query resumes from its committed offsets.
    await run([7, 8, 9, 10].map((i) => `INSERT INTO orders (id, item, qty) VALUES (${i}, 'item-${i}', ${i % 4});`).join('\n'));
    const sink = await topics.readAll(big);
    const expected = [2, 3, 6, 7, 10].map((i) => `{"ITEM":"item-${i}","UNITS":${(i % 4) * 10}}`);
    expect(sink.map((r) => text(r.value)).sort()).toEqual(expected.sort());
    for (const r of sink) expect(r.partition).toBe(partitionForKey(r.key!, 3));
  });

  it('honours processing.guarantee = at_least_once', async () => {
    const src = unique('events');
    const out = unique('copied');
    await run(
      `SET 'processing.guarantee' = 'at_least_once';
       CREATE STREAM events (k VARCHAR KEY, v INT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=2, VALUE_FORMAT='JSON');
       CREATE STREAM copied WITH (KAFKA_TOPIC='${out}') AS SELECT k, v + 1 AS w FROM events EMIT CHANGES;
       ${['a', 'b', 'c'].map((k, i) => `INSERT INTO events (k, v) VALUES ('${k}', ${i});`).join('\n')}
       SHOW QUERIES;`,
      '--service-id',
      unique('alo'),
    );
    const sink = await topics.readAll(out);
    expect(sink.map((r) => `${text(r.key)}=${text(r.value)}`).sort()).toEqual(['a={"W":1}', 'b={"W":2}', 'c={"W":3}']);
  });

  it('runs no query from a stale catalog cache: a data directory opened with another service id starts none of the old one’s queries', async () => {
    const dataDir = ['--data-dir', path.join(dir!, unique('cache'))];
    const first = unique('cache-a');
    const src = unique('sales');
    const created = await run(
      `CREATE STREAM sales (k VARCHAR KEY, v INT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=1, VALUE_FORMAT='JSON');
       CREATE TABLE totals WITH (KAFKA_TOPIC='${unique('totals')}') AS SELECT k, SUM(v) AS total FROM sales GROUP BY k EMIT CHANGES;
       INSERT INTO sales (k, v) VALUES ('a', 1);`,
      ...dataDir,
      '--service-id',
      first,
    );
    const id = /CTAS_TOTALS_\d+/.exec(created.stdout + created.stderr)?.[0];
    expect(id).toBeDefined();
    expect(await topics.describeTopic(`_eddy-${first}-query-${id}-changelog`)).toBeDefined();
    // The local catalog still lists the query; the other service id's command topic does not.
    const second = unique('cache-b');
    const other = await run(`SHOW QUERIES;`, ...dataDir, '--service-id', second);
    expect(other.stdout).not.toContain(id);
    expect(other.stderr).not.toMatch(/runs here now/);
    expect(await topics.describeTopic(`_eddy-${second}-query-${id}-changelog`)).toBeUndefined();
  });

  it('check and explain read the topics on Kafka but create none', async () => {
    const name = unique('never');
    const file = path.join(dir!, 'check.sql');
    fs.writeFileSync(file, `CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='${name}', PARTITIONS=2, VALUE_FORMAT='JSON');\nSELECT v FROM s EMIT CHANGES;\n`);
    for (const command of ['check', 'explain']) {
      const result = await runCli([command, file, '--brokers', BROKERS!], 30_000);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(await topics.describeTopic(name)).toBeUndefined();
  });
});
