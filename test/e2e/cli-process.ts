// Helpers for the end-to-end tests: spawn the built `eddy` CLI, poll for conditions, read a data directory's database.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedLog } from '../../src/io/index.js';

/** The repository root (this file is test/e2e/cli-process.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI (`npm run build`, which `pretest` runs). */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running `node dist/cli/main.js …` child process, with its output collected. */
export class CliProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<Exit>;
  private out = '';
  private err = '';
  private exit: Exit | null = null;

  constructor(args: readonly string[], cwd: string) {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`npm run build\` first`);
    this.child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EDDY_DATA_DIR: undefined } });
    if (this.child.pid === undefined) throw new Error(`could not start eddy ${args.join(' ')}`);
    this.pid = this.child.pid;
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.out += chunk));
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.err += chunk));
    this.exited = new Promise<Exit>((resolve, reject) => {
      this.child.once('error', reject);
      // 'close' (not 'exit'): the output streams are complete by then.
      this.child.once('close', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    running.add(this);
    void this.exited.finally(() => running.delete(this)).catch(() => undefined);
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  /** Whether the process has not exited yet (as far as this test process has noticed). */
  isRunning(): boolean {
    return this.exit === null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends a signal (by pid) unless the process has already exited. */
  signal(sig: NodeJS.Signals): void {
    if (!this.isRunning()) return;
    try {
      process.kill(this.pid, sig);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }

  /** `kill -9`, then waits until the process is gone (and reaped, so its pid no longer exists). */
  async kill9(): Promise<Exit> {
    this.signal('SIGKILL');
    return this.exited;
  }

  /** Waits for the exit; after `timeoutMs`, kills the process and throws. */
  async waitForExit(timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`eddy (pid ${this.pid}) did not exit within ${timeoutMs} ms\n${this.describe()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } catch (e) {
      await this.kill9();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Throws (with the exit status and output) when the process is no longer running. */
  assertRunning(what: string): void {
    if (this.isRunning()) return;
    const code = this.exit?.code ?? this.child.exitCode;
    const sig = this.exit?.signal ?? this.child.signalCode;
    throw new Error(`${what} (pid ${this.pid}) should still run but exited (code ${code}, signal ${sig})\n${this.describe()}`);
  }

  describe(): string {
    return `--- stdout of pid ${this.pid}:\n${this.out}\n--- stderr of pid ${this.pid}:\n${this.err}`;
  }
}

/** Every CLI process started and not yet exited (to kill them all after a failed test). */
const running = new Set<CliProcess>();

export function startCli(args: readonly string[], cwd: string = REPO_ROOT): CliProcess {
  return new CliProcess(args, cwd);
}

/** Runs the CLI to completion (killing it after `timeoutMs`) and returns its exit and output. */
export async function runCli(args: readonly string[], timeoutMs = 30_000, cwd: string = REPO_ROOT): Promise<Exit & { stdout: string; stderr: string; pid: number }> {
  const p = startCli(args, cwd);
  const exit = await p.waitForExit(timeoutMs);
  return { ...exit, stdout: p.stdout, stderr: p.stderr, pid: p.pid };
}

/** Kills (`kill -9`, by pid) every CLI process the tests started that is still running, and waits for them. */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill9()));
}

/**
 * Polls `probe` every `intervalMs` until it returns something other than undefined, and returns
 * that; throws after `timeoutMs` with `what` (and the probe's last error, if it threw).
 */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
}

/** Whether a process with this pid exists (signal 0). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LogRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

/** Every record of an embedded-log topic (none when it does not exist yet), by partition and offset, through a connection of the test's own. */
export function topicRecords(db: Database.Database, topic: string): LogRecord[] {
  const log = new EmbeddedLog(db);
  if (log.describeTopic(topic) === undefined) return [];
  const reader = log.reader(topic, 'earliest');
  const out: LogRecord[] = [];
  for (;;) {
    const batch = reader.readAvailable(10_000);
    if (batch.length === 0) break;
    for (const r of batch) {
      out.push({ partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key === null ? null : Buffer.from(r.key), value: r.value === null ? null : Buffer.from(r.value) });
    }
  }
  return out.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** The number of records in an embedded-log topic (0 when it does not exist yet). */
export function topicRecordCount(db: Database.Database, topic: string): number {
  const row = db
    .prepare<[string], { n: number }>('SELECT COALESCE(SUM(b.last_offset - b.base_offset + 1), 0) AS n FROM eddy_log_batches b JOIN log_topics t ON t.id = b.topic_id WHERE t.name = ?')
    .get(topic);
  return row?.n ?? 0;
}

export interface Lease {
  readonly queryId: string;
  readonly owner: string;
  readonly host: string;
  readonly pid: number;
  readonly heartbeatAt: number;
}

/**
 * A separate, read-only connection to `<dataDir>/eddy.db`, to watch what the eddy processes do
 * (the database is in WAL mode: reading never blocks their writes).
 */
export class DataDirReader {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'eddy.db'), { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
  }

  /** The number of records in a topic (0 when it does not exist yet). */
  count(topic: string): number {
    return topicRecordCount(this.db, topic);
  }

  records(topic: string): LogRecord[] {
    return topicRecords(this.db, topic);
  }

  /** The end offset (next offset) of each partition of a topic. */
  endOffsets(topic: string): number[] {
    const description = new EmbeddedLog(this.db).describeTopic(topic);
    if (description === undefined) throw new Error(`no topic ${topic}`);
    return [...description.endOffsets];
  }

  /** The committed next offset of each partition of `topic` for a consumer group (a query id). */
  committedOffsets(group: string, topic: string): Map<number, number> {
    const rows = this.db
      .prepare<[string, string], { partition: number; next_offset: number }>(
        'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = ? AND topic = ? ORDER BY partition',
      )
      .all(group, topic);
    return new Map(rows.map((r) => [r.partition, r.next_offset]));
  }

  queryIds(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM catalog_queries ORDER BY id').all().map((r) => r.id);
  }

  leases(): Lease[] {
    return this.db
      .prepare<[], { query_id: string; owner: string; host: string; pid: number; heartbeat_at: number }>(
        'SELECT query_id, owner, host, pid, heartbeat_at FROM query_leases ORDER BY query_id',
      )
      .all()
      .map((r) => ({ queryId: r.query_id, owner: r.owner, host: r.host, pid: r.pid, heartbeatAt: r.heartbeat_at }));
  }

  lease(queryId: string): Lease | undefined {
    return this.leases().find((l) => l.queryId === queryId);
  }

  close(): void {
    this.db.close();
  }
}

/** A sink row of `SELECT id, <int> AS doubled, tag`: the KAFKA BIGINT key and the JSON value. */
export interface SinkRow {
  readonly id: bigint;
  readonly doubled: number;
  readonly tag: string;
}

export function decodeSinkRow(record: LogRecord): SinkRow {
  if (record.key === null || record.key.length !== 8) throw new Error(`record ${record.partition}@${record.offset}: expected an 8-byte KAFKA BIGINT key`);
  if (record.value === null) throw new Error(`record ${record.partition}@${record.offset}: no value`);
  const value = JSON.parse(record.value.toString('utf8')) as Record<string, unknown>;
  const { DOUBLED: doubled, TAG: tag } = value;
  if (typeof doubled !== 'number' || typeof tag !== 'string' || Object.keys(value).length !== 2) {
    throw new Error(`record ${record.partition}@${record.offset}: unexpected value ${record.value.toString('utf8')}`);
  }
  return { id: record.key.readBigInt64BE(0), doubled, tag };
}

export function sinkRowText(row: SinkRow): string {
  return `${row.id}|${row.doubled}|${row.tag}`;
}

/**
 * Compares multisets of rows (as text): what is missing, what is duplicated, what is unexpected.
 * Every list is empty exactly when `actual` holds every expected row exactly once.
 */
export function compareExactlyOnce(expected: readonly string[], actual: readonly string[]): { missing: string[]; duplicated: string[]; unexpected: string[] } {
  const want = new Map<string, number>();
  for (const e of expected) want.set(e, (want.get(e) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const a of actual) got.set(a, (got.get(a) ?? 0) + 1);
  const missing: string[] = [];
  const duplicated: string[] = [];
  const unexpected: string[] = [];
  for (const [row, n] of want) {
    const m = got.get(row) ?? 0;
    if (m < n) missing.push(row);
    if (m > n) duplicated.push(`${row} (x${m})`);
  }
  for (const [row, m] of got) if (!want.has(row)) unexpected.push(`${row} (x${m})`);
  return { missing, duplicated, unexpected };
}

/** The places where a partition's offsets do not run 0, 1, 2, … (a gap or a repeat); empty when they all do. */
export function offsetGaps(records: readonly LogRecord[]): string[] {
  const next = new Map<number, number>();
  const problems: string[] = [];
  for (const r of records) {
    const expected = next.get(r.partition) ?? 0;
    if (r.offset !== expected) problems.push(`partition ${r.partition}: offset ${r.offset}, expected ${expected}`);
    next.set(r.partition, r.offset + 1);
  }
  return problems;
}
