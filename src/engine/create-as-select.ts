// executeCreateAsSelect: CREATE STREAM|TABLE … AS SELECT — the sink, its topic (and SQLite table), and a persistent query.

import type { BoundCreateAsSelect } from '../analyze/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { createMaterializedTable } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import type { StatementResult } from './statement-result.js';
import { takeQueryNumber, withClaimedSink } from './query-number.js';
import { topicSettings } from './topic-settings.js';

export async function executeCreateAsSelect(ctx: EngineContext, queries: PersistentQueries, bound: BoundCreateAsSelect): Promise<StatementResult> {
  const table = bound.sink.kind === 'TABLE';
  const noun = table ? 'Table' : 'Stream';
  const exists = (): boolean => {
    const existing = ctx.catalog().sources.get(bound.sink.name);
    if (existing === undefined) return false;
    if (bound.ifNotExists) return true;
    throw new EngineError('SOURCE_EXISTS', `A ${existing.kind.toLowerCase()} named ${bound.sink.name} already exists.`);
  };
  // The id is taken first (a failed statement leaves a gap), so the topics can be prepared outside the catalog's lock.
  if (exists()) return { kind: 'message', text: `${noun} ${bound.sink.name} already exists.` };
  let number: number;
  try {
    number = await takeQueryNumber(ctx, bound.sink.name);
  } catch (e) {
    // Another process claimed the name first.
    if (bound.ifNotExists && e instanceof EngineError && e.code === 'SOURCE_EXISTS') return { kind: 'message', text: `${noun} ${bound.sink.name} already exists.` };
    throw e;
  }
  const id = `${table ? 'CTAS' : 'CSAS'}_${bound.sink.name}_${number}`;
  const created = await withClaimedSink(ctx, bound.sink.name, async () => {
    const { physical } = planQuery(bound.query, bound.sink, id);
    let ownsSinkTopic = false;
    if (bound.createTopic !== null && (await ctx.topics.describeTopic(bound.createTopic.name)) === undefined) {
      await ctx.topics.createTopic(bound.createTopic.name, topicSettings(bound.createTopic));
      ownsSinkTopic = true;
    }
    // "latest" means the end of the input as of now, not whenever a process first runs the query.
    if (ctx.properties.get('auto.offset.reset') === 'latest') await ctx.topics.pinStart(id, bound.query.source.topic);
    return ctx.catalogStore.transaction((): QueryDefinition | null => {
      if (exists()) return null;
      if (table) createMaterializedTable(ctx.db, { name: bound.sink.name, schema: bound.sink.schema, window: bound.sink.window?.kind ?? null });
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
        ...(ownsSinkTopic ? { ownsSinkTopic: true as const } : {}),
      };
      ctx.catalogStore.putSource({ ...bound.sink, writtenBy: id });
      ctx.catalogStore.putQuery(query);
      return query;
    });
  });
  if (created === null) return { kind: 'message', text: `${noun} ${bound.sink.name} already exists.` };
  queries.reconcile();
  const sqlite = table ? ` (materialized in the SQLite table "${bound.sink.name}")` : '';
  return { kind: 'message', text: `${noun} ${bound.sink.name} created${sqlite}; query ${created.id} is running.` };
}
