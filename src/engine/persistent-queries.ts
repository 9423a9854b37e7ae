// PersistentQueries: runs this process's share of the persistent queries — leases, loops, takeover, drain.

import { decodePhysicalPlan } from '../plan/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { FencedError, newCounters, QueryRunner, type Pipeline, type QueryCounters } from '../exec/index.js';
import type { ProcessingGuarantee, QueryIo } from '../io/index.js';
import { QueryMetricsStore } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import { MeteredCommitter } from './metered-committer.js';
import { queryStateWiring, type QueryStateWiring } from './query-state.js';
import { resourceFault } from './resource-fault.js';

/** How long a lease survives without a heartbeat before another process may take the query over. */
export const LEASE_TTL_MS = 10_000;
const HEARTBEAT_MS = 2_000;
const RECONCILE_MS = 1_000;
const IDLE_WAIT_MS = 250;
/** A drain that takes this long says which queries it is waiting for (and again as often). */
const DRAIN_NOTICE_MS = 15_000;
/** After a failure (a broker that is away, say) a query waits this long, doubling up to the maximum. */
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

interface RunningQuery {
  readonly id: string;
  /** The stored plan it runs (as JSON): a different one in the catalog (replaced elsewhere) restarts it. */
  readonly plan: string;
  /** Null until the query's readers and committer are open (on Kafka: joined its consumer group). */
  runner: QueryRunner | null;
  io: QueryIo | null;
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
  /** False until the catalog is current: queries never start from a stale copy (on Kafka, a cache of the command topic). */
  private catalogCurrent = false;
  /** Settles once the catalog is current (or this is closed); null before `startBackground`. */
  private catalogWait: Promise<void> | null = null;

