// PersistentQueries: runs this process's share of the persistent queries — leases, loops, takeover, drain.

import { decodePhysicalPlan } from '../plan/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { buildPipeline, FencedError, newCounters, QueryRunner, type QueryCounters } from '../exec/index.js';
import { SqliteStateStore } from '../state/index.js';
import { EmbeddedCommitter } from './embedded-committer.js';
import type { EngineContext } from './engine-context.js';

/** How long a lease survives without a heartbeat before another process may take the query over. */
export const LEASE_TTL_MS = 10_000;
const HEARTBEAT_MS = 2_000;
const RECONCILE_MS = 1_000;
const IDLE_WAIT_MS = 250;

interface RunningQuery {
  readonly id: string;
  readonly runner: QueryRunner;
  readonly counters: QueryCounters;
  readonly abort: AbortController;
  /** Resolves when the loop has exited. */
  done: Promise<void>;
}

export class PersistentQueries {
  private readonly running = new Map<string, RunningQuery>();
  private readonly unstartable = new Set<string>();
  private timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(private readonly ctx: EngineContext) {}

  /** Starts the heartbeat and the periodic takeover of queries no live process runs. */
  startBackground(): void {
    this.reconcile();
    this.timers.push(
      setInterval(() => this.guard('heartbeat', () => this.heartbeat()), HEARTBEAT_MS).unref(),
      setInterval(() => this.guard('takeover check', () => this.reconcile()), RECONCILE_MS).unref(),
    );
  }

  /** Timer work must never crash the process: a failure (a busy database, say) is reported and retried. */
  private guard(what: string, work: () => void): void {
    try {
      work();
    } catch (e) {
      this.ctx.logger.warn(`${what} failed, will retry: ${(e as Error).message}`);
    }
  }

  /** Runs every RUNNING query whose lease is free; stops those terminated by another process. */
  reconcile(): void {
    if (this.closed) return;
    const catalog = this.ctx.catalog();
    for (const [id, q] of this.running) if (catalog.queries.get(id)?.state !== 'RUNNING') void this.stop(q.id);
    for (const def of catalog.queries.values()) {
      if (def.state !== 'RUNNING' || this.running.has(def.id) || this.unstartable.has(def.id)) continue;
      if (!this.ctx.leases.tryAcquire(def.id, Date.now())) continue;
      try {
        this.start(def);
      } catch (e) {
        // A plan this version cannot run (say, a newer format): leave it to a process that can.
        this.unstartable.add(def.id);
        this.ctx.leases.release(def.id);
        this.ctx.logger.warn(`Query ${def.id} cannot run in this process: ${(e as Error).message}`);
      }
    }
  }

  isRunningHere(id: string): boolean {
    return this.running.has(id);
  }

  counters(id: string): QueryCounters | undefined {
    return this.running.get(id)?.counters;
  }

  private start(def: QueryDefinition): void {
    const plan = decodePhysicalPlan(def.plan);
    const counters = newCounters();
    const ctx = this.ctx;
    const pipeline = buildPipeline(plan, {
      codecs: ctx.codecs,
      ctx: { queryId: def.id, state: new SqliteStateStore(ctx.db, def.id), processingLog: ctx.processingLogger, counters },
    });
    const readers = pipeline.topics.map((topic) => {
      const committed = ctx.offsets.load(def.id, topic);
      return ctx.log.reader(topic, committed ?? (def.properties['auto.offset.reset'] === 'latest' ? 'latest' : 'earliest'));
    });
    const runner = new QueryRunner({
      pipeline,
      readers,
      committer: new EmbeddedCommitter(ctx.db, ctx.log, ctx.offsets, ctx.leases, def.id),
      maxBatchRecords: Number(def.properties['max.poll.records'] ?? ctx.properties.get('max.poll.records')),
    });
    const query: RunningQuery = { id: def.id, runner, counters, abort: new AbortController(), done: Promise.resolve() };
    query.done = this.loop(query);
    this.running.set(def.id, query);
  }

  private async loop(q: RunningQuery): Promise<void> {
    const signal = q.abort.signal;
    while (!signal.aborted) {
      try {
        await q.runner.step(IDLE_WAIT_MS, signal);
      } catch (e) {
        if (e instanceof FencedError) {
          this.ctx.logger.warn(`Query ${q.id} moved to another process; it stops here.`);
          break;
        }
        this.ctx.logger.warn(`Query ${q.id} failed a batch and will retry: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    q.runner.close();
    this.running.delete(q.id);
  }

  /** Stops the query's loop here (it stays in the catalog) and releases its lease. */
  async stop(id: string): Promise<void> {
    const q = this.running.get(id);
    if (q === undefined) return;
    q.abort.abort();
    await q.done;
    this.ctx.leases.release(id);
  }

  /**
   * Waits until every query running here has consumed all input present now, including input
   * that other queries here produce meanwhile (chains of queries).
   */
  async drain(signal?: AbortSignal): Promise<void> {
    this.reconcile();
    while (signal?.aborted !== true) {
      const all = [...this.running.values()];
      if (all.every((q) => q.runner.caughtUp())) return;
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  private heartbeat(): void {
    if (this.closed) return;
    const held = new Set(this.ctx.leases.renew(Date.now()));
    for (const id of this.running.keys()) {
      if (!held.has(id)) void this.stop(id);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
    this.ctx.leases.releaseAll();
  }
}
