// W11 (recovery): kill -9 the engine at steady state under live input, restart it, and time how soon it is caught up again.

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SinkRecord } from '../../src/exec/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { DATABASE_FILE, OffsetStore, openDataDirectory } from '../../src/state/index.js';
import { decodeKey } from './join-gate.js';
import type { LiveEvent } from './live-latency.js';
import { tableMatchesBatchSql } from './table-gate.js';
import type { TableWorkload } from './workloads.js';

export interface RecoveryReport {
  readonly correct: boolean;
  /** What the gate checked and found. */
  readonly gate: string;
  /** Bids in the backlog the first process drains before the live phase, and the seconds it took. */
  readonly loaded: number;
  readonly initialDrainSeconds: number;
  /** Live bids per second of wall time (half the first drain's rate) and how many were appended. */
  readonly liveRate: number;
  readonly liveAppended: number;
  /** Before the kill: the share of lag samples (taken just before each append) that found lag 0. */
  readonly steadyZeroLagShare: number;
  /** Keys in the table when the process was killed, and bids not yet committed then. */
  readonly keysAtKill: number;
  readonly lagAtKill: number;
  /** From the kill: the restarted process's first commit, and the first lag sample of 0 (caught up). */
  readonly firstCommitMs: number;
  readonly recoveryMs: number;
  /** Lag at its highest after the kill (bids appended while no process ran, plus the uncommitted batch). */
  readonly peakLag: number;
}

/** How often the live producer appends (and samples lag just before). */
const TICK_MS = 20;
/** Live input at steady state before the kill, and after recovery before the input stops. */
const STEADY_MS = 2_000;
const AFTER_MS = 1_000;
/** Nothing in W11 may take longer than this; the run fails instead of hanging. */
const PHASE_LIMIT_MS = 10 * 60_000;

/**
 * Runs W9's table query in a child process over a copy of the loaded data directory. Once it has
 * drained the backlog, bids are appended live at half that rate; after two seconds the child is
 * killed with SIGKILL mid-stream and a new one started on the same directory while the input keeps
 * coming. Lag (the log's end minus the query's committed offsets) is sampled before every append;
 * recovery is the time from the kill to the first sample of 0. The gate then checks that nothing was
 * lost or applied twice: the table equals batch SQL over every bid in the log, and per key the
 * sink topic's counts only ever increase and end at the table's count.
 */
