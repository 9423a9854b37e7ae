// executeDescribe: DESCRIBE name [EXTENDED] — schema, topic, formats, and the queries around it.

import type { BoundDescribe } from '../analyze/index.js';
import { formatDuration, formatSqlType, type Column } from '../common/index.js';
import { decodePhysicalPlan, planAggregates } from '../plan/index.js';
import { queryMetric } from '../state/index.js';
import { consumerLagLines, inputTopics } from './consumer-lag.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { queryStatus, statusLines } from './query-status.js';
import { runsIn } from './show.js';
import { skippedRecordCounts } from './processing-log-stream.js';
import type { StatementResult } from './statement-result.js';

export async function executeDescribe(ctx: EngineContext, queries: PersistentQueries, bound: BoundDescribe): Promise<StatementResult> {
  const s = bound.source;
  const catalog = ctx.catalog();
  const rows: string[][] = [
    ['ROWTIME', 'BIGINT', '(system)'],
    ...s.schema.columns.map((c) => [c.name, formatSqlType(c.type), columnRole(c, s.kind)]),
  ];
  const lines = [
    `Name: ${s.name}`,
    `Type: ${s.kind}`,
    `Kafka topic: ${s.topic} (key format ${s.formats.keyFormat}, value format ${s.formats.valueFormat})`,
    `Timestamp column: ${s.timestampColumn ?? '(record timestamp)'}${s.timestampFormat === undefined || s.timestampFormat === null ? '' : ` (format '${s.timestampFormat}')`}`,
  ];
  if (s.window !== undefined && s.window !== null) {
    lines.push(`Windowed: ${s.window.kind}${s.window.sizeMs === null ? '' : ` (size ${formatDuration(s.window.sizeMs)})`}; key columns plus WINDOWSTART, WINDOWEND`);
  }
  if (s.kind === 'TABLE') lines.push(`Materialized: SQLite table "${s.name}" (pull queries read it; so can any SQLite client)`);
  if (bound.extended) {
    const writers = [...catalog.queries.values()].filter((q) => q.sink === s.name);
    const readers = [...catalog.queries.values()].filter((q) => q.sources.includes(s.name));
    const topicReaders = [...catalog.queries.values()].filter((q) => inputTopics(catalog, q).includes(s.topic));
    const topic = await ctx.topics.describeTopic(s.topic);
    lines.push(`Partitions: ${topic?.partitions ?? '?'}; records: ${topic?.endOffsets.reduce((a, b) => a + b, 0) ?? 0}`);
    lines.push(`Written by: ${writers.map((q) => `${q.id} (${runsIn(ctx, queries, q.id)})`).join(', ') || 'none'}`);
    lines.push(`Read by: ${readers.map((q) => `${q.id} (${runsIn(ctx, queries, q.id)})`).join(', ') || 'none'}`);
    const skipped = writers.length === 0 ? new Map<string, number>() : await skippedRecordCounts(ctx);
    for (const q of writers) {
      lines.push(`Skipped records of ${q.id}: ${skipped.get(q.id) ?? 0} (see the processing log)`);
      for (const agg of planAggregates(decodePhysicalPlan(q.plan).root)) {
        if (agg.window === null) continue;
        const late = queryMetric(ctx.db, q.id, 'late-records');
        lines.push(`Late records dropped by ${q.id}: ${late} (grace period ${formatDuration(agg.window.graceMs)}; each is in the processing log)`);
      }
      lines.push(...statusLines(await queryStatus(ctx, q)));
    }
    lines.push(...(await consumerLagLines(ctx, s.topic, topicReaders)));
  }
  return { kind: 'table', title: lines.join('\n'), columns: ['Field', 'Type', ''], rows };
}

/** The third DESCRIBE column: how the column is read from the record. */
function columnRole(c: Column, kind: 'STREAM' | 'TABLE'): string {
  switch (c.namespace) {
    case 'key':
      return kind === 'TABLE' ? '(primary key)' : '(key)';
    case 'header':
      return c.headerKey === undefined ? '(headers)' : `(header('${c.headerKey}'))`;
    case 'value':
    case 'pseudo':
      return '';
  }
}
