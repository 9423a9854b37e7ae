// executeCreateAsSelect: CREATE STREAM … AS SELECT — the sink stream, its topic, and a persistent query.

import type { BoundCreateAsSelect } from '../analyze/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import type { StatementResult } from './statement-result.js';
import { topicSettings } from './topic-settings.js';

export async function executeCreateAsSelect(ctx: EngineContext, queries: PersistentQueries, bound: BoundCreateAsSelect): Promise<StatementResult> {
  // The id is taken first (a failed statement leaves a gap), so the topics can be prepared outside the catalog's lock.
  const id = ctx.catalogStore.transaction((): string | null => {
    if (ctx.catalog().sources.has(bound.sink.name)) {
      if (bound.ifNotExists) return null;
      throw new EngineError('SOURCE_EXISTS', `A stream named ${bound.sink.name} already exists.`);
    }
    return `CSAS_${bound.sink.name}_${ctx.catalogStore.nextNumber('query')}`;
  });
  if (id === null) return { kind: 'message', text: `Stream ${bound.sink.name} already exists.` };
  const { physical } = planQuery(bound.query, bound.sink, id);
  if (bound.createTopic !== null && (await ctx.topics.describeTopic(bound.createTopic.name)) === undefined) {
    await ctx.topics.createTopic(bound.createTopic.name, topicSettings(bound.createTopic));
  }
  // "latest" means the end of the input as of now, not whenever a process first runs the query.
  if (ctx.properties.get('auto.offset.reset') === 'latest') await ctx.topics.pinStart(id, bound.query.source.topic);
  const created = ctx.catalogStore.transaction((): QueryDefinition | null => {
    if (ctx.catalog().sources.has(bound.sink.name)) {
      if (bound.ifNotExists) return null;
      throw new EngineError('SOURCE_EXISTS', `A stream named ${bound.sink.name} already exists.`);
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
    ctx.catalogStore.putSource({ ...bound.sink, writtenBy: id });
    ctx.catalogStore.putQuery(query);
    return query;
  });
  if (created === null) return { kind: 'message', text: `Stream ${bound.sink.name} already exists.` };
  queries.reconcile();
  return { kind: 'message', text: `Stream ${bound.sink.name} created; query ${created.id} is running.` };
}
