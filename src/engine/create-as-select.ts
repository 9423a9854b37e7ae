// executeCreateAsSelect: CREATE STREAM|TABLE … AS SELECT — the sink, its topic (and SQLite table), and a persistent query.

import type { BoundCreateAsSelect } from '../analyze/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { createMaterializedTable } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import type { StatementResult } from './statement-result.js';

export function executeCreateAsSelect(ctx: EngineContext, queries: PersistentQueries, bound: BoundCreateAsSelect): StatementResult {
  const created = ctx.catalogStore.transaction((): QueryDefinition | null => {
    const catalog = ctx.catalog();
    if (catalog.sources.has(bound.sink.name)) {
      if (bound.ifNotExists) return null;
      throw new EngineError('SOURCE_EXISTS', `A ${catalog.sources.get(bound.sink.name)?.kind.toLowerCase() ?? 'source'} named ${bound.sink.name} already exists.`);
    }
    const table = bound.sink.kind === 'TABLE';
    if (table) createMaterializedTable(ctx.db, { name: bound.sink.name, schema: bound.sink.schema, window: bound.sink.window?.kind ?? null });
    const id = `${table ? 'CTAS' : 'CSAS'}_${bound.sink.name}_${ctx.catalogStore.nextNumber('query')}`;
    const { physical } = planQuery(bound.query, bound.sink, id);
    if (bound.createTopic !== null && ctx.log.describeTopic(bound.createTopic.name) === undefined) {
      ctx.log.createTopic(bound.createTopic.name, bound.createTopic.partitions, ctx.clock.now());
    }
    const query: QueryDefinition = {
      id,
      kind: table ? 'CTAS' : 'CSAS',
      sink: bound.sink.name,
      sources: [bound.query.source.name],
      sql: bound.sink.sql,
      plan: physical,
      state: 'RUNNING',
      properties: ctx.properties.effective(),
      createdAt: ctx.clock.now(),
    };
    if (ctx.properties.get('auto.offset.reset') === 'latest') {
      // "latest" means the end of the input as of now, not whenever a process first runs the query.
      const input = ctx.log.describeTopic(bound.query.source.topic);
      if (input !== undefined) ctx.offsets.save(id, input.name, new Map(input.endOffsets.map((o, p) => [p, o])));
    }
    ctx.catalogStore.putSource({ ...bound.sink, writtenBy: id });
    ctx.catalogStore.putQuery(query);
    return query;
  });
  const noun = bound.sink.kind === 'TABLE' ? 'Table' : 'Stream';
  if (created === null) return { kind: 'message', text: `${noun} ${bound.sink.name} already exists.` };
  queries.reconcile();
  const sqlite = bound.sink.kind === 'TABLE' ? ` (materialized in the SQLite table "${bound.sink.name}")` : '';
  return { kind: 'message', text: `${noun} ${bound.sink.name} created${sqlite}; query ${created.id} is running.` };
}
