// A benchmark worker process: runs one workload, through the engine or the hand-written baseline, and reports.

import { readFileSync } from 'node:fs';
import { Engine } from '../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { OffsetStore, openDataDirectory } from '../../src/state/index.js';
import { runCountBaseline, runTableBaseline } from './baseline-aggregate.js';
import { runJoinBaseline } from './baseline-join.js';
import { GroupedCommits, groupBatchesFor } from './grouped-commits.js';
import { liveLatency, type LiveEvent, type LiveLatency } from './live-latency.js';
import { openLoopLatency, type OpenLoopLevel } from './open-loop-latency.js';
import { DEFAULT_SETTINGS, NEXMARK_DDL, workloadsFor, type BenchSettings, type MapWorkload, type Workload } from './workloads.js';

export interface WorkerResult {
  readonly inputEvents: number;
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  /** The process's peak RSS by the end of the timed phase (the engine's: the live phase after it loads the harness's own events file). */
  readonly peakRssMb: number;
  /** Where `OUT` ended after the timed phase (partition → end offset): the gate reads up to there. */
  readonly gateEnd?: Record<string, number>;
  /** Wall ms from the live append of an input to its output being visible (windowed: of the input that closed the window). */
  readonly emitLatencyMs?: LiveLatency;
  /** W9: pull queries issued while ingesting. */
  readonly pullLatencyMs?: {
    readonly p50: number;
    readonly p99: number;
    readonly queries: number;
    /** p99 of the queries after the first `warmUp` (a fresh process still compiles its parse/plan path in those). */
    readonly p99Warm: number;
    readonly warmUp: number;
  };
  /** Tables: SQLite bytes (whole data directory pages used by the table and its index) per key. */
  readonly sqliteBytesPerKey?: number;
  /** `--latency`: the open-loop levels (input at a share of the drain rate from another process). */
  readonly openLoop?: readonly OpenLoopLevel[];
  /** Kafka's live phase: the slowest output of its first chunk (the partitions' first batches after assignment). */
  readonly firstOutputMs?: number;
}

/** Pull queries also left out of a second p99 as the process's first (its parser, analyzer and planner still cold). */
const PULL_WARM_UP = 20;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function runEngine(workload: Workload, dataDir: string, inputEvents: number, liveFile: string | undefined, settings: BenchSettings): Promise<WorkerResult> {
  const engine = Engine.open({ dataDir, logger: { info: () => undefined, warn: () => undefined }, properties: { 'max.poll.records': String(settings.batch), 'commit.interval.ms': String(settings.commitIntervalMs) } });
  for (const s of engine.parse(NEXMARK_DDL + (workload.ddl ?? ''))) await engine.execute(s);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of engine.parse(workload.sql)) await engine.execute(s);
  let pull: WorkerResult['pullLatencyMs'];
  if (workload.kind === 'table') {
    // Pull queries while the table ingests: one per event-loop turn the engine leaves free.
    const latencies: number[] = [];
    let draining = true;
    const drained = engine.drain().finally(() => (draining = false));
    let n = 0;
    while (draining) {
      await new Promise((resolve) => setImmediate(resolve));
      const key = workload.key.probe(n++);
      const q0 = performance.now();
      const [statement] = engine.parse(`SELECT * FROM out WHERE ${workload.key.column} = ${key};`);
      const result = statement === undefined ? null : await engine.execute(statement);
      if (result?.kind === 'query') await result.query.run(() => undefined);
      latencies.push(performance.now() - q0);
    }
    await drained;
    const warm = latencies.slice(PULL_WARM_UP).sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    pull = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), queries: latencies.length, p99Warm: percentile(warm, 99), warmUp: PULL_WARM_UP };
  } else {
    await engine.drain();
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const timed = result(inputEvents, cpu, wall);
  const gateEnd = outEnds(dataDir);
  let emitLatencyMs: WorkerResult['emitLatencyMs'];
  if (liveFile !== undefined) {
    emitLatencyMs = await liveLatency(engine, dataDir, JSON.parse(readFileSync(liveFile, 'utf8')) as LiveEvent[], workload);
  }
  const bytes = workload.kind === 'table' ? tableBytesPerKey(dataDir) : undefined;
  const openLoop = settings.latency === null ? undefined : await openLoopLatency(dataDir, workload, inputEvents / wall, settings.latency);
  await engine.close();
  return {
    ...timed,
    gateEnd,
    ...(emitLatencyMs === undefined ? {} : { emitLatencyMs }),
    ...(openLoop === undefined ? {} : { openLoop }),
    ...(pull === undefined ? {} : { pullLatencyMs: pull }),
    ...(bytes === undefined ? {} : { sqliteBytesPerKey: bytes }),
  };
}

