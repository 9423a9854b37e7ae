// executeShow: SHOW STREAMS | TABLES | QUERIES | TOPICS | PROPERTIES as tables.

import type { BoundShow } from '../analyze/index.js';
import { assertNever } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import type { StatementResult } from './statement-result.js';

export async function executeShow(ctx: EngineContext, queries: PersistentQueries, bound: BoundShow): Promise<StatementResult> {
  const catalog = ctx.catalog();
  switch (bound.what) {
    case 'STREAMS':
    case 'TABLES': {
      const kind = bound.what === 'STREAMS' ? 'STREAM' : 'TABLE';
      const rows = [...catalog.sources.values()]
        .filter((s) => s.kind === kind)
        .map((s) => [s.name, s.topic, s.formats.keyFormat, s.formats.valueFormat, s.window === undefined || s.window === null ? 'false' : s.window.kind]);
      return { kind: 'table', title: null, columns: [`${kind === 'STREAM' ? 'Stream' : 'Table'} Name`, 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'], rows };
    }
    case 'QUERIES': {
      const rows = [...catalog.queries.values()].map((q) => [q.id, 'PERSISTENT', q.state === 'PAUSED' ? 'PAUSED' : 'RUNNING', runsIn(ctx, queries, q.id), q.sink, catalog.sources.get(q.sink)?.topic ?? '', q.sql]);
      return { kind: 'table', title: null, columns: ['Query ID', 'Query Type', 'Status', 'Runs In', 'Sink Name', 'Sink Kafka Topic', 'Query String'], rows };
    }
    case 'TOPICS': {
      const rows: string[][] = [];
      for (const t of await ctx.topics.listTopics()) {
        const description = await ctx.topics.describeTopic(t.name);
        const records = description?.endOffsets.reduce((a, b) => a + b, 0) ?? 0;
        rows.push([t.name, String(t.partitions), String(records)]);
      }
      return { kind: 'table', title: null, columns: ['Kafka Topic', 'Partitions', 'Records'], rows };
    }
    case 'PROPERTIES':
      return {
        kind: 'table',
        title: null,
        columns: ['Property', 'Value', 'Set By'],
        rows: ctx.properties.list().map((p) => [p.name, p.value, p.isDefault ? 'default' : 'SET']),
      };
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
