// A Kafka benchmark worker process: one workload through Eddy on Kafka, or a hand-written kafkajs consume→produce loop.

import kafkajs from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Engine } from '../../src/engine/index.js';
import type { ProcessingGuarantee } from '../../src/io/index.js';
import { WindowCounts, windowCountSql } from './kafka-window-count.js';
import type { LiveLatency } from './live-latency.js';
import type { WorkerResult } from './worker.js';
import { WORKLOADS, type MapWorkload } from './workloads.js';

/** A workload the Kafka rows run: a stateless one of WORKLOADS, or W4's windowed count (kafka-window-count.ts). */
type KafkaWorkload = { readonly kind: 'map'; readonly w: MapWorkload } | { readonly kind: 'window-count' };

/** Eddy's default batch (`max.poll.records`): the baselines commit as often as the engine does. */
const BATCH = 500;

export type KafkaMode = 'engine' | 'engine-alo' | 'baseline-eos' | 'baseline-alo' | 'engine-live';

/** The live phase on Kafka: this many bids, in chunks of LIVE_CHUNK sent LIVE_PAUSE_MS apart. */
const LIVE_CHUNK = 100;
const LIVE_PAUSE_MS = 50;
/** Live bids' auction ids: multiples of 123 (so W3's filter keeps them), each its own, above the loaded ones. */
const LIVE_AUCTION_BASE = 123 * 100_000_000;

