// commit.interval.ms on Kafka: several batches share one transaction, and kill -9 in the middle of one loses and repeats nothing.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SinkRecord, SourceRecord } from '../../src/exec/index.js';
import { compareExactlyOnce, startCli, type CliProcess } from './cli-process.js';
import { bigintKey, committedInput, kafkaTestContext, keyNumber, runOnKafka, utf8, utf8Text as text, waitUntil } from './kafka-group.js';
import { BROKERS, NO_KAFKA, unique } from './kafka-test-broker.js';

/**
 * What the offsets of a topic's committed records (read_committed) say about the transactions that
 * wrote them, per partition: each committed transaction ends with a commit marker, so a gap of one
 * offset before the next committed record (or the end) is a marker; a wider gap also holds records
 * of an aborted transaction and its abort marker.
 */
function transactionsOf(records: readonly SourceRecord[], ends: ReadonlyMap<number, number>): { committed: number; abortedGaps: number } {
  let committed = 0;
  let abortedGaps = 0;
  const byPartition = new Map<number, number[]>();
  for (const r of records) {
    const offsets = byPartition.get(r.partition);
    if (offsets === undefined) byPartition.set(r.partition, [r.offset]);
    else offsets.push(r.offset);
  }
  for (const [p, offsets] of byPartition) {
    offsets.sort((a, b) => a - b);
    const bounds = [...offsets, ends.get(p) ?? 0];
    for (let i = 1; i < bounds.length; i++) {
      const gap = bounds[i]! - bounds[i - 1]! - 1;
      if (gap >= 1) committed++;
      if (gap >= 3) abortedGaps++;
    }
  }
  return { committed, abortedGaps };
}

