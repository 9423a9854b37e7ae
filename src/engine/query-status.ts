// QueryStatus: how each persistent query is doing — its persisted metrics, input lag and state size, as lines of text.

import type { QueryDefinition } from '../catalog/index.js';
import { formatTimestamp } from '../common/index.js';
import { QueryMetricsStore, queryStateSize, type StoredQueryMetrics } from '../state/index.js';
import { consumerLag, inputTopics } from './consumer-lag.js';
import type { EngineContext } from './engine-context.js';

export interface QueryStatus {
  readonly id: string;
  readonly state: 'RUNNING' | 'PAUSED';
  /** Committed metrics (zeros before the first batch). */
  readonly metrics: StoredQueryMetrics;
  /** Records in the query's input topics after its committed offsets. */
  readonly lagRecords: number | null;
  /** Wall-clock time minus stream time (null before the first record). */
  readonly streamTimeLagMs: number | null;
  readonly stateRows: number;
  readonly stateBytes: number;
}

export async function queryStatus(ctx: EngineContext, def: QueryDefinition, store = new QueryMetricsStore(ctx.db)): Promise<QueryStatus> {
  const metrics = store.get(def.id) ?? emptyMetrics(def.id);
  const size = queryStateSize(ctx.db, def.id);
  return {
    id: def.id,
    state: def.state === 'PAUSED' ? 'PAUSED' : 'RUNNING',
    metrics,
    lagRecords: await inputLag(ctx, def),
    streamTimeLagMs: metrics.streamTime === null ? null : Math.max(0, ctx.clock.now() - metrics.streamTime),
    stateRows: size.rows,
    stateBytes: size.bytes,
  };
}

export async function queryStatuses(ctx: EngineContext): Promise<QueryStatus[]> {
  const store = new QueryMetricsStore(ctx.db);
  const out: QueryStatus[] = [];
  for (const def of ctx.catalog().queries.values()) out.push(await queryStatus(ctx, def, store));
  return out;
}

/** The records after the committed offsets of every input topic (the query's consumer group on Kafka). */
async function inputLag(ctx: EngineContext, def: QueryDefinition): Promise<number | null> {
  let lag = 0;
  for (const topic of inputTopics(ctx.catalog(), def)) {
    for (const p of (await consumerLag(ctx, def.id, topic)) ?? []) lag += p.lag;
  }
  return lag;
}

function emptyMetrics(queryId: string): StoredQueryMetrics {
  return { queryId, recordsIn: 0, recordsOut: 0, errors: 0, late: 0, batches: 0, streamTime: null, lastLatencyMs: null, averageLatencyMs: null, rate: 0, updatedAt: null };
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** One line per query (`eddy status`). */
export function statusLine(s: QueryStatus): string {
  const m = s.metrics;
  return [
    s.id,
    s.state,
    `in ${m.recordsIn} (${m.rate.toFixed(1)}/s)`,
    `out ${m.recordsOut}`,
    `errors ${m.errors}`,
    `late ${m.late}`,
    `latency ${formatMs(m.lastLatencyMs)}`,
    `stream time ${m.streamTime === null ? '-' : formatTimestamp(m.streamTime)} (behind ${formatMs(s.streamTimeLagMs)})`,
    `lag ${s.lagRecords ?? '-'} records`,
    `state ${s.stateRows} rows/${formatBytes(s.stateBytes)}`,
  ].join('  ');
}

/** The metrics block of DESCRIBE EXTENDED and EXPLAIN <query id>. */
export function statusLines(s: QueryStatus): string[] {
  const m = s.metrics;
  return [
    `Metrics of ${s.id} (committed with each batch):`,
    `  records in: ${m.recordsIn}; out: ${m.recordsOut}; rate: ${m.rate.toFixed(1)} records/s`,
    `  errors (skipped, in EDDY_PROCESSING_LOG): ${m.errors}; late records dropped: ${m.late}`,
    `  end-to-end latency (record timestamp to commit): last ${formatMs(m.lastLatencyMs)}, average ${formatMs(m.averageLatencyMs)}`,
    `  stream time: ${m.streamTime === null ? '-' : formatTimestamp(m.streamTime)} (behind the clock by ${formatMs(s.streamTimeLagMs)})`,
    `  input lag: ${s.lagRecords ?? '-'}${s.lagRecords === null ? '' : ' records'}; state: ${s.stateRows} rows, ${formatBytes(s.stateBytes)}`,
  ];
}
