// executeShow: SHOW STREAMS | TABLES | QUERIES | TOPICS | PROPERTIES as tables.

import type { BoundShow } from '../analyze/index.js';
import { assertNever, formatSchema, formatSqlType } from '../common/index.js';
import { describeFunctions, listAggregates } from '../functions/index.js';
import { inputTopics } from './consumer-lag.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { queryStatus } from './query-status.js';
import { skippedRecordCounts } from './processing-log-stream.js';
import type { StatementResult } from './statement-result.js';

export async function executeShow(ctx: EngineContext, queries: PersistentQueries, bound: BoundShow): Promise<StatementResult> {
  const catalog = ctx.catalog();
  switch (bound.what) {
    case 'STREAMS':
    case 'TABLES': {
      const kind = bound.what === 'STREAMS' ? 'STREAM' : 'TABLE';
      const sources = [...catalog.sources.values()].filter((s) => s.kind === kind);
      const columns = [`${kind === 'STREAM' ? 'Stream' : 'Table'} Name`, 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'];
      const windowed = (s: (typeof sources)[number]) => (s.window === undefined || s.window === null ? 'false' : s.window.kind);
      if (!bound.extended) {
        return { kind: 'table', title: null, columns, rows: sources.map((s) => [s.name, s.topic, s.formats.keyFormat, s.formats.valueFormat, windowed(s)]) };
      }
      const rows: string[][] = [];
      for (const s of sources) {
        const topic = await ctx.topics.describeTopic(s.topic);
        const users = [...catalog.queries.values()].filter((q) => q.sink === s.name || q.sources.includes(s.name)).map((q) => q.id);
        rows.push([s.name, s.topic, s.formats.keyFormat, s.formats.valueFormat, windowed(s), formatSchema(s.schema), String(topic?.partitions ?? '?'), String(topic?.endOffsets.reduce((a, b) => a + b, 0) ?? 0), users.join(', ')]);
      }
      return { kind: 'table', title: null, columns: [...columns, 'Schema', 'Partitions', 'Records', 'Queries'], rows };
    }
    case 'QUERIES': {
      const rows = [...catalog.queries.values()].map((q) => [q.id, 'PERSISTENT', q.state === 'PAUSED' ? 'PAUSED' : 'RUNNING', runsIn(ctx, queries, q.id), q.sink, catalog.sources.get(q.sink)?.topic ?? '', q.sql.replace(/\s+/g, ' ')]);
      const columns = ['Query ID', 'Query Type', 'Status', 'Runs In', 'Sink Name', 'Sink Kafka Topic', 'Query String'];
      if (!bound.extended) return { kind: 'table', title: null, columns, rows };
      const extended: string[][] = [];
      const skipped = await skippedRecordCounts(ctx);
      for (const [i, q] of [...catalog.queries.values()].entries()) {
        const status = await queryStatus(ctx, q);
        const m = status.metrics;
        extended.push([
          ...(rows[i] ?? []),
          q.sources.join(', '),
          String(skipped.get(q.id) ?? 0),
          String(m.recordsIn),
          String(m.recordsOut),
          String(m.late),
          status.lagRecords === null ? '-' : String(status.lagRecords),
          Object.entries(q.properties).map(([k, v]) => `${k}=${v}`).join(', '),
        ]);
      }
      const more = ['Sources', 'Skipped Records', 'Records In', 'Records Out', 'Late Dropped', 'Input Lag', 'Properties'];
      return { kind: 'table', title: null, columns: [...columns, ...more], rows: extended };
    }
    case 'TOPICS': {
      const rows: string[][] = [];
      const groups = bound.extended ? await ctx.topics.consumerGroups() : [];
      // Internal topics (`_eddy_…`, the processing log's) are read through their built-in streams.
      for (const t of (await ctx.topics.listTopics()).filter((t) => !t.name.startsWith('_eddy_'))) {
        const description = await ctx.topics.describeTopic(t.name);
        const records = description?.endOffsets.reduce((a, b) => a + b, 0) ?? 0;
        if (!bound.extended) {
          rows.push([t.name, String(t.partitions), String(records)]);
          continue;
        }
        const readers = [...catalog.queries.values()].filter((q) => inputTopics(catalog, q).includes(t.name)).map((q) => q.id);
        const reading = groups.filter((g) => g.consumersByTopic.has(t.name));
        const consumers = reading.reduce((sum, g) => sum + (g.consumersByTopic.get(t.name) ?? 0), 0);
        rows.push([
          t.name,
          String(t.partitions),
          String(description?.replicas ?? 1),
          String(records),
          description?.endOffsets.join(', ') ?? '',
          String(consumers),
          String(reading.length),
          readers.join(', '),
        ]);
      }
      const columns = bound.extended
        ? ['Kafka Topic', 'Partitions', 'Partition Replicas', 'Records', 'Partition End Offsets', 'Consumers', 'Consumer Groups', 'Consumer Queries']
        : ['Kafka Topic', 'Partitions', 'Records'];
      return { kind: 'table', title: null, columns, rows };
    }
    case 'PROPERTIES':
      return {
        kind: 'table',
        title: null,
        columns: ['Property', 'Value', 'Set By'],
        rows: ctx.properties.list().map((p) => [p.name, p.value, p.isDefault ? 'default' : 'SET']),
      };
    case 'FUNCTIONS':
      return {
        kind: 'table',
        title: null,
        columns: ['Function Name', 'Category', 'Description'],
        rows: [...describeFunctions(listAggregates())].sort((a, b) => a.name.localeCompare(b.name)).map((f) => [f.name, f.category, f.description]),
      };
    case 'TYPES':
      return { kind: 'table', title: null, columns: ['Type Name', 'Schema'], rows: [...catalog.types].map(([name, type]) => [name, formatSqlType(type)]) };
    case 'VARIABLES':
      return { kind: 'table', title: null, columns: ['Variable Name', 'Value'], rows: [...ctx.variables].sort().map(([k, v]) => [k, v]) };
    default:
      return assertNever(bound.what, 'SHOW target');
  }
}

/** Which process runs the query: this one, another live one, or none yet. */
export function runsIn(ctx: EngineContext, queries: PersistentQueries, id: string): string {
  if (queries.isRunningHere(id)) return 'this process';
  const holder = ctx.leases.holder(id);
  return holder === undefined ? 'no process (starts with the next eddy run/serve)' : `pid ${holder.pid} on ${holder.host}`;
}
