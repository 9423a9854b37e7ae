// QueryMetricsStore: per-query metrics in SQLite, added to with each batch (inside its transaction on the embedded log).

import type Database from 'better-sqlite3';

/** What one committed batch adds. */
export interface BatchMetrics {
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly errors: number;
  readonly late: number;
  /** The greatest record timestamp the query has seen (-1: none yet). */
  readonly streamTime: number;
  /** Commit time minus the timestamp of the batch's newest record (null: the batch decoded nothing). */
  readonly latencyMs: number | null;
}

export interface StoredQueryMetrics {
  readonly queryId: string;
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly errors: number;
  readonly late: number;
  readonly batches: number;
  readonly streamTime: number | null;
  readonly lastLatencyMs: number | null;
  readonly averageLatencyMs: number | null;
  /** Records in per second over the last rate window (about RATE_WINDOW_MS). */
  readonly rate: number;
  readonly updatedAt: number | null;
}

/** The rate is recomputed once this much time has passed since the last window began. */
export const RATE_WINDOW_MS = 10_000;

interface Row {
  query_id: string;
  records_in: number;
  records_out: number;
  errors: number;
  late: number;
  batches: number;
  stream_time: number | null;
  last_latency_ms: number | null;
  latency_sum_ms: number;
  rate: number;
  rate_since: number | null;
  rate_since_in: number;
  updated_at: number | null;
}

export class QueryMetricsStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      get: db.prepare<[string], Row>('SELECT * FROM query_metrics WHERE query_id = ?'),
      all: db.prepare<[], Row>('SELECT * FROM query_metrics ORDER BY query_id'),
      put: db.prepare<[string, number, number, number, number, number, number | null, number | null, number, number, number | null, number, number]>(
        `INSERT OR REPLACE INTO query_metrics (query_id, records_in, records_out, errors, late, batches, stream_time, last_latency_ms,
           latency_sum_ms, rate, rate_since, rate_since_in, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      drop: db.prepare<[string]>('DELETE FROM query_metrics WHERE query_id = ?'),
    };
  }

  /** Adds one batch's counts (call inside the batch's transaction). */
  add(queryId: string, batch: BatchMetrics, now: number): void {
    const old = this.statements.get.get(queryId);
    const recordsIn = (old?.records_in ?? 0) + batch.recordsIn;
    const latencySum = (old?.latency_sum_ms ?? 0) + (batch.latencyMs ?? 0);
    const streamTime = batch.streamTime < 0 ? (old?.stream_time ?? null) : Math.max(batch.streamTime, old?.stream_time ?? -1);
    let rate = old?.rate ?? 0;
    let rateSince = old?.rate_since ?? now;
    let rateSinceIn = old?.rate_since_in ?? 0;
    if (now - rateSince >= RATE_WINDOW_MS) {
      rate = (recordsIn - rateSinceIn) / ((now - rateSince) / 1000);
      rateSince = now;
      rateSinceIn = recordsIn;
    }
    this.statements.put.run(
      queryId,
      recordsIn,
      (old?.records_out ?? 0) + batch.recordsOut,
      (old?.errors ?? 0) + batch.errors,
      (old?.late ?? 0) + batch.late,
      (old?.batches ?? 0) + (batch.latencyMs === null ? 0 : 1),
      streamTime,
      batch.latencyMs ?? old?.last_latency_ms ?? null,
      latencySum,
      rate,
      rateSince,
      rateSinceIn,
      now,
    );
  }

  get(queryId: string): StoredQueryMetrics | undefined {
    const row = this.statements.get.get(queryId);
    return row === undefined ? undefined : fromRow(row);
  }

  all(): StoredQueryMetrics[] {
    return this.statements.all.all().map(fromRow);
  }

  drop(queryId: string): void {
    this.statements.drop.run(queryId);
  }
}

function fromRow(r: Row): StoredQueryMetrics {
  return {
    queryId: r.query_id,
    recordsIn: r.records_in,
    recordsOut: r.records_out,
    errors: r.errors,
    late: r.late,
    batches: r.batches,
    streamTime: r.stream_time,
    lastLatencyMs: r.last_latency_ms,
    averageLatencyMs: r.batches === 0 ? null : r.latency_sum_ms / r.batches,
    rate: r.rate,
    updatedAt: r.updated_at,
  };
}

/** State size of a query: rows and bytes of its key-value and window state. */
export function queryStateSize(db: Database.Database, queryId: string): { rows: number; bytes: number } {
  const kv = db.prepare<[string], { n: number; b: number | null }>('SELECT COUNT(*) AS n, SUM(LENGTH(key) + LENGTH(value)) AS b FROM state_kv WHERE query_id = ?').get(queryId);
  const w = db
    .prepare<[string], { n: number; b: number | null }>('SELECT COUNT(*) AS n, SUM(LENGTH(key) + LENGTH(value) + 16) AS b FROM eddy_state_windows WHERE query_id = ?')
    .get(queryId);
  return { rows: (kv?.n ?? 0) + (w?.n ?? 0), bytes: (kv?.b ?? 0) + (w?.b ?? 0) };
}
