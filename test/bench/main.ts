// `npm run bench`: Nexmark workloads through Eddy and a hand-written baseline in the same run, gated on correctness.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { DATABASE_FILE, openDataDirectory } from '../../src/state/index.js';
import { groupBatchesFor } from './grouped-commits.js';
import { expectedRows, sameRows, topicRows } from './join-gate.js';
import { benchBrokers, runKafkaBench, type KafkaReport } from './kafka-bench.js';
import { loadNexmark } from './load-nexmark.js';
import { runRecovery, type RecoveryReport } from './recovery.js';
import type { WorkerResult } from './worker.js';
import { tableMatchesBatchSql } from './table-gate.js';
import { checkTargets, targetsText } from './targets.js';
import { workloadsFor, type BenchSettings } from './workloads.js';

interface Options {
  readonly events: number;
  readonly json: string | null;
  readonly only: readonly string[] | null;
  /** Events per second of event time (window workloads need several windows to close). */
  readonly rate: number;
  /** Events generated after the loaded ones, appended live to measure emit latency. */
  readonly live: number;
  /** Kafka bootstrap servers (`--brokers` or KAFKA_BROKERS): the Kafka rows run only with them. */
  readonly brokers: string[] | null;
  /** Bids loaded into Kafka for the Kafka rows. */
  readonly kafkaEvents: number;
  /** `--batch N`: the engine's `max.poll.records` and the baselines' batch (default 500). */
  readonly batch: number;
  /** `--commit-interval N`: the engine's `commit.interval.ms` (default 100); on the embedded log 0 commits every batch, on both sides. */
  readonly commitIntervalMs: number;
  /** `--w9-keys N`: W9 groups by an expression over bid fields with about N distinct values instead of by bidder. */
  readonly w9Keys: number | null;
  /** `--latency`: the open-loop phase's loads (percent of the drain rate) and spans; null without it. */
  readonly latency: { readonly loads: readonly number[]; readonly warmUpMs: number; readonly measureMs: number } | null;
}

function options(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    events: Number(value('--events') ?? (quick ? 80_000 : 2_000_000)),
    json: value('--json') ?? null,
    only: value('--only')?.split(',') ?? null,
    rate: Number(value('--rate') ?? 5_000),
    live: Number(value('--live') ?? (quick ? 40_000 : 150_000)),
    brokers: benchBrokers(argv),
    kafkaEvents: Number(value('--kafka-events') ?? (quick ? 30_000 : 500_000)),
    batch: Number(value('--batch') ?? 500),
    commitIntervalMs: Number(value('--commit-interval') ?? 100),
    w9Keys: value('--w9-keys') === undefined ? null : Number(value('--w9-keys')),
    // performance.md §7.1: 25/50/80 % of the drain rate, 5 minutes each after 1 minute of warm-up (--quick: 5 s after 1 s).
    latency: argv.includes('--latency')
      ? {
          loads: (value('--latency-loads') ?? '25,50,80').split(',').map(Number),
          warmUpMs: Number(value('--latency-warmup') ?? (quick ? 1 : 60)) * 1000,
          measureMs: Number(value('--latency-seconds') ?? (quick ? 5 : 300)) * 1000,
        }
      : null,
  };
}

interface WorkloadReport {
  readonly id: string;
  readonly name: string;
  readonly correct: boolean;
  readonly outputRecords: number;
  readonly engine: WorkerResult & { readonly eventsPerCpuSecond: number; readonly eventsPerWallSecond: number };
  readonly baseline: WorkerResult & { readonly eventsPerCpuSecond: number; readonly eventsPerWallSecond: number };
  /** How the gate checked: the baseline's output topic, or SQLite batch SQL over the input. */
  readonly gate: string;
  /** Engine events per CPU-second ÷ the baseline's: 1.0 means as fast as the hand-written loop. */
  readonly ratioToBaseline: number;
}

