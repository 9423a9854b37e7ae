// Kafka adapters against a real broker: topic admin with settings, records round trip, partitioning, exactly-once commits.

import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SinkRecord, SourceRecord } from '../../src/exec/index.js';
import { KafkaTopics, partitionForKey } from '../../src/io/index.js';
import { KafkaConnection } from '../../src/io/kafka/kafka-connection.js';
import { KafkaFeed } from '../../src/io/kafka/kafka-feed.js';
import { brokerList, NO_KAFKA, unique } from './kafka-test-broker.js';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));
const rec = (topic: string, key: string | null, value: string | null, timestamp = 1_000): SinkRecord => ({
  topic,
  timestamp,
  key: key === null ? null : utf8(key),
  value: value === null ? null : utf8(value),
});
const brief = (r: SourceRecord): string => `${r.partition}:${text(r.key) ?? '-'}=${text(r.value) ?? '-'}@${r.timestamp}`;

describe.skipIf(NO_KAFKA)('Kafka topics (real broker)', () => {
  let topics: KafkaTopics;
  let admin: kafkajs.Admin;

  beforeAll(async () => {
    topics = new KafkaTopics({ brokers: brokerList(), serviceId: unique('io') });
    admin = new kafkajs.Kafka({ brokers: brokerList(), logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await topics?.close();
  });

  it('creates topics with partitions, replicas, retention and cleanup policy, lists, describes and deletes them', async () => {
    const name = unique('admin');
    await topics.createTopic(name, { partitions: 3, replicas: 1, retentionMs: 3_600_000, cleanupPolicy: 'compact' });
    expect(await topics.describeTopic(name)).toEqual({ name, partitions: 3, endOffsets: [0, 0, 0], replicas: 1 });
    expect((await topics.listTopics()).find((t) => t.name === name)).toEqual({ name, partitions: 3 });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms', 'cleanup.policy'] }],
    });
    const entries = Object.fromEntries((configs.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
    expect(entries).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
    await expect(topics.createTopic(name, { partitions: 1 })).rejects.toThrow(/already exists/);
    await topics.deleteTopic(name);
    expect(await topics.describeTopic(name)).toBeUndefined();
  });

  it('keeps working after another client deletes a topic it used (kafkajs would fail every metadata refresh after)', async () => {
    // Its own KafkaTopics: the deleted topic must be one its shared admin and producer knew.
    const own = new KafkaTopics({ brokers: brokerList(), serviceId: unique('heal') });
    try {
      const gone = unique('gone');
      const kept = unique('kept');
      for (const name of [gone, kept]) await own.createTopic(name, { partitions: 1 });
      await own.append([rec(gone, 'k', 'v1'), rec(kept, 'k', 'v1')]);
      expect((await own.describeTopic(gone))?.endOffsets).toEqual([1]);
      expect((await own.describeTopic(kept))?.endOffsets).toEqual([1]);
      await admin.deleteTopics({ topics: [gone] });
      // A call may fail once (the client that knew the topic is replaced then); the next ones work.
      const eventually = async <T>(what: () => Promise<T>): Promise<T> => {
        try {
          return await what();
        } catch {
          return what();
        }
      };
      await eventually(() => own.append([rec(kept, 'k', 'v2')]));
      expect((await eventually(() => own.describeTopic(kept)))?.endOffsets).toEqual([2]);
      expect((await own.readAll(kept)).map(brief)).toEqual(['0:k=v1@1000', '0:k=v2@1000']);
    } finally {
      await own.close();
    }
  }, 120_000);

  it('keeps key, value, timestamp and headers, and puts keyed records where the embedded log would', async () => {
    const name = unique('records');
    await topics.createTopic(name, { partitions: 4 });
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    await topics.append([...keys.map((k, i) => rec(name, k, `v${k}`, 1_000 + i)), { ...rec(name, 'a', null, 5), headers: [{ key: 'h1', value: utf8('x') }] }]);
    const read = await topics.readAll(name);
    expect(read).toHaveLength(9);
    for (const r of read) expect(r.partition).toBe(partitionForKey(r.key ?? new Uint8Array(), 4));
    expect(read.map(brief).sort()).toEqual([...keys.map((k, i) => `${partitionForKey(utf8(k), 4)}:${k}=v${k}@${1_000 + i}`), `${partitionForKey(utf8('a'), 4)}:a=-@5`].sort());
    const tombstone = read.find((r) => r.value === null);
    expect(tombstone?.headers?.map((h) => `${h.key}=${text(h.value)}`)).toEqual(['h1=x']);
  });

  it('commits outputs and input offsets in one transaction; a restarted query resumes after the last commit', async () => {
    const input = unique('in');
    const output = unique('out');
    await topics.createTopic(input, { partitions: 2 });
    await topics.createTopic(output, { partitions: 1 });
    await topics.append(Array.from({ length: 10 }, (_, i) => rec(input, `k${i}`, `${i}`)));
    const queryId = unique('Q');

    // First run: reads one batch, commits its outputs and offsets, then stops.
    const first = await topics.openQuery({ queryId, topics: [input], reset: 'earliest', guarantee: 'exactly_once_v2' });
    const reader = first.readers[0]!;
    let batch: readonly SourceRecord[] = [];
    while (batch.length === 0) batch = await reader.poll(3, 200);
    await first.committer!.commit(input, reader.positions(), () => batch.map((r) => rec(output, null, `out-${text(r.value)}`)));
    // A second batch whose transaction fails after processing: nothing of it may become visible.
    let second: readonly SourceRecord[] = [];
    while (second.length === 0) second = await reader.poll(100, 200);
    await expect(
      first.committer!.commit(input, reader.positions(), () => [...second.map((r) => rec(output, null, `lost-${text(r.value)}`)), rec('no-such-topic-' + unique('x'), null, 'boom')]),
    ).rejects.toThrow();
    await first.close();

    // Second run: the same consumer group resumes after the first batch; it processes everything else once.
    const again = await topics.openQuery({ queryId, topics: [input], reset: 'earliest', guarantee: 'exactly_once_v2' });
    const rest: SourceRecord[] = [];
    while (rest.length + batch.length < 10) {
      const more = await again.readers[0]!.poll(100, 200);
      if (more.length === 0) continue;
      await again.committer!.commit(input, again.readers[0]!.positions(), () => more.map((r) => rec(output, null, `out-${text(r.value)}`)));
      rest.push(...more);
    }
    await again.close();
    const processed = [...batch, ...rest].map((r) => text(r.value)).sort();
    expect(processed).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const out = (await topics.readAll(output)).map((r) => text(r.value)).sort();
    expect(out).toEqual(processed.map((v) => `out-${v}`).sort());
  });

  it('prepares a transactional feed\'s partitions when they are assigned, before any record arrives, and only once', async () => {
    const input = unique('assigned');
    await topics.createTopic(input, { partitions: 3 });
    const connection = new KafkaConnection({ brokers: brokerList(), serviceId: unique('feed') });
    const prepared: string[] = [];
    const feed = await KafkaFeed.open(connection, {
      groupId: unique('group'),
      topics: [input],
      reset: 'earliest',
      prepare: (topic, partition) => {
        prepared.push(`${topic}/${partition}`);
        return Promise.resolve();
      },
    });
    try {
      const deadline = Date.now() + 30_000;
      while (prepared.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect([...prepared].sort()).toEqual([0, 1, 2].map((p) => `${input}/${p}`));
      // The first batch of a prepared partition is read without preparing it again.
      await topics.append([rec(input, 'k', 'v')]);
      let read: readonly SourceRecord[] = [];
      while (read.length === 0 && Date.now() < deadline) read = await feed.poll(input, 10, 200);
      expect(read.map((r) => text(r.value))).toEqual(['v']);
      expect(prepared).toHaveLength(3);
    } finally {
      await feed.close();
      await connection.close();
    }
  });
});
