// QUERY_METRICS_MIGRATIONS: the per-query metrics table (counters committed with each batch), in order.

export const QUERY_METRICS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE query_metrics (
     query_id TEXT PRIMARY KEY,
     records_in INTEGER NOT NULL DEFAULT 0,
     records_out INTEGER NOT NULL DEFAULT 0,
     errors INTEGER NOT NULL DEFAULT 0,
     late INTEGER NOT NULL DEFAULT 0,
     batches INTEGER NOT NULL DEFAULT 0,
     stream_time INTEGER,
     last_latency_ms INTEGER,
     latency_sum_ms INTEGER NOT NULL DEFAULT 0,
     rate REAL NOT NULL DEFAULT 0,
     rate_since INTEGER,
     rate_since_in INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER
   );`,
];
