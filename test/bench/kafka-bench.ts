// The Kafka rows of `npm run bench`: bids loaded into a real broker, W1, W3 and W4 through Eddy on Kafka and hand-written kafkajs loops.

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { EmbeddedLog, KafkaTopics, LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import type { KafkaMode } from './kafka-worker.js';
import type { WorkerResult } from './worker.js';

/** The workloads run on Kafka: two stateless ones, and W4's windowed count with its state on Kafka (kafka-window-count.ts). */
export const KAFKA_WORKLOADS = ['W1', 'W3', 'W4'] as const;

export interface KafkaReport {
  readonly id: string;
  readonly events: number;
  readonly correct: boolean;
  readonly outputRecords: number;
  readonly engine: WorkerResult;
  /** Eddy with `processing.guarantee = at_least_once` (W10: exactly-once's cost is engine ÷ engineAlo). */
  readonly engineAlo: WorkerResult;
  /** The kafkajs loop with one transaction per 500 records (outputs + input offsets): exactly-once, as Eddy's default. */
  readonly baselineEos: WorkerResult;
  /** The kafkajs loop with idempotent sends, then an offset commit: at-least-once. */
  readonly baselineAlo: WorkerResult;
  /** A fresh engine (exactly-once) fed bids live over an empty topic: emit latency (`emitLatencyMs`) only. */
  readonly engineLive: WorkerResult;
}

/** Bids sent live to each workload's fresh engine on Kafka (the live phase: kafka-worker.ts). */
const LIVE_BIDS = 2_000;

/** The bootstrap servers from `--brokers host:port` or KAFKA_BROKERS, or null. */
export function benchBrokers(argv: readonly string[]): string[] | null {
  const i = argv.indexOf('--brokers');
  const value = (i >= 0 ? argv[i + 1] : undefined) ?? process.env.KAFKA_BROKERS ?? '';
  const list = value.split(',').filter((b) => b.trim() !== '');
  return list.length === 0 ? null : list;
}

/** The first `events` bids of the loaded template, in their partitions, with their timestamps. */
function loadedBids(templateDir: string, events: number): { partition: number; timestamp: number; value: Buffer }[] {
  const db = openDataDirectory(templateDir, { log: LOG_MIGRATIONS });
  try {
    const reader = new EmbeddedLog(db).reader('bid', 'earliest');
    const out: { partition: number; timestamp: number; value: Buffer }[] = [];
    while (out.length < events) {
      const batch = reader.readAvailable(Math.min(50_000, events - out.length));
      if (batch.length === 0) break;
      for (const r of batch) out.push({ partition: r.partition, timestamp: r.timestamp, value: Buffer.from(r.value ?? new Uint8Array()) });
    }
    return out;
  } finally {
    db.close();
  }
}

function runKafkaWorker(mode: KafkaMode, id: string, brokers: string[], inTopic: string, outTopic: string, events: number, dataDir: string): WorkerResult {
  const worker = join(import.meta.dirname, 'kafka-worker.js');
  const profile = process.env.EDDY_BENCH_PROFILE === mode ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [];
  const out = execFileSync(process.execPath, [...profile, worker, mode, id, brokers.join(','), inTopic, outTopic, String(events), dataDir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as WorkerResult;
}

async function sortedValues(topics: KafkaTopics, topic: string): Promise<string[]> {
  return (await topics.readAll(topic)).map((r) => Buffer.from(r.value ?? new Uint8Array()).toString('utf8')).sort();
}

/**
 * Loads `events` bids into a fresh 2-partition topic, then for each workload runs Eddy exactly-once
 * and at-least-once (each its own sink topic) and the two kafkajs loops (their own output topics), each in its own process, and
 * checks the four outputs hold the same values. Deletes every topic it created, and the engine's own.
 */
export async function runKafkaBench(brokers: string[], templateDir: string, workDir: string, events: number, only: readonly string[] | null, say: (line: string) => void): Promise<KafkaReport[]> {
  const run = randomUUID().slice(0, 8);
  const kafka = new kafkajs.Kafka({ clientId: `bench-load-${run}`, brokers, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const created: string[] = [];
  const create = async (topic: string) => {
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
    created.push(topic);
  };
  const inspect = new KafkaTopics({ brokers, serviceId: `bench-inspect-${run}` });
  try {
    const bids = loadedBids(templateDir, events);
    const inTopic = `bench-bid-${run}`;
    await create(inTopic);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const t0 = performance.now();
    for (let i = 0; i < bids.length; i += 2_000) {
      const chunk = bids.slice(i, i + 2_000);
      await producer.sendBatch({
        topicMessages: [{ topic: inTopic, messages: chunk.map((b) => ({ partition: b.partition, timestamp: String(b.timestamp), value: b.value })) }],
      });
    }
    await producer.disconnect();
    say(`kafka: loaded ${bids.length} bids into ${inTopic} (${brokers.join(',')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const reports: KafkaReport[] = [];
    for (const id of KAFKA_WORKLOADS.filter((w) => only === null || only.includes(w))) {
      const dataDir = join(workDir, `kafka-${id}`);
      mkdirSync(dataDir, { recursive: true });
      mkdirSync(`${dataDir}-alo`, { recursive: true });
      const engineOut = `bench-out-${id}-${run}-engine`;
      const eosOut = `bench-out-${id}-${run}-eos`;
      const aloOut = `bench-out-${id}-${run}-alo`;
      await create(eosOut);
      await create(aloOut);
      if (id === 'W4') {
        // The loops' changelog topics, as the engine's: one partition, compacted.
        for (const out of [eosOut, aloOut]) {
          await admin.createTopics({ topics: [{ topic: `${out}-changelog`, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }], waitForLeaders: true });
          created.push(`${out}-changelog`);
        }
      }
      const started = performance.now();
      const baselineEos = runKafkaWorker('baseline-eos', id, brokers, inTopic, eosOut, bids.length, dataDir);
      const baselineAlo = runKafkaWorker('baseline-alo', id, brokers, inTopic, aloOut, bids.length, dataDir);
      const engine = runKafkaWorker('engine', id, brokers, inTopic, engineOut, bids.length, dataDir);
      created.push(engineOut);
      const engineAloOut = `bench-out-${id}-${run}-engine-alo`;
      const engineAlo = runKafkaWorker('engine-alo', id, brokers, inTopic, engineAloOut, bids.length, `${dataDir}-alo`);
      created.push(engineAloOut);
      // The live phase reads and writes topics of its own: the loaded topic stays as every worker found it.
      const liveIn = `bench-live-${id}-${run}`;
      const liveOut = `bench-out-${id}-${run}-engine-live`;
      await create(liveIn);
      const engineLive = runKafkaWorker('engine-live', id, brokers, liveIn, liveOut, LIVE_BIDS, `${dataDir}-live`);
      created.push(liveOut);
      const [e, ea, eos, alo] = [await sortedValues(inspect, engineOut), await sortedValues(inspect, engineAloOut), await sortedValues(inspect, eosOut), await sortedValues(inspect, aloOut)];
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
      const correct = e.length > 0 && same(e, eos) && same(e, alo) && same(e, ea);
      reports.push({ id, events: bids.length, correct, outputRecords: e.length, engine, engineAlo, baselineEos, baselineAlo, engineLive });
      say(`kafka ${id} ${correct ? 'correct' : 'WRONG'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    return reports;
  } finally {
    await inspect.close();
    // The engine workers' own topics (command topic, changelogs): their service id is their sink topic.
    const internal = (await admin.listTopics().catch(() => [] as string[])).filter((t) => t.startsWith('_eddy-bench-out-') && t.includes(`-${run}-engine`));
    const doomed = [...created, ...internal];
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed }).catch(() => undefined);
    await admin.disconnect();
  }
}
