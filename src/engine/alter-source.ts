// executeAlterSource: ALTER STREAM|TABLE … ADD COLUMN — the new definition; a table over a topic also gets the columns in its SQLite table and its materialization query's plan.

import type { BoundCommand } from '../analyze/index.js';
import { optimize, planPhysical, planTableMaterialization } from '../plan/index.js';
import { addMaterializedColumns } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import type { StatementResult } from './statement-result.js';

export function executeAlterSource(ctx: EngineContext, queries: PersistentQueries, bound: Extract<BoundCommand, { kind: 'BoundAlterSource' }>): StatementResult {
  const { source } = bound;
  const replanned = ctx.catalogStore.transaction(() => {
    ctx.catalogStore.putSource(source);
    if (source.kind !== 'TABLE') return false;
    // The CT query that keeps the table's SQLite table current reads the new columns from the next record on
    // (rows already in the table have NULL there); its changed plan restarts it where it was.
    const materialization = [...ctx.catalog().queries.values()].find((q) => q.kind === 'CT' && q.sink === source.name);
    addMaterializedColumns(ctx.db, { name: source.name, schema: source.schema, window: source.window?.kind ?? null });
    if (materialization === undefined) return false;
    ctx.catalogStore.putQuery({ ...materialization, plan: planPhysical(optimize(planTableMaterialization(source)), materialization.id) });
    return true;
  });
  if (replanned) queries.reconcile();
  const noun = source.kind === 'STREAM' ? 'Stream' : 'Table';
  return { kind: 'message', text: `${noun} ${source.name} altered: added ${bound.added.join(', ')}.` };
}
