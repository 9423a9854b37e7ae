// The `/metrics` endpoint of `eddy serve --metrics-port`: every query's metrics in the Prometheus text format.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine, QueryStatus } from '../engine/index.js';

interface Family {
  readonly name: string;
  readonly type: 'counter' | 'gauge';
  readonly help: string;
  readonly value: (s: QueryStatus) => number | null;
}

const FAMILIES: readonly Family[] = [
  { name: 'eddy_query_running', type: 'gauge', help: '1 when the query is RUNNING, 0 when PAUSED.', value: (s) => (s.state === 'RUNNING' ? 1 : 0) },
  { name: 'eddy_query_records_in_total', type: 'counter', help: 'Records the query read.', value: (s) => s.metrics.recordsIn },
  { name: 'eddy_query_records_out_total', type: 'counter', help: 'Records the query wrote to its sink.', value: (s) => s.metrics.recordsOut },
  { name: 'eddy_query_errors_total', type: 'counter', help: 'Records skipped (logged to EDDY_PROCESSING_LOG).', value: (s) => s.metrics.errors },
  { name: 'eddy_query_late_records_dropped_total', type: 'counter', help: 'Records dropped because their window had closed.', value: (s) => s.metrics.late },
  { name: 'eddy_query_records_per_second', type: 'gauge', help: 'Records in per second over the last rate window.', value: (s) => s.metrics.rate },
  { name: 'eddy_query_latency_milliseconds', type: 'gauge', help: 'Record timestamp to commit, for the last batch.', value: (s) => s.metrics.lastLatencyMs },
  { name: 'eddy_query_stream_time_milliseconds', type: 'gauge', help: 'The greatest record timestamp seen (epoch ms).', value: (s) => s.metrics.streamTime },
  { name: 'eddy_query_stream_time_lag_milliseconds', type: 'gauge', help: 'Wall clock minus stream time.', value: (s) => s.streamTimeLagMs },
  { name: 'eddy_query_input_lag_records', type: 'gauge', help: 'Input records after the committed offsets.', value: (s) => s.lagRecords },
  { name: 'eddy_query_state_rows', type: 'gauge', help: 'Rows of operator state.', value: (s) => s.stateRows },
  { name: 'eddy_query_state_bytes', type: 'gauge', help: 'Bytes of operator state (keys and values).', value: (s) => s.stateBytes },
];

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** The exposition text (version 0.0.4): HELP, TYPE, one sample per query; unknown values are left out. */
export function prometheusText(statuses: readonly QueryStatus[]): string {
  const lines: string[] = [];
  for (const f of FAMILIES) {
    lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of statuses) {
      const v = f.value(s);
      if (v !== null) lines.push(`${f.name}{query="${label(s.id)}"} ${Number.isFinite(v) ? v : 0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Serves GET /metrics on 127.0.0.1:port (0 picks a free port); resolves once listening. */
export async function startMetricsEndpoint(engine: Engine, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try /metrics\n');
      return;
    }
    engine.status().then(
      (statuses) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(prometheusText(statuses)),
      (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(e as Error).message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
