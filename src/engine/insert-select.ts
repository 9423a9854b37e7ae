// executeInsertSelect: INSERT INTO stream SELECT … — a persistent query appending to an existing stream.

import type { BoundInsertSelect } from '../analyze/index.js';
import type { QueryDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import type { StatementResult } from './statement-result.js';

export function executeInsertSelect(ctx: EngineContext, queries: PersistentQueries, bound: BoundInsertSelect, sql: string): StatementResult {
  const created = ctx.catalogStore.transaction((): QueryDefinition => {
    const catalog = ctx.catalog();
    if (!catalog.sources.has(bound.target.name)) throw new EngineError('UNKNOWN_SOURCE', `${bound.target.name} does not exist any more.`);
    const id = bound.queryId ?? `INSERTQUERY_${ctx.catalogStore.nextNumber('query')}`;
    if (catalog.queries.has(id)) throw new EngineError('INVALID_PROPERTY', `A query with id ${id} already exists.`);
    const { physical } = planQuery(bound.query, bound.target, id);
    const query: QueryDefinition = {
      id,
      kind: 'INSERT',
      sink: bound.target.name,
      sources: [bound.query.source.name],
      sql,
      plan: physical,
      state: 'RUNNING',
      properties: ctx.properties.effective(),
      createdAt: ctx.clock.now(),
    };
    if (ctx.properties.get('auto.offset.reset') === 'latest') {
      const input = ctx.log.describeTopic(bound.query.source.topic);
      if (input !== undefined) ctx.offsets.save(id, input.name, new Map(input.endOffsets.map((o, p) => [p, o])));
    }
    ctx.catalogStore.putQuery(query);
    return query;
  });
  queries.reconcile();
  return { kind: 'message', text: `Query ${created.id} is running: it inserts into ${bound.target.name}.` };
}