function result(inputEvents: number, cpu: NodeJS.CpuUsage, wallSeconds: number): WorkerResult {
  return { inputEvents, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** The workload's SQL with its sink on `outTopic` (and `bid` on `inTopic`), run through Eddy with `--brokers`. */
async function runEngine(w: KafkaWorkload, guarantee: ProcessingGuarantee, brokers: string[], inTopic: string, outTopic: string, events: number, dataDir: string): Promise<WorkerResult> {
  // The sink topic's name is unique per run: as the service id, it names the engine's own topics
  // (`_eddy-<sink>-commands`, changelogs) so the bench can delete them afterwards.
  const engine = Engine.open({ dataDir, brokers, serviceId: outTopic, logger: { info: () => undefined, warn: () => undefined }, properties: { 'processing.guarantee': guarantee } });
  const ddl = `CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, dateTime BIGINT, extra VARCHAR)
    WITH (KAFKA_TOPIC = '${inTopic}', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'JSON', TIMESTAMP = 'dateTime');`;
  for (const s of engine.parse(ddl)) await engine.execute(s);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sql = w.kind === 'map' ? w.w.sql.replace(/^CREATE STREAM out AS/i, `CREATE STREAM out WITH (KAFKA_TOPIC = '${outTopic}') AS`) : windowCountSql(outTopic);
  for (const s of engine.parse(sql)) await engine.execute(s);
  await engine.drain();
  const r = result(events, process.cpuUsage(cpu0), (performance.now() - t0) / 1000);
  await engine.close();
  return r;
}

/**
 * Emit latency on Kafka (exactly-once, `commit.interval.ms` 100): a fresh engine runs the workload
 * over an empty topic and is drained (its consumer group has its partitions); then `events` bids
 * are sent live, LIVE_CHUNK at a time every LIVE_PAUSE_MS, after a first chunk timed on its own;
 * a read_committed consumer of the sink topic takes each output's latency as the time it was
 * received minus the time its bid's chunk was sent (outputs name their bid's auction, unique per
 * live bid).
 */
async function runEngineLive(w: KafkaWorkload, brokers: string[], liveTopic: string, outTopic: string, events: number, dataDir: string): Promise<WorkerResult> {
  const engine = Engine.open({ dataDir, brokers, serviceId: outTopic, logger: { info: () => undefined, warn: () => undefined }, properties: { 'processing.guarantee': 'exactly_once_v2' } });
  const ddl = `CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, dateTime BIGINT, extra VARCHAR)
    WITH (KAFKA_TOPIC = '${liveTopic}', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'JSON', TIMESTAMP = 'dateTime');`;
  for (const s of engine.parse(ddl)) await engine.execute(s);
  const sql = w.kind === 'map' ? w.w.sql.replace(/^CREATE STREAM out AS/i, `CREATE STREAM out WITH (KAFKA_TOPIC = '${outTopic}') AS`) : windowCountSql(outTopic);
  for (const s of engine.parse(sql)) await engine.execute(s);
  await engine.drain();
  const id = randomUUID().slice(0, 8);
  const kafka = new kafkajs.Kafka({ clientId: `bench-live-${id}`, brokers, logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-live-${id}`, readUncommitted: false, maxWaitTimeInMs: 20, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  const producer = kafka.producer({ idempotent: true });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: outTopic, fromBeginning: true });
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let waitingFor = 0;
  let counted: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: ({ message }) => {
      const received = performance.now();
      const value = JSON.parse(message.value?.toString('utf8') ?? '{}') as { AUCTION?: number; A?: number };
      const sent = sentAt.get(value.AUCTION ?? value.A ?? -1);
      if (sent !== undefined) latencies.push(received - sent);
      if (latencies.length >= waitingFor) counted();
      return Promise.resolve();
    },
  });
  await joined;
  const t0 = Date.now();
  /** Sends bids `from` … `to` − 1 live and waits (up to 30 s) until the consumer has all their outputs. */
  const sendLive = async (from: number, to: number): Promise<void> => {
    waitingFor = latencies.length + (to - from);
    const all = new Promise<void>((resolve) => (counted = resolve));
    for (let i = from; i < to; i += LIVE_CHUNK) {
      const messages: { value: string; timestamp: string }[] = [];
      for (let j = i; j < Math.min(to, i + LIVE_CHUNK); j++) {
        const auction = LIVE_AUCTION_BASE + 123 * j;
        const dateTime = t0 + j;
        messages.push({ value: JSON.stringify({ auction, bidder: 1000 + (j % 100), price: 100 + j, channel: 'live', url: 'https://www.nexmark.com/live', dateTime, extra: '' }), timestamp: String(dateTime) });
      }
      const now = performance.now();
      for (let j = i; j < i + messages.length; j++) sentAt.set(LIVE_AUCTION_BASE + 123 * j, now);
      await producer.send({ topic: liveTopic, messages });
      await new Promise((resolve) => setTimeout(resolve, LIVE_PAUSE_MS));
    }
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  };
  // The first chunk meets each partition's first batch after its assignment (the engine then checks
  // the group's committed offset and readies its transactional producer): timed on its own.
  await sendLive(0, LIVE_CHUNK);
  const firstOutputMs = Math.max(...latencies);
  latencies.length = 0;
  await sendLive(LIVE_CHUNK, LIVE_CHUNK + events);
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  await engine.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const emitLatencyMs: LiveLatency = { p50: at(50), p99: at(99), count: latencies.length, of: 'records' };
  return { inputEvents: events, cpuSeconds: NaN, wallSeconds: NaN, peakRssMb: process.resourceUsage().maxRSS / 1024, emitLatencyMs, firstOutputMs };
}

/**
 * The loop a Node team writes by hand: a kafkajs consumer (read_committed, no auto-commit) and
 * producer; per 500 input records, JSON.parse → project/filter → JSON.stringify, then either one
 * transaction with the outputs and the input offsets (exactly-once, `baseline-eos`: one
 * transactional producer, as fencing matters only with several processes), or an idempotent send
 * followed by an offset commit (at-least-once, `baseline-alo`). The windowed count also sends the
 * counts a chunk changed to `changelogTopic` (a key's last count), in the transaction when there is one.
 */
async function runBaseline(
  w: KafkaWorkload,
  mode: 'baseline-eos' | 'baseline-alo',
  brokers: string[],
  inTopic: string,
  outTopic: string,
  changelogTopic: string,
  events: number,
): Promise<WorkerResult> {
  const map = w.kind === 'map' ? w.w.baseline : null;
  if (map === 'bytes') throw new Error('the Kafka baseline runs JSON workloads only');
  const counts = w.kind === 'window-count' ? new WindowCounts() : null;
  const id = randomUUID().slice(0, 8);
  const kafka = new kafkajs.Kafka({ clientId: `bench-${id}`, brokers, logLevel: kafkajs.logLevel.NOTHING });
  const groupId = `bench-baseline-${id}`;
  const eos = mode === 'baseline-eos';
  const producer = kafka.producer(eos ? { transactionalId: `bench-${id}`, idempotent: true, maxInFlightRequests: 1 } : { idempotent: true });
  const consumer = kafka.consumer({ groupId, readUncommitted: false, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic: inTopic, fromBeginning: true });
  let consumed = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
    consumer
      .run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async (payload) => {
          const { batch } = payload;
          for (let i = 0; i < batch.messages.length; i += BATCH) {
            const chunk = batch.messages.slice(i, i + BATCH);
            const messages: { value: string; timestamp: string }[] = [];
            for (const m of chunk) {
              if (m.value === null) continue;
              const input = JSON.parse(m.value.toString('utf8')) as Record<string, unknown>;
              if (counts !== null) {
                messages.push({ value: counts.add(input as { auction: number; dateTime: number }), timestamp: m.timestamp });
                continue;
              }
              const output = map?.(input) ?? null;
              if (output !== null) messages.push({ value: JSON.stringify(output), timestamp: m.timestamp });
            }
            const changelog = counts?.drainChangelog() ?? [];
            const last = chunk[chunk.length - 1]?.offset ?? batch.lastOffset();
            const offsets = { topics: [{ topic: inTopic, partitions: [{ partition: batch.partition, offset: String(Number(last) + 1) }] }] };
            if (eos) {
              // kafkajs 2.2.4 sometimes sees CONCURRENT_TRANSACTIONS right after a commit: abort and retry the chunk.
              for (let attempt = 1; ; attempt++) {
                const tx = await producer.transaction();
                try {
                  if (messages.length > 0) await tx.send({ topic: outTopic, messages });
                  if (changelog.length > 0) await tx.send({ topic: changelogTopic, messages: changelog });
                  await tx.sendOffsets({ consumerGroupId: groupId, ...offsets });
                  await tx.commit();
                  break;
                } catch (error) {
                  await tx.abort().catch(() => undefined);
                  if (attempt >= 5) throw error;
                }
              }
            } else {
              if (messages.length > 0) await producer.send({ topic: outTopic, messages });
              if (changelog.length > 0) await producer.send({ topic: changelogTopic, messages: changelog });
              await consumer.commitOffsets(offsets.topics[0]?.partitions.map((p) => ({ topic: inTopic, ...p })) ?? []);
            }
            payload.resolveOffset(last);
            consumed += chunk.length;
            await payload.heartbeat();
          }
          if (consumed >= events) resolve();
        },
      })
      .catch(reject);
  });
  const r = result(consumed, process.cpuUsage(cpu0), (performance.now() - t0) / 1000);
  await consumer.disconnect();
  await producer.disconnect();
  return r;
}

const [mode, id, brokerList, inTopic, outTopic, events, dataDir] = process.argv.slice(2);
const mapWorkload = WORKLOADS.find((w): w is MapWorkload => w.id === id && w.kind === 'map');
const workload: KafkaWorkload | undefined = id === 'W4' ? { kind: 'window-count' } : mapWorkload === undefined ? undefined : { kind: 'map', w: mapWorkload };
if (workload === undefined || brokerList === undefined || inTopic === undefined || outTopic === undefined || dataDir === undefined) {
  process.stderr.write('usage: kafka-worker engine|engine-alo|engine-live|baseline-eos|baseline-alo <workload id> <brokers> <input topic> <output topic> <events> <data dir>\n');
  process.exit(2);
}
const brokers = brokerList.split(',');
const output =
  mode === 'engine-live'
    ? await runEngineLive(workload, brokers, inTopic, outTopic, Number(events), dataDir)
    : mode === 'engine' || mode === 'engine-alo'
    ? await runEngine(workload, mode === 'engine' ? 'exactly_once_v2' : 'at_least_once', brokers, inTopic, outTopic, Number(events), dataDir)
    : await runBaseline(workload, mode === 'baseline-alo' ? 'baseline-alo' : 'baseline-eos', brokers, inTopic, outTopic, `${outTopic}-changelog`, Number(events));
process.stdout.write(`${JSON.stringify(output)}\n`);