function runWorker(mode: 'engine' | 'baseline', id: string, dataDir: string, inputEvents: number, liveFile: string, settings: BenchSettings): WorkerResult {
  const worker = join(import.meta.dirname, 'worker.js');
  const profile = process.env.EDDY_BENCH_PROFILE === mode ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [];
  const out = execFileSync(process.execPath, [...profile, worker, mode, id, dataDir, String(inputEvents), liveFile, JSON.stringify(settings)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as WorkerResult;
}

/** The values a topic holds (up to `ends`), as canonical JSON (sorted fields), sorted: order across partitions may differ. */
function topicValues(dataDir: string, topic: string, ends?: Record<string, number>): string[] {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const reader = log.reader(topic, 'earliest');
  const values: string[] = [];
  for (;;) {
    const batch = reader.readAvailable(50_000);
    if (batch.length === 0) break;
    for (const r of batch) {
      if (ends !== undefined && r.offset >= (ends[String(r.partition)] ?? Infinity)) continue;
      const parsed = JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as Record<string, unknown>;
      values.push(JSON.stringify(Object.fromEntries(Object.entries(parsed).sort(([a], [b]) => a.localeCompare(b)))));
    }
  }
  db.close();
  return values.sort();
}

function withRates(r: WorkerResult) {
  return { ...r, eventsPerCpuSecond: r.inputEvents / r.cpuSeconds, eventsPerWallSecond: r.inputEvents / r.wallSeconds };
}

function latencyText(r: WorkerResult): string {
  const ms = (n: number | null) => (n === null || Number.isNaN(n) ? 'n/a' : `${n.toFixed(n < 10 ? 1 : 0)} ms`);
  const parts: string[] = [];
  if (r.emitLatencyMs !== undefined) parts.push(`emit p50 ${ms(r.emitLatencyMs.p50)} p99 ${ms(r.emitLatencyMs.p99)} (${r.emitLatencyMs.count} ${r.emitLatencyMs.of})`);
  if (r.pullLatencyMs !== undefined) parts.push(`pull p50 ${ms(r.pullLatencyMs.p50)} p99 ${ms(r.pullLatencyMs.p99)} (${r.pullLatencyMs.queries} queries; p99 ${ms(r.pullLatencyMs.p99Warm)} without the first ${r.pullLatencyMs.warmUp})`);
  if (r.sqliteBytesPerKey !== undefined) parts.push(`${r.sqliteBytesPerKey.toFixed(0)} B/key`);
  return parts.join(', ');
}

/** The open-loop latency levels of every workload (`--latency`). */
function openLoopTable(reports: readonly WorkloadReport[], l: NonNullable<Options['latency']>): string {
  const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(n < 10 ? 1 : 0));
  const header = ['workload', 'load', 'offered ev/s', 'appended ev/s', 'engine CPU', 'outputs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const rows = reports.flatMap((r) =>
    (r.engine.openLoop ?? []).map((o) => [
      r.id,
      `${o.loadPercent} %`,
      o.offeredRate.toFixed(0),
      o.appendedRate.toFixed(0),
      `${(o.engineCpuShare * 100).toFixed(0)} %`,
      String(o.outputs),
      ms(o.p50),
      ms(o.p95),
      ms(o.p99),
      ms(o.max),
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return (
    `Open-loop latency: input appended by another process at a share of each engine's drain rate (wall ev/s), ${l.warmUpMs / 1000} s warm-up then ${l.measureMs / 1000} s measured per level; ` +
    `latency = output visible − input appended (windowed: − the append that let the window close)\n${line(header)}\n${rows.map(line).join('\n')}\n`
  );
}

/** W11's lines: recovery after kill -9 under live input, and its gate. */
function recoveryText(r: RecoveryReport): string {
  return (
    `W11 recovery (W9's table, embedded log): kill -9 after ${r.keysAtKill} keys with ${r.lagAtKill} bids uncommitted, live input ${r.liveRate} bids/s (half the drain rate; lag 0 in ${(r.steadyZeroLagShare * 100).toFixed(0)}% of samples before the kill)\n` +
    `  restarted: first commit ${r.firstCommitMs.toFixed(0)} ms after the kill, lag 0 after ${r.recoveryMs.toFixed(0)} ms (peak lag ${r.peakLag} bids)\n` +
    `  correct: ${r.correct ? 'yes' : 'NO'}: ${r.gate}\n`
  );
}

/** The Kafka rows: Eddy on Kafka against the kafkajs loops, exactly-once and at-least-once. */
function kafkaTable(reports: readonly KafkaReport[], brokers: readonly string[]): string {
  const k = (n: number) => `${(n / 1000).toFixed(0)}K`;
  const perCpu = (r: WorkerResult) => r.inputEvents / r.cpuSeconds;
  const perWall = (r: WorkerResult) => r.inputEvents / r.wallSeconds;
  const header = ['workload', 'correct', 'engine ev/CPU-s', 'engine ev/wall-s', 'kafkajs EOS ev/CPU-s', 'engine/EOS', 'kafkajs ALO ev/CPU-s', 'engine/ALO', 'EOS ev/wall-s', 'engine ALO ev/CPU-s', 'W10 engine EOS/ALO', 'peak RSS MB', 'engine emit p50/p99 (live)', 'first live chunk'];
  const rows = reports.map((r) => [
    r.id === 'W4' ? 'W4 on Kafka (EMIT CHANGES)' : `${r.id} on Kafka`,
    `${r.correct ? 'yes' : 'NO'} (${r.outputRecords} records)`,
    k(perCpu(r.engine)),
    k(perWall(r.engine)),
    k(perCpu(r.baselineEos)),
    (perCpu(r.engine) / perCpu(r.baselineEos)).toFixed(2),
    k(perCpu(r.baselineAlo)),
    (perCpu(r.engine) / perCpu(r.baselineAlo)).toFixed(2),
    k(perWall(r.baselineEos)),
    k(perCpu(r.engineAlo)),
    (perCpu(r.engine) / perCpu(r.engineAlo)).toFixed(2),
    r.engine.peakRssMb.toFixed(0),
    r.engineLive.emitLatencyMs === undefined ? '' : `${r.engineLive.emitLatencyMs.p50.toFixed(0)} / ${r.engineLive.emitLatencyMs.p99.toFixed(0)} ms (${r.engineLive.emitLatencyMs.count} of ${r.engineLive.inputEvents})`,
    r.engineLive.firstOutputMs === undefined ? '' : `${r.engineLive.firstOutputMs.toFixed(0)} ms`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return `Kafka (${brokers.join(',')}): ${reports[0]?.events ?? 0} bids, 2 partitions, engine = Eddy --brokers (exactly_once_v2; engine ALO: at_least_once), EOS/ALO = hand-written kafkajs loops\n${line(header)}\n${rows.map(line).join('\n')}\n`;
}

const opts = options(process.argv.slice(2));
const root = mkdtempSync(join(tmpdir(), 'eddy-bench-'));
try {
  const template = join(root, 'template');
  const t0 = performance.now();
  const { counts, live } = loadNexmark(template, opts.events, opts.rate, opts.live);
  const liveFile = join(root, 'live-events.json');
  writeFileSync(liveFile, JSON.stringify(live));
  process.stderr.write(`loaded ${opts.events} Nexmark events (${counts.bid} bids) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const reports: WorkloadReport[] = [];
  const latency = opts.latency === null ? null : { ...opts.latency, skip: opts.events + opts.live, eventsPerSecond: opts.rate };
  const settings: BenchSettings = { batch: opts.batch, commitIntervalMs: opts.commitIntervalMs, w9Keys: opts.w9Keys, latency };
  for (const workload of workloadsFor(settings).filter((w) => opts.only === null || opts.only.includes(w.id))) {
    const copy = (name: string) => {
      const dir = join(root, `${workload.id}-${name}`);
      mkdirSync(dir);
      copyFileSync(join(template, DATABASE_FILE), join(dir, DATABASE_FILE));
      return dir;
    };
    const baselineDir = copy('baseline');
    const engineDir = copy('engine');
    const started = performance.now();
    const inputEvents = workload.inputTopics.reduce((n, t) => n + counts[t], 0);
    const baseline = withRates(runWorker('baseline', workload.id, baselineDir, inputEvents, liveFile, settings));
    const engine = withRates(runWorker('engine', workload.id, engineDir, inputEvents, liveFile, settings));
    // The correctness gate: no number counts unless the engine's output equals an independent computation.
    let correct: boolean;
    let outputRecords: number;
    let gate: string;
    if (workload.kind === 'table') {
      const check = tableMatchesBatchSql(engineDir, workload.key);
      correct = check.correct;
      outputRecords = check.keys;
      gate = `SQLite table = batch SQL (${check.keys} keys)`;
    } else if (workload.kind === 'join') {
      // Batch SQL reads the loaded input only (the template): the live phase appended more to the engine's copy.
      const expected = expectedRows(template, workload.expectedSql);
      const actual = topicRows(engineDir, 'OUT', engine.gateEnd);
      const baselineRows = topicRows(baselineDir, 'BASELINE_OUT');
      outputRecords = actual.length;
      if (workload.gate === 'batch-sql') {
        correct = expected.length > 0 && sameRows(expected, actual) && sameRows(expected, baselineRows);
        gate = `topic = batch SQL = baseline (${expected.length} rows; engine ${actual.length}, baseline ${baselineRows.length})`;
      } else {
        correct = actual.length > 0 && sameRows(baselineRows, actual);
        gate = `topic = baseline (${actual.length} rows, as a multiset; read-order independent batch SQL: ${expected.length})`;
      }
    } else {
      const expected = topicValues(baselineDir, 'BASELINE_OUT');
      const actual = topicValues(engineDir, 'OUT', engine.gateEnd);
      correct = expected.length === actual.length && expected.every((v, i) => v === actual[i]);
      outputRecords = actual.length;
      gate = `topic = baseline (${actual.length} records)`;
    }
    reports.push({ id: workload.id, name: workload.name, correct, gate, outputRecords, engine, baseline, ratioToBaseline: engine.eventsPerCpuSecond / baseline.eventsPerCpuSecond });
    rmSync(baselineDir, { recursive: true });
    rmSync(engineDir, { recursive: true });
    process.stderr.write(`${workload.id} ${correct ? 'correct' : 'WRONG'} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  const k = (n: number) => `${(n / 1000).toFixed(0)}K`;
  const rows = reports.map((r) => [
    r.id,
    r.name,
    `${r.correct ? 'yes' : 'NO'}: ${r.gate}`,
    k(r.engine.eventsPerCpuSecond),
    k(r.engine.eventsPerWallSecond),
    k(r.baseline.eventsPerCpuSecond),
    r.ratioToBaseline.toFixed(2),
    r.engine.peakRssMb.toFixed(0),
    latencyText(r.engine),
  ]);
  const header = ['workload', 'what', 'correct', 'engine ev/CPU-s', 'engine ev/wall-s', 'baseline ev/CPU-s', 'engine/baseline', 'peak RSS MB', 'latency / state'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`\nEddy benchmark: ${opts.events} Nexmark events at ${opts.rate} ev/s of event time, embedded log, JSON, batches of ${opts.batch} records committed ${opts.commitIntervalMs > 0 ? `in groups of up to ${groupBatchesFor(opts.commitIntervalMs)}` : 'one by one'} (engine and baseline in this run)\n`);
  process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
  if (opts.latency !== null) process.stdout.write(`\n${openLoopTable(reports, opts.latency)}`);
  let recovery: RecoveryReport | null = null;
  const table = workloadsFor(settings).find((w) => w.kind === 'table');
  if ((opts.only === null || opts.only.includes('W11')) && table?.kind === 'table') {
    recovery = await runRecovery(template, root, table, live, opts.batch, (l) => process.stderr.write(`${l}\n`));
    process.stdout.write(`\n${recoveryText(recovery)}`);
  }
  let kafka: KafkaReport[] = [];
  if (opts.brokers === null) {
    process.stdout.write('Kafka rows skipped: no brokers (pass --brokers host:port or set KAFKA_BROKERS; `npm run kafka` starts one)\n');
  } else {
    kafka = await runKafkaBench(opts.brokers, template, root, opts.kafkaEvents, opts.only, (l) => process.stderr.write(`${l}\n`));
    process.stdout.write(`\n${kafkaTable(kafka, opts.brokers)}`);
  }
  const targets = checkTargets(reports, recovery, kafka);
  process.stdout.write(`\n${targetsText(targets)}`);
  process.stdout.write(`bench wall time ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  if (opts.json !== null) writeFileSync(opts.json, `${JSON.stringify({ events: opts.events, counts, reports, recovery, kafka, targets }, null, 2)}\n`);
  if (reports.some((r) => !r.correct) || recovery?.correct === false || kafka.some((r) => !r.correct)) {
    process.stderr.write('correctness gate FAILED: an engine output differs from the baseline\n');
    process.exitCode = 1;
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