/** The end offsets of `OUT` now (read through a second connection: the engine's is busy). */
function outEnds(dataDir: string): Record<string, number> {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  try {
    const ends = new EmbeddedLog(db).describeTopic('OUT')?.endOffsets ?? [];
    return Object.fromEntries(ends.map((end, p) => [String(p), end]));
  } finally {
    db.close();
  }
}

function tableBytesPerKey(dataDir: string): number {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  try {
    // Counted in SQL: loading a million rows into the worker would inflate its peak RSS.
    const keys = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM "OUT"').get()?.n ?? 0;
    const row = db.prepare<[], { bytes: number }>("SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name = 'OUT' OR name LIKE 'sqlite_autoindex_OUT%'").get();
    return keys === 0 ? NaN : (row?.bytes ?? 0) / keys;
  } catch {
    return NaN;
  } finally {
    db.close();
  }
}

/** The same work by hand: read → JSON.parse → filter/project → JSON.stringify → append, offsets in the same transaction. */
function runMapBaseline(workload: MapWorkload, dataDir: string, batch: number, groupBatches: number): WorkerResult {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const offsets = new OffsetStore(db);
  log.createTopic('BASELINE_OUT', 2, 0);
  const reader = log.reader(workload.inputTopics[0], 'earliest');
  const map = workload.baseline;
  const commits = new GroupedCommits(db, groupBatches);
  let inputEvents = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (;;) {
    const records = reader.readAvailable(batch);
    if (records.length === 0) break;
    inputEvents += records.length;
    const out: { topic: string; timestamp: number; key: null; value: Uint8Array }[] = [];
    for (const r of records) {
      if (r.value === null) continue;
      if (map === 'bytes') {
        out.push({ topic: 'BASELINE_OUT', timestamp: r.timestamp, key: null, value: r.value });
        continue;
      }
      const output = map(JSON.parse(Buffer.from(r.value).toString('utf8')) as Record<string, unknown>);
      if (output !== null) out.push({ topic: 'BASELINE_OUT', timestamp: r.timestamp, key: null, value: Buffer.from(JSON.stringify(output)) });
    }
    const positions = reader.positions();
    commits.write(() => {
      log.append(out);
      offsets.save('baseline', workload.inputTopics[0], positions);
    });
  }
  commits.end();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return result(inputEvents, cpu, wall);
}

function runBaseline(workload: Workload, dataDir: string, batch: number, groupBatches: number): WorkerResult {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let inputEvents: number;
  switch (workload.kind) {
    case 'map':
      return runMapBaseline(workload, dataDir, batch, groupBatches);
    case 'window-count':
      inputEvents = runCountBaseline(workload, dataDir, batch, groupBatches);
      break;
    case 'table':
      inputEvents = runTableBaseline(workload, dataDir, batch, groupBatches);
      break;
    case 'join':
      inputEvents = runJoinBaseline(workload, dataDir, batch, groupBatches);
      break;
  }
  return result(inputEvents, process.cpuUsage(cpu0), (performance.now() - t0) / 1000);
}

function result(inputEvents: number, cpu: NodeJS.CpuUsage, wallSeconds: number): WorkerResult {
  return {
    inputEvents,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const [mode, id, dataDir, events, liveFile, settingsJson] = process.argv.slice(2);
const settings: BenchSettings = settingsJson === undefined ? DEFAULT_SETTINGS : (JSON.parse(settingsJson) as BenchSettings);
const workload = workloadsFor(settings).find((w) => w.id === id);
if (workload === undefined || dataDir === undefined || (mode !== 'engine' && mode !== 'baseline')) {
  process.stderr.write('usage: worker engine|baseline <workload id> <data dir> <events> [live events file] [settings JSON]\n');
  process.exit(2);
}
const output = mode === 'engine' ? await runEngine(workload, dataDir, Number(events), liveFile, settings) : runBaseline(workload, dataDir, settings.batch, groupBatchesFor(settings.commitIntervalMs));
process.stdout.write(`${JSON.stringify(output)}\n`);
