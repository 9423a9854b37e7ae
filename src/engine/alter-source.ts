// executeAlterSource: ALTER STREAM|TABLE … ADD COLUMN (and CREATE OR REPLACE TABLE that adds columns) — the new definition; a table over a topic also gets the columns in its SQLite table and its materialization query's plan.

import type { BoundCommand } from '../analyze/index.js';
import type { SourceDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { optimize, planPhysical, planTableMaterialization } from '../plan/index.js';
import { addMaterializedColumns } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import type { StatementResult } from './statement-result.js';

export function executeAlterSource(ctx: EngineContext, queries: PersistentQueries, bound: Extract<BoundCommand, { kind: 'BoundAlterSource' }>): StatementResult {
  const { source } = bound;
  redefineSource(ctx, queries, source);
  const noun = source.kind === 'STREAM' ? 'Stream' : 'Table';
  return { kind: 'message', text: `${noun} ${source.name} altered: added ${bound.added.join(', ')}.` };
}

/**
 * Stores the new definition of an existing source declared over a topic, whose value columns only
 * grew. For a table, the CT query that keeps its SQLite table current reads the new columns from
 * the next record on (rows already there have NULL in them): the columns are added to the SQLite
 * table, and the query's new plan restarts it where it was.
 */
export function redefineSource(ctx: EngineContext, queries: PersistentQueries, source: SourceDefinition): void {
  const replanned = ctx.catalogStore.transaction(() => {
    // Re-checked under the write lock: another process may have dropped it since analysis.
    if (!ctx.catalog().sources.has(source.name)) throw new EngineError('UNKNOWN_SOURCE', `${source.name} does not exist (any more).`);
    ctx.catalogStore.putSource(source);
    if (source.kind !== 'TABLE') return false;
    addMaterializedColumns(ctx.db, { name: source.name, schema: source.schema, window: source.window?.kind ?? null });
    const materialization = [...ctx.catalog().queries.values()].find((q) => q.kind === 'CT' && q.sink === source.name);
    if (materialization === undefined) return false;
    ctx.catalogStore.putQuery({ ...materialization, sql: source.sql, plan: planPhysical(optimize(planTableMaterialization(source)), materialization.id) });
    return true;
  });
  if (replanned) queries.reconcile();
}
