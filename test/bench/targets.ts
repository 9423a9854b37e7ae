// The targets of performance.md §7.2 and the issue, checked against a run's reports: met or not, with the measured figure.

import type { KafkaReport } from './kafka-bench.js';
import type { RecoveryReport } from './recovery.js';
import type { WorkerResult } from './worker.js';

/** One target and what this run measured for it. */
export interface TargetCheck {
  readonly workload: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** What the checks read of an embedded-log workload's report. */
export interface TargetInput {
  readonly id: string;
  readonly engine: WorkerResult & { readonly eventsPerCpuSecond: number };
  readonly ratioToBaseline: number;
}

/** Input events per engine CPU-second (§7.2, one engine core, embedded log, JSON). */
const EVENTS_PER_CPU_SECOND: Readonly<Record<string, number>> = {
  W0: 300_000,
  W1: 150_000,
  W2: 150_000,
  W3: 250_000,
  W4: 150_000,
  W5: 75_000,
  W6: 50_000,
  W7: 150_000,
  W8: 120_000,
  W9: 100_000,
};

/** Emit latency p99 in ms (§7.2; the live phase's, after the window could close for windowed ones). */
const EMIT_P99_MS: Readonly<Record<string, number>> = { W1: 50, W2: 50, W3: 50, W4: 100, W5: 100, W6: 150, W7: 50, W8: 50 };

/** Peak RSS in MB (§7.2). */
const PEAK_RSS_MB: Readonly<Record<string, number>> = { W1: 250, W2: 250, W4: 512 };

const k = (n: number): string => `${(n / 1000).toFixed(0)}K`;
const ms = (n: number): string => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** Every target this run's reports bear on; the absolute figures hold for the full run (`--quick` is mostly V8 warming up). */
export function checkTargets(reports: readonly TargetInput[], recovery: RecoveryReport | null, kafka: readonly KafkaReport[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  const check = (workload: string, target: string, measured: string, met: boolean) => out.push({ workload, target, measured, met });
  for (const r of reports) {
    const rate = EVENTS_PER_CPU_SECOND[r.id];
    if (rate !== undefined) check(r.id, `≥ ${k(rate)} events/CPU-s`, k(r.engine.eventsPerCpuSecond), r.engine.eventsPerCpuSecond >= rate);
    check(r.id, 'within 2× of the hand-written loop', `${r.ratioToBaseline.toFixed(2)}×`, r.ratioToBaseline >= 0.5);
    const p99 = EMIT_P99_MS[r.id];
    const emit = r.engine.emitLatencyMs;
    if (p99 !== undefined && emit !== undefined && !Number.isNaN(emit.p99)) check(r.id, `emit p99 ≤ ${p99} ms`, ms(emit.p99), emit.p99 <= p99);
    const rss = PEAK_RSS_MB[r.id];
    if (rss !== undefined) check(r.id, `peak RSS ≤ ${rss} MB`, `${r.engine.peakRssMb.toFixed(0)} MB`, r.engine.peakRssMb <= rss);
    const pull = r.engine.pullLatencyMs;
    if (pull !== undefined) check(r.id, 'pull p99 ≤ 5 ms', ms(pull.p99), pull.p99 <= 5);
    const bytes = r.engine.sqliteBytesPerKey;
    if (bytes !== undefined) check(r.id, 'SQLite ≤ 100 bytes/key', `${bytes.toFixed(0)} B`, bytes <= 100);
  }
  if (recovery !== null) check('W11', 'lag 0 ≤ 10 s after kill -9, nothing lost or repeated', `${ms(recovery.recoveryMs)}, ${recovery.correct ? 'exact' : 'NOT exact'}`, recovery.recoveryMs <= 10_000 && recovery.correct);
  for (const r of kafka) {
    const perCpu = (w: WorkerResult) => w.inputEvents / w.cpuSeconds;
    const vsLoop = perCpu(r.engine) / perCpu(r.baselineEos);
    check(`${r.id} on Kafka`, '≥ 0.75× the exactly-once kafkajs loop', `${vsLoop.toFixed(2)}×`, vsLoop >= 0.75);
    const eosCost = perCpu(r.engine) / perCpu(r.engineAlo);
    check(`W10 (${r.id})`, 'exactly-once ≥ 70 % of at-least-once', `${(eosCost * 100).toFixed(0)} %`, eosCost >= 0.7);
  }
  return out;
}

/** The checks as lines, in workload order, under a count of those met. */
export function targetsText(checks: readonly TargetCheck[]): string {
  const widths = [0, 1, 2].map((i) => Math.max(...checks.map((c) => [c.workload, c.target, c.measured][i]?.length ?? 0)));
  const lines = checks.map((c) => `  ${c.workload.padEnd(widths[0] ?? 0)}  ${c.target.padEnd(widths[1] ?? 0)}  ${c.measured.padEnd(widths[2] ?? 0)}  ${c.met ? 'met' : 'NOT MET'}`);
  const met = checks.filter((c) => c.met).length;
  return `Targets (performance.md §7.2; the absolute ones are for the full run, not --quick): ${met} of ${checks.length} met\n${lines.join('\n')}\n`;
}