describe.skipIf(NO_KAFKA)('commit.interval.ms on Kafka (real broker)', () => {
  const kafka = kafkaTestContext('eddy-kafka-commit-interval-');

  async function appendRows(topic: string, first: number, count: number, value: (n: number) => string): Promise<void> {
    for (let from = first; from < first + count; from += 10_000) {
      const records: SinkRecord[] = [];
      for (let n = from; n < Math.min(first + count, from + 10_000); n++) records.push({ topic, timestamp: 1_000 + n, key: bigintKey(n), value: utf8(value(n)) });
      await kafka.inspector.append(records);
    }
  }

  /**
   * Keeps appending rows `from`, `from + 1`, … in chunks until `stop()` (or `max` rows), so a query
   * reading the topic always has input waiting however fast the machine; `stop()` resolves to the
   * number of rows appended.
   */
  function keepAppending(topic: string, from: number, max: number, value: (n: number) => string): { stop(): Promise<number> } {
    let stopped = false;
    let next = from;
    const running = (async () => {
      while (!stopped && next < from + max) {
        const chunk = Math.min(5_000, from + max - next);
        await appendRows(topic, next, chunk, value);
        next += chunk;
      }
    })();
    return {
      async stop() {
        stopped = true;
        await running;
        return next - from;
      },
    };
  }

  async function ends(topic: string): Promise<Map<number, number>> {
    return new Map((await kafka.admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)]));
  }

  it('puts several poll batches in one transaction; 0 commits every batch in its own', async () => {
    const serviceId = unique('interval');
    const src = unique('interval_src');
    const batched = unique('interval_batched');
    const single = unique('interval_single');
    const count = 2_000;
    await runOnKafka(kafka.dir, serviceId, `CREATE STREAM src (id BIGINT KEY, n INT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=1, VALUE_FORMAT='JSON');`);
    await appendRows(src, 0, count, (n) => `{"N":${n}}`);
    // Batches of 10 records: 200 batches per query.
    await runOnKafka(
      kafka.dir,
      serviceId,
      `SET 'max.poll.records' = '10';
       SET 'commit.interval.ms' = '5000';
       CREATE STREAM batched WITH (KAFKA_TOPIC='${batched}', PARTITIONS=1) AS SELECT id, n FROM src;
       SET 'commit.interval.ms' = '0';
       CREATE STREAM single WITH (KAFKA_TOPIC='${single}', PARTITIONS=1) AS SELECT id, n FROM src;`,
    );
    for (const q of ['CSAS_BATCHED_1', 'CSAS_SINGLE_2']) expect(await committedInput(kafka.admin, `eddy-${serviceId}-query-${q}`, src)).toBe(count);
    const batchedRecords = await kafka.inspector.readAll(batched);
    const singleRecords = await kafka.inspector.readAll(single);
    expect(batchedRecords).toHaveLength(count);
    expect(singleRecords).toHaveLength(count);
    const perBatch = transactionsOf(singleRecords, await ends(single));
    const perInterval = transactionsOf(batchedRecords, await ends(batched));
    process.stderr.write(`commit interval: ${perInterval.committed} transactions with 5000 ms, ${perBatch.committed} with 0, for 200 batches\n`);
    expect(perBatch.committed).toBeGreaterThanOrEqual(200);
    expect(perInterval.committed).toBeGreaterThanOrEqual(1);
    expect(perInterval.committed).toBeLessThanOrEqual(20);
    expect(perInterval.abortedGaps + perBatch.abortedGaps).toBe(0);
  }, 300_000);

  it('kill -9 in the middle of a transaction, restart on the same data directory: every output and every state update exactly once', async () => {
    const serviceId = unique('interval-kill');
    const src = unique('ik_src');
    const dst = unique('ik_dst');
    const counts = unique('ik_counts');
    const preloaded = 100_000;
    const keys = 50;
    await runOnKafka(
      kafka.dir,
      serviceId,
      `CREATE STREAM src (id BIGINT KEY, k INT, n INT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=1, VALUE_FORMAT='JSON');
       SET 'commit.interval.ms' = '5000';
       CREATE STREAM dst WITH (KAFKA_TOPIC='${dst}') AS SELECT id, n * 2 AS twice FROM src WHERE n % 7 <> 3;
       CREATE TABLE counts WITH (KAFKA_TOPIC='${counts}', CLEANUP_POLICY='delete') AS SELECT k, AS_VALUE(k) AS kk, COUNT(*) AS c, SUM(n) AS s FROM src GROUP BY k;`,
    );
    // Keys 1 … 50 (an INT key 0 in an aborted transaction is kafka-read-committed.test.ts's case).
    const row = (n: number): string => `{"K":${(n % keys) + 1},"N":${n}}`;
    await appendRows(src, 0, preloaded, row);
    const dataDir = path.join(kafka.dir, unique('data'));
    const serve = (): CliProcess => startCli(['serve', '--data-dir', dataDir, '--brokers', BROKERS!, '--service-id', serviceId]);
    const streamGroup = `eddy-${serviceId}-query-CSAS_DST_1`;
    const tableGroup = `eddy-${serviceId}-query-CTAS_COUNTS_2`;

    const first = serve();
    // Input keeps arriving until after the kill, so however fast the machine the queries are mid-stream then.
    const producer = keepAppending(src, preloaded, 200_000, row);
    // With 5 s intervals the first commits come 5 s after each query's first batch; the next transactions are open then.
    await waitUntil('both queries’ first commits', async () => (await committedInput(kafka.admin, streamGroup, src)) > 0 && (await committedInput(kafka.admin, tableGroup, src)) > 0, 240_000, [first]);
    await new Promise((r) => setTimeout(r, 1_000));
    const before = [await committedInput(kafka.admin, streamGroup, src), await committedInput(kafka.admin, tableGroup, src)];
    await first.kill9();
    const count = preloaded + (await producer.stop());
    expect(Math.max(...before)).toBeLessThan(count);

    const second = serve();
    await waitUntil(
      'every input committed by both queries',
      async () => (await committedInput(kafka.admin, streamGroup, src)) === count && (await committedInput(kafka.admin, tableGroup, src)) === count,
      400_000,
      [second],
    );
    // The killed process's local state was ahead of Kafka by its open transaction: it is rebuilt, not trusted.
    expect(second.stderr).toMatch(/Query CTAS_COUNTS_2 runs here now, on state rebuilt from changelog topic \S+ \(\d+ records\)/);
    second.signal('SIGTERM');
    expect((await second.waitForExit(60_000)).code, second.describe()).toBe(0);

    // The stream: every output exactly once (read_committed).
    const expected = Array.from({ length: count }, (_, n) => n)
      .filter((n) => n % 7 !== 3)
      .map((n) => `${n}|{"TWICE":${2 * n}}`);
    const dstRecords = await kafka.inspector.readAll(dst);
    const outcome = compareExactlyOnce(expected, dstRecords.map((r) => `${keyNumber(r.key)}|${text(r.value)}`));
    expect(outcome.missing.slice(0, 5)).toEqual([]);
    expect(outcome.duplicated.slice(0, 5)).toEqual([]);
    expect(outcome.unexpected.slice(0, 5)).toEqual([]);

    // The table: per key the updates count 1 … n once each, and end at the uninterrupted run's sums.
    const updates = new Map<number, { c: number[]; s: number }>();
    const countRecords = await kafka.inspector.readAll(counts);
    // The kill landed in an open transaction with records (of the stream query, the table query or both): they were aborted.
    const aborted = transactionsOf(dstRecords, await ends(dst)).abortedGaps + transactionsOf(countRecords, await ends(counts)).abortedGaps;
    expect(aborted, 'the kill landed in an open transaction with records').toBeGreaterThan(0);
    for (const r of countRecords) {
      const v = JSON.parse(text(r.value)) as { KK: number; C: number; S: number };
      const entry = updates.get(v.KK) ?? { c: [], s: 0 };
      entry.c.push(v.C);
      entry.s = v.S;
      updates.set(v.KK, entry);
    }
    const wrong: string[] = [];
    for (let k = 1; k <= keys; k++) {
      let c = 0;
      let s = 0;
      for (let n = k - 1; n < count; n += keys) {
        c++;
        s += n;
      }
      const got = updates.get(k);
      const cs = got?.c ?? [];
      const bad = cs.findIndex((x, i) => x !== i + 1);
      if (cs.length !== c || bad >= 0) wrong.push(`${k}: counts ${cs.slice(0, 3).join(',')}…${cs.slice(bad - 2, bad + 3).join(',')} at ${bad} (${cs.length}, want 1…${c})`);
      else if (got?.s !== s) wrong.push(`${k}: final sum ${got?.s} (want ${s})`);
    }
    expect(wrong.slice(0, 5), `${first.describe()}\n${second.describe()}`).toEqual([]);

    // The restarted process's local table (same data directory) is what Kafka committed.
    const pulled = (await runOnKafka(kafka.dir, serviceId, 'SELECT kk, c, s FROM counts;', { dataDir: path.basename(dataDir), timeoutMs: 180_000 })).stdout
      .split('\n')
      .filter((l) => /^\| \d/.test(l))
      .map((l) => l.split('|').slice(1, 4).map((x) => Number(x.trim())));
    expect(pulled).toHaveLength(keys);
    for (const [k, c, s] of pulled) expect({ k, c, s }).toEqual({ k, c: updates.get(k!)?.c.length, s: updates.get(k!)?.s });
    process.stderr.write(`commit interval kill: killed at ${before.join('/')} of ${count} inputs committed; every output and update exactly once\n`);
  }, 900_000);
});
