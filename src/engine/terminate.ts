// executeTerminate: TERMINATE id | ALL — stops persistent queries and forgets their offsets.

import type { BoundTerminate } from '../analyze/index.js';
import { dropQueryState } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import type { StatementResult } from './statement-result.js';

export async function executeTerminate(ctx: EngineContext, queries: PersistentQueries, bound: BoundTerminate): Promise<StatementResult> {
  if (bound.queries.length === 0) return { kind: 'message', text: 'No persistent queries to terminate.' };
  for (const q of bound.queries) {
    await queries.stop(q.id);
    ctx.catalogStore.transaction(() => {
      ctx.catalogStore.deleteQuery(q.id);
      // Dropping the lease row fences a process that still runs it: its next commit fails.
      ctx.leases.revoke(q.id);
      dropQueryState(ctx.db, q.id);
      const sink = ctx.catalog().sources.get(q.sink);
      if (sink !== undefined && sink.writtenBy === q.id) ctx.catalogStore.putSource({ ...sink, writtenBy: null });
    });
    await ctx.topics.forgetQuery(q.id);
  }
  return { kind: 'message', text: `Terminated ${bound.queries.map((q) => q.id).join(', ')}.` };
}
