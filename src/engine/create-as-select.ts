// executeCreateAsSelect: CREATE STREAM … AS SELECT — the sink stream, its topic, and a persistent query.

import type { BoundCreateAsSelect } from '../analyze/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import type { StatementResult } from './statement-result.js';

export function executeCreateAsSelect(ctx: EngineContext, queries: PersistentQueries, bound: BoundCreateAsSelect): StatementResult {
  const created = ctx.catalogStore.transaction((): QueryDefinition | null => {
    const catalog = ctx.catalog();
    if (catalog.sources.has(bound.sink.name)) {
      if (bound.ifNotExists) return null;
      throw new EngineError('SOURCE_EXISTS', `A stream named ${bound.sink.name} already exists.`);
    }
    const id = `CSAS_${bound.sink.name}_${ctx.catalogStore.nextNumber('query')}`;
    const { physical } = planQuery(bound.query, bound.sink, id);
    if (bound.createTopic !== null && ctx.log.describeTopic(bound.createTopic.name) === undefined) {
      ctx.log.createTopic(bound.createTopic.name, bound.createTopic.partitions, ctx.clock.now());
    }
    const query: QueryDefinition = {
      id,
      kind: 'CSAS',
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
  if (created === null) return { kind: 'message', text: `Stream ${bound.sink.name} already exists.` };
  queries.reconcile();
  return { kind: 'message', text: `Stream ${bound.sink.name} created; query ${created.id} is running.` };
}
