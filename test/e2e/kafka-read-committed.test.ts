// read_committed through Eddy (real broker): an aborted transaction's records never reach a query, an INT key 0 among them included.

// Eddy first: it loads kafkajs with the fixed filter before anything else here loads kafkajs.
import { KafkaTopics } from '../../src/io/index.js';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, makeTempDir, removeDir } from './cli-process.js';
import { runOnKafka, tableRows } from './kafka-group.js';
import { brokerList, NO_KAFKA, unique } from './kafka-test-broker.js';

const intKey = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe.skipIf(NO_KAFKA)('read_committed (real broker)', () => {
  let dir: string | undefined;

  beforeAll(() => {
    dir = makeTempDir('eddy-kafka-read-committed-');
  });

  afterAll(async () => {
    await killAll();
    removeDir(dir);
  });

  /** A topic with a committed transaction, an aborted one (keys 1, 0, 3, 0, 5) and another committed one. */
  async function topicWithAbortedTransaction(): Promise<string> {
    const topic = unique('txn');
    const kafka = new kafkajs.Kafka({ brokers: brokerList(), logLevel: kafkajs.logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    await admin.disconnect();
    const producer = kafka.producer({ transactionalId: unique('txn-producer'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const send = async (rows: readonly (readonly [number, number])[], commit: boolean) => {
        const tx = await producer.transaction();
        await tx.send({ topic, messages: rows.map(([k, v]) => ({ key: intKey(k), value: JSON.stringify({ V: v }) })) });
        await (commit ? tx.commit() : tx.abort());
      };
      await send([[7, 1]], true);
      // kafkajs 2.2.4 took the key-0 record for the abort marker: it and the records after it leaked.
      await send([[1, 10], [0, 20], [3, 30], [0, 40], [5, 50]], false);
      await send([[0, 2], [9, 3]], true);
    } finally {
      await producer.disconnect();
    }
    return topic;
  }

  it('skips every record of an aborted transaction, one keyed INT 0 (the bytes of an abort marker) included', async () => {
    const topic = await topicWithAbortedTransaction();
    const result = await runOnKafka(
      dir!,
      unique('read-committed'),
      `CREATE STREAM s (k INT KEY, v INT) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON');
       SELECT k, v FROM s EMIT CHANGES LIMIT 3;`,
    );
    // In offset order the aborted records come first: any that leaked would be among the three rows.
    expect(tableRows(result.stdout)).toEqual(['| 7 | 1 |', '| 0 | 2 |', '| 9 | 3 |']);
  }, 120_000);

  it('reads committed records only through KafkaTopics in this process too', async () => {
    const topic = await topicWithAbortedTransaction();
    const topics = new KafkaTopics({ brokers: brokerList(), serviceId: unique('read-committed-inproc') });
    try {
      const values = (await topics.readAll(topic)).map((r) => `${Buffer.from(r.key ?? new Uint8Array()).readInt32BE()}=${Buffer.from(r.value ?? new Uint8Array()).toString()}`);
      expect(values).toEqual(['7={"V":1}', '0={"V":2}', '9={"V":3}']);
    } finally {
      await topics.close();
    }
  }, 120_000);
});