export async function runRecovery(template: string, workDir: string, w: TableWorkload, live: readonly LiveEvent[], batch: number, say: (line: string) => void): Promise<RecoveryReport> {
  const dir = join(workDir, 'W11');
  mkdirSync(dir);
  copyFileSync(join(template, DATABASE_FILE), join(dir, DATABASE_FILE));
  const bids = live.filter((e) => e.topic === 'bid');
  if (bids.length === 0) throw new Error('W11 needs live bids (--live)');
  const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
  // The producer shares the database with the engine process: wait for its write lock rather than fail.
  db.pragma('busy_timeout = 10000');
  const log = new EmbeddedLog(db);
  const offsets = new OffsetStore(db);
  const loaded = sum(log.describeTopic('bid')?.endOffsets ?? []);
  const committed = () => {
    const group = offsets.groups().find((g) => g.topic === 'bid')?.group;
    return group === undefined ? 0 : sum([...(offsets.load(group, 'bid')?.values() ?? [])]);
  };
  const lag = () => sum(log.describeTopic('bid')?.endOffsets ?? []) - committed();
  let child = startWorker(dir, 'create', w.sql, batch);
  const children = [child];
  try {
    const t0 = performance.now();
    await until(() => lag() === 0 && committed() > 0, 'the first drain');
    const initialDrainSeconds = (performance.now() - t0) / 1000;
    const liveRate = Math.max(100, Math.round((loaded / initialDrainSeconds) * 0.5));
    say(`W11: drained ${loaded} bids in ${initialDrainSeconds.toFixed(1)} s; live input at ${liveRate} bids/s`);

    // The live producer: appends what is due at `liveRate` each tick, sampling lag first. Bids repeat when the live ones run out.
    let appended = 0;
    const liveStart = performance.now();
    const tick = (): number => {
      const sampled = lag();
      const due = Math.floor(((performance.now() - liveStart) / 1000) * liveRate) - appended;
      if (due > 0) {
        const records: SinkRecord[] = [];
        for (let i = 0; i < due; i++) {
          const e = bids[(appended + i) % bids.length] as LiveEvent;
          records.push({ topic: 'bid', timestamp: e.t, key: null, value: Buffer.from(e.v) });
        }
        // IMMEDIATE: a deferred transaction that reads, then writes after the engine's commit, fails without waiting.
        db.transaction(() => log.append(records)).immediate();
        appended += due;
      }
      return sampled;
    };

    const steady: number[] = [];
    while (performance.now() - liveStart < STEADY_MS) {
      steady.push(tick());
      await sleep(TICK_MS);
    }
    // The kill lands just after an append, while the engine is most likely busy with it.
    tick();
    child.kill('SIGKILL');
    const keysAtKill = (db.prepare('SELECT COUNT(*) AS n FROM OUT').get() as { n: number }).n;
    const lagAtKill = lag();
    const committedAtKill = committed();
    await exited(child);
    const killedAt = performance.now();
    child = startWorker(dir, 'resume', w.sql, batch);
    children.push(child);
    let firstCommitMs = NaN;
    let recoveryMs = NaN;
    let peakLag = lagAtKill;
    while (Number.isNaN(recoveryMs)) {
      const sampled = tick();
      peakLag = Math.max(peakLag, sampled);
      // Only the restarted process commits after the kill: lag 0 counts once it has.
      const resumed = committed() > committedAtKill;
      if (Number.isNaN(firstCommitMs) && resumed) firstCommitMs = performance.now() - killedAt;
      if (sampled === 0 && resumed) recoveryMs = performance.now() - killedAt;
      else if (performance.now() - killedAt > PHASE_LIMIT_MS) throw new Error('W11: the restarted engine did not catch up');
      await sleep(TICK_MS);
    }
    const recoveredAt = performance.now();
    while (performance.now() - recoveredAt < AFTER_MS) {
      tick();
      await sleep(TICK_MS);
    }
    await until(() => lag() === 0, 'the final drain');
    child.kill('SIGTERM');
    await exited(child);

    const table = tableMatchesBatchSql(dir, w.key);
    const sink = sinkCountsConsistent(log, db, w.key.column);
    const correct = table.correct && sink.repeated === 0 && sink.mismatched === 0;
    const gate = `table = batch SQL over all ${loaded + appended} bids (${table.keys} keys: ${table.correct ? 'equal' : 'DIFFERENT'}); sink topic per key: ${sink.repeated} counts not increasing, ${sink.mismatched} final counts ≠ table`;
    return {
      correct,
      gate,
      loaded,
      initialDrainSeconds,
      liveRate,
      liveAppended: appended,
      steadyZeroLagShare: steady.filter((l) => l === 0).length / Math.max(1, steady.length),
      keysAtKill,
      lagAtKill,
      firstCommitMs,
      recoveryMs,
      peakLag,
    };
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    db.close();
  }
}

function startWorker(dir: string, mode: 'create' | 'resume', sql: string, batch: number): ChildProcess {
  const worker = join(import.meta.dirname, 'recovery-worker.js');
  const child = spawn(process.execPath, [worker, dir, mode, sql, String(batch)], { stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function until(done: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > PHASE_LIMIT_MS) throw new Error(`W11: timed out waiting for ${what}`);
    await sleep(TICK_MS);
  }
}

/**
 * Per key, the sink topic's counts `N` must strictly increase — a batch applied twice would repeat
 * or lower one — and the last must equal the table's count for that key (none missing, none extra).
 */
function sinkCountsConsistent(log: EmbeddedLog, db: ReturnType<typeof openDataDirectory>, column: string): { repeated: number; mismatched: number } {
  const last = new Map<string, number>();
  let repeated = 0;
  const reader = log.reader('OUT', 'earliest');
  for (;;) {
    const records = reader.readAvailable(50_000);
    if (records.length === 0) break;
    for (const r of records) {
      const key = JSON.stringify(decodeKey(r.key));
      const n = (JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as { N: number }).N;
      const before = last.get(key);
      if (before !== undefined && n <= before) repeated++;
      last.set(key, n);
    }
  }
  const table = db.prepare(`SELECT ${column}, N FROM OUT`).raw(true).all() as [unknown, number][];
  let mismatched = Math.abs(table.length - last.size);
  for (const [k, n] of table) if (last.get(JSON.stringify(k)) !== n) mismatched++;
  return { repeated, mismatched };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