  /**
   * @param catalogReady resolves once the catalog holds every change made so far (on Kafka: the
   *   command topic read to its end); retried with backoff while it fails.
   */
  constructor(
    private readonly ctx: EngineContext,
    private readonly catalogReady: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /**
   * Starts the heartbeat and the periodic takeover of queries no live process runs — once the
   * catalog is current, so that a query dropped elsewhere while this data directory was closed
   * (or one of another service id's catalog) never runs here again.
   */
  startBackground(): void {
    this.catalogWait = this.awaitCatalog();
    this.timers.push(
      setInterval(() => this.guard('heartbeat', () => this.heartbeat()), HEARTBEAT_MS).unref(),
      setInterval(() => this.guard('takeover check', () => this.reconcile()), RECONCILE_MS).unref(),
    );
  }

  private async awaitCatalog(): Promise<void> {
    for (let waitMs = RETRY_MIN_MS; !this.closed; waitMs = Math.min(waitMs * 2, RETRY_MAX_MS)) {
      try {
        await this.catalogReady();
        this.catalogCurrent = true;
        this.guard('takeover check', () => this.reconcile());
        return;
      } catch (e) {
        this.ctx.logger.warn(`cannot bring the catalog up to date, will retry: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, waitMs));
      }
    }
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
    if (this.closed || (this.catalogWait !== null && !this.catalogCurrent)) return;
    const catalog = this.ctx.catalog();
    for (const [id, q] of this.running) {
      const def = catalog.queries.get(id);
      if (def?.state !== 'RUNNING' || JSON.stringify(def.plan) !== q.plan) void this.stop(q.id);
    }
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
    const wiring = queryStateWiring(this.ctx, def, plan, counters);
    // Built here once so that a plan this version cannot run fails now, not in the loop.
    const pipeline = wiring.build();
    const query: RunningQuery = { id: def.id, plan: JSON.stringify(def.plan), runner: null, io: null, counters, abort: new AbortController(), done: Promise.resolve() };
    query.done = this.loop(query, def, wiring, pipeline);
    this.running.set(def.id, query);
  }

  /** Opens the query's topics, then poll → process → commit until stopped; failures are retried with backoff. */
  private async loop(q: RunningQuery, def: QueryDefinition, wiring: QueryStateWiring, first: Pipeline): Promise<void> {
    const signal = q.abort.signal;
    const ctx = this.ctx;
    let retryMs = RETRY_MIN_MS;
    let pipeline: Pipeline | null = first;
    let fenced = false;
    while (!signal.aborted) {
      try {
        if (q.runner === null) {
          pipeline ??= wiring.build();
          q.io = await ctx.topics.openQuery({
            queryId: def.id,
            topics: pipeline.topics,
            reset: def.properties['auto.offset.reset'] === 'latest' ? 'latest' : 'earliest',
            fromStart: pipeline.tableTopics,
            guarantee: (def.properties['processing.guarantee'] ?? 'exactly_once_v2') as ProcessingGuarantee,
            ...(wiring.restorer === undefined ? {} : { state: wiring.restorer }),
          });
          q.runner = new QueryRunner({
            pipeline,
            readers: q.io.readers,
            ...(q.io.committer === undefined ? {} : { committer: new MeteredCommitter(q.io.committer, new QueryMetricsStore(ctx.db), def.id, q.counters, ctx.clock) }),
            maxBatchRecords: Number(def.properties['max.poll.records'] ?? ctx.properties.get('max.poll.records')),
            // Queries created before the property existed run with the current default.
            commitIntervalMs: Number(def.properties['commit.interval.ms'] ?? ctx.properties.get('commit.interval.ms')),
          });
        }
        const processed = await q.runner.step(IDLE_WAIT_MS, signal);
        if (retryMs > RETRY_MIN_MS) ctx.logger.info(`Query ${q.id} is running again.`);
        retryMs = RETRY_MIN_MS;
        // A query catching up on a backlog must not starve the rest of the process (the REPL's
        // keystrokes, pull queries, heartbeats): yield to the event loop between busy batches.
        if (processed > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      } catch (e) {
        if (e instanceof FencedError) {
          ctx.logger.warn(`Query ${q.id} moved to another process; it stops here.`);
          fenced = true;
          break;
        }
        const fault = resourceFault(e);
        if (fault !== null) {
          ctx.logger.warn(`Query ${q.id} stopped: ${(e as Error).message} — ${fault}; retrying in ${(retryMs / 1000).toFixed(1)} s.`);
          // Batches staged in the aborted transaction may have changed local state: restore it.
          if (wiring.restorer !== undefined) pipeline = await this.reopen(q);
          await abortableSleep(retryMs, signal);
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
          continue;
        }
        const waiting = q.runner === null ? `cannot open its topics on ${ctx.topics.kind === 'kafka' ? 'Kafka' : 'the embedded log'}` : 'failed a batch';
        ctx.logger.warn(`Query ${q.id} ${waiting} (${(e as Error).message}); retrying in ${(retryMs / 1000).toFixed(1)} s.`);
        // Its local state may hold batches that never committed: reopen, which restores it from the changelog.
        if (wiring.restorer !== undefined) pipeline = await this.reopen(q);
        await abortableSleep(retryMs, signal);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      }
    }
    if (!fenced) {
      // A clean stop commits the batches staged in the open transaction (a failure aborts them).
      await q.runner?.flush().catch((e: unknown) => ctx.logger.warn(`Query ${q.id} could not commit its last batches: ${(e as Error).message}`));
    }
    q.runner?.close();
    await q.io?.close().catch(() => undefined);
    this.running.delete(q.id);
  }

  /** Closes a failed query's readers and committer: the next attempt opens them afresh (and restores its state). */
  private async reopen(q: RunningQuery): Promise<null> {
    q.runner?.close();
    await q.io?.close().catch(() => undefined);
    q.runner = null;
    q.io = null;
    return null;
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
   * Returns once every query running here has consumed all input written before the call, and all
   * that those inputs made them write for each other. It goes in rounds: in a round, each query must
   * report itself caught up once (against end offsets fetched after the round began); a round in
   * which no query processed a record ends it. (Asking for every query to be caught up at one same
   * instant instead could wait long on Kafka, where each takes a fresh snapshot of its topics' ends
   * every second and is "behind" while it arrives.)
   */
  async drain(signal?: AbortSignal): Promise<void> {
    await this.catalogWait;
    this.reconcile();
    const started = Date.now();
    let told = started;
    const aborted = (): boolean => signal?.aborted === true;
    while (!aborted()) {
      const since = Date.now();
      const processedBefore = this.recordsProcessed();
      const behind = new Set(this.running.keys());
      while (behind.size > 0) {
        if (aborted()) return;
        for (const id of behind) {
          const q = this.running.get(id);
          if (q === undefined || q.runner?.caughtUp(since) === true) behind.delete(id);
        }
        if (behind.size === 0) break;
        if (Date.now() - told >= DRAIN_NOTICE_MS) {
          told = Date.now();
          const ids = [...behind].map((id) => `${id}${this.running.get(id)?.runner === null ? ' (opening its topics)' : ''}`).join(', ');
          this.ctx.logger.info(`Waiting ${Math.round((told - started) / 1000)} s for ${ids} to catch up with its input.`);
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      if (this.recordsProcessed() === processedBefore) return;
    }
  }

  /** Input records the queries running here have read so far (a drain round that reads none is the last). */
  private recordsProcessed(): number {
    let total = 0;
    for (const q of this.running.values()) total += q.counters.recordsIn;
    return total;
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

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
