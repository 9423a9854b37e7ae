// On a real broker: PRINT's format guessing, headers and following the topic, header columns, the processing log of a query running on Kafka, consumer lag and SHOW TOPICS EXTENDED.

import kafkajs from 'kafkajs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, makeTempDir, removeDir, sleep, startCli } from './cli-process.js';
import { runOnKafka, tableRows } from './kafka-group.js';
import { BROKERS, brokerList, NO_KAFKA, unique } from './kafka-test-broker.js';

const bigint = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

describe.skipIf(NO_KAFKA)('observing Eddy on Kafka (real broker)', () => {
  let dir: string | undefined;
  let producer: kafkajs.Producer;

  beforeAll(async () => {
    dir = makeTempDir('eddy-kafka-obs-');
    producer = new kafkajs.Kafka({ brokers: brokerList(), logLevel: kafkajs.logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await killAll();
    removeDir(dir);
  });

  /** `eddy run <script>` on the service id, each run with a data directory of its own. */
  const run = async (serviceId: string, script: string): Promise<string> => (await runOnKafka(dir!, serviceId, script, { timeoutMs: 90_000 })).stdout;

  it('PRINT guesses KAFKA and JSON formats, decodes BIGINT keys and shows headers', async () => {
    const serviceId = unique('print');
    const topic = unique('readings');
    await run(serviceId, `CREATE STREAM readings (id BIGINT KEY, v DOUBLE) WITH (KAFKA_TOPIC='${topic}', PARTITIONS=1, KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON');
      INSERT INTO readings (id, v) VALUES (1700000000000, 1.5);`);
    await producer.send({ topic, messages: [{ key: bigint(42), value: '{"V":2.5}', timestamp: '1700000000000', headers: { trace: 'abc-1', origin: 'test' } }] });
    await producer.send({ topic, messages: [{ key: bigint(43), value: '{"V":3.5}', timestamp: '1700000001000' }] });
    // PRINT follows the topic in `eddy run` (until LIMIT or Ctrl-C): the LIMITs end these.
    const out = await run(serviceId, `PRINT '${topic}' FROM BEGINNING LIMIT 3; PRINT '${topic}' FROM BEGINNING INTERVAL 2 LIMIT 1;`);
    const lines = out.split('\n');
    expect(lines).toContain('Limit of 3 reached (3 records)');
    expect(lines).toContain('Key format: KAFKA_BIGINT or KAFKA_DOUBLE');
    expect(lines).toContain('Value format: JSON or KAFKA_STRING');
    expect(out).toMatch(/key: 1700000000000, value: \{"V":1\.5\}, partition: 0\n/);
    expect(out).toContain('rowtime: 2023-11-14T22:13:20.000 Z, key: 42, value: {"V":2.5}, partition: 0, headers: [trace=abc-1, origin=test]');
    expect(out).toMatch(/key: 43, value: \{"V":3\.5\}, partition: 0\n/);
    // INTERVAL 2 LIMIT 1: the first record only.
    expect(lines).toContain('Limit of 1 reached (1 record)');
    expect(out.match(/value: \{"V":1\.5\}/g)).toHaveLength(2);

    // Header columns read the Kafka record headers: HEADER('trace') the last 'trace' header, HEADERS all of them.
    const withHeaders = await run(
      serviceId,
      `CREATE STREAM readings_h (id BIGINT KEY, v DOUBLE, trace BYTES HEADER('trace'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS)
         WITH (KAFKA_TOPIC='${topic}', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON');
       SET 'auto.offset.reset' = 'earliest';
       SELECT id, FROM_BYTES(trace, 'utf8') AS t, ARRAY_LENGTH(hs) AS n, hs[2]->key AS second FROM readings_h EMIT CHANGES LIMIT 3;`,
    );
    expect(tableRows(withHeaders)).toEqual(['| 1700000000000 | null | 0 | null |', '| 42 | abc-1 | 2 | origin |', '| 43 | null | 0 | null |']);

    // Without FROM BEGINNING: only records produced while it runs (it joins a consumer group first, so keep producing until one is shown).
    const script = path.join(dir!, `${unique('print')}.sql`);
    fs.writeFileSync(script, `PRINT '${topic}' LIMIT 1;\n`);
    const follow = startCli(['run', script, '--data-dir', path.join(dir!, unique('data')), '--brokers', BROKERS!, '--service-id', serviceId]);
    for (let n = 0; follow.isRunning() && n < 120; n++) {
      await producer.send({ topic, messages: [{ key: bigint(1000 + n), value: `{"V":${n}}` }] });
      await sleep(500);
    }
    const exit = await follow.waitForExit(30_000);
    expect(exit.code, follow.describe()).toBe(0);
    expect(follow.stdout).toMatch(/key: 10\d\d, value: \{"V":\d+\}, partition: 0\nLimit of 1 reached \(1 record\)\n/);
    expect(follow.stdout).not.toContain('"V":2.5');
  });

  it('counts and logs bad records of a query running on Kafka, and shows its consumer lag', async () => {
    const serviceId = unique('obs');
    const src = unique('orders');
    const big = unique('big');
    await run(serviceId, `CREATE STREAM orders (id STRING KEY, qty INT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=2, VALUE_FORMAT='JSON');`);
    await producer.send({
      topic: src,
      messages: [
        { key: 'a', value: '{"QTY":5}', partition: 0 },
        { key: 'b', value: 'this is not json', partition: 0 },
        { key: 'c', value: '{"QTY":"many"}', partition: 1 },
        { key: 'd', value: '{"QTY":7}', partition: 1 },
      ],
    });
    // This run's query drains the four records before the process exits.
    const created = await run(serviceId, `CREATE STREAM big WITH (KAFKA_TOPIC='${big}') AS SELECT id, qty FROM orders WHERE qty > 1;`);
    expect(created).toContain('query CSAS_BIG_1 is running');
    // Another process (its own data directory) sees the skipped records in the shared processing log.
    const out = await run(
      serviceId,
      `PAUSE CSAS_BIG_1;
       INSERT INTO orders (id, qty) VALUES ('e', 9);
       INSERT INTO orders (id, qty) VALUES ('f', 10);
       SELECT QUERY_ID, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET FROM EDDY_PROCESSING_LOG EMIT CHANGES LIMIT 2;
       SHOW QUERIES EXTENDED;
       DESCRIBE big EXTENDED;
       DESCRIBE orders EXTENDED;
       SHOW TOPICS EXTENDED;`,
    );
    const rows = out.split('\n').map((l) => l.replace(/\s+/g, ' '));
    expect(rows.filter((l) => l.startsWith('| CSAS_BIG_1 |') && l.includes(src)).sort()).toEqual([`| CSAS_BIG_1 | ${src} | 0 | 1 |`, `| CSAS_BIG_1 | ${src} | 1 | 0 |`]);
    // SHOW QUERIES EXTENDED: Skipped Records is the column after Sources.
    expect(rows.find((l) => l.startsWith('| CSAS_BIG_1 | PERSISTENT | PAUSED'))).toMatch(/\| ORDERS \| 2 \|/);
    expect(out).toContain('Skipped records of CSAS_BIG_1: 2 (see the processing log)');
    // Two records arrived while the query was paused: the lag of its consumer group, per partition.
    expect(out).toContain(`Consumer lag on '${src}' (each reading query's committed offset vs the partition's end offset):`);
    expect(out).toMatch(new RegExp(`CSAS_BIG_1 \\(consumer group eddy-${serviceId}-query-CSAS_BIG_1\\): total lag 2\\n`));
    const partitionLines = out.split('\n').filter((l) => /^ {4}partition \d: committed/.test(l));
    expect(partitionLines.map((l) => Number(/lag (\d+)/.exec(l)?.[1])).reduce((a, b) => a + b, 0)).toBe(2);
    expect(partitionLines.every((l) => /committed (\d+), end (\d+), lag (\d+)/.test(l))).toBe(true);
    for (const l of partitionLines) {
      const [, committed, end, lag] = /committed (\d+), end (\d+), lag (\d+)/.exec(l)!.map(Number);
      expect(end! - committed!).toBe(lag);
    }
    // The paused query has no consumer reading the topic, but its group still has committed offsets.
    // Topic | Partitions | Partition Replicas | Records | Partition End Offsets | Consumers | Consumer Groups | Consumer Queries.
    expect(rows.find((l) => l.startsWith(`| ${src} |`))).toBe(`| ${src} | 2 | 1 | 6 | 3, 3 | 0 | 1 | CSAS_BIG_1 |`);
  });
});
