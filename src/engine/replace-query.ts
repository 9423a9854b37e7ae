// executeReplaceQuery: CREATE OR REPLACE STREAM … AS SELECT over an existing query's sink — an in-place upgrade.

import type { BoundCreateAsSelect } from '../analyze/index.js';
import { queriesUsing, type Catalog, type QueryDefinition, type SourceDefinition } from '../catalog/index.js';
import { EngineError, formatSqlType, type Column } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { decodePhysicalPlan, keepsStateInTable, planFormatVersion, withoutStateInTables, type PhysicalPlan } from '../plan/index.js';
import { planQuery } from './plan-query.js';
import type { StatementResult } from './statement-result.js';

/**
 * Replaces the query that writes the sink with the new plan under the same query id, so it keeps
 * its consumer offsets and state: it goes on from where the old plan stopped. Refused (with the
 * reason) when the new plan is not compatible with the old one; see `replaceIncompatibility`.
 */
export async function executeReplaceQuery(ctx: EngineContext, queries: PersistentQueries, bound: BoundCreateAsSelect): Promise<StatementResult> {
  const name = bound.sink.name;
  const before = ctx.catalog();
  const old = ownerQuery(before, name);
  await queries.stop(old.id);
  const replaced = ctx.catalogStore.transaction((): QueryDefinition => {
    const catalog = ctx.catalog();
    const current = ownerQuery(catalog, name);
    const reason = replaceIncompatibility(catalog, current, bound);
    if (reason !== null) throw new EngineError('INVALID_STATEMENT', `Cannot replace ${name}: ${reason}.`);
    const physical = keptStatePlan(current, planQuery(bound.query, bound.sink, current.id).physical, name);
    const query: QueryDefinition = {
      ...current,
      sql: bound.sink.sql,
      sources: [bound.query.source.name],
      plan: physical,
      properties: ctx.properties.effective(),
    };
    // Revoking the lease fences any process still running the old plan; the new plan starts where it stopped.
    ctx.leases.revoke(current.id);
    ctx.catalogStore.putSource({ ...bound.sink, writtenBy: current.id });
    ctx.catalogStore.putQuery(query);
    return query;
  });
  queries.reconcile();
  return { kind: 'message', text: `Stream ${name} replaced; query ${replaced.id} continues with the new plan.` };
}

/**
 * The new plan keeps the aggregation state where the old plan kept it: in the store when the old
 * plan did (the new plan's table flag is dropped), in the table when the old plan did (refused if
 * the new plan cannot: its store would be empty).
 */
function keptStatePlan(old: QueryDefinition, plan: PhysicalPlan, name: string): PhysicalPlan {
  const oldInTable = keepsStateInTable(decodePhysicalPlan(old.plan).root);
  if (oldInTable) {
    if (!keepsStateInTable(plan.root)) {
      throw new EngineError('INVALID_STATEMENT', `Cannot replace ${name}: its query keeps the GROUP BY's state in the table's rows, and the new query could not (its aggregates or key columns differ).`);
    }
    return plan;
  }
  if (!keepsStateInTable(plan.root)) return plan;
  const root = withoutStateInTables(plan.root);
  return { ...plan, root, formatVersion: planFormatVersion(root) };
}

function ownerQuery(catalog: Catalog, name: string): QueryDefinition {
  const sink = catalog.sources.get(name);
  const query = sink?.writtenBy === null || sink?.writtenBy === undefined ? undefined : catalog.queries.get(sink.writtenBy);
  if (sink === undefined) throw new EngineError('UNKNOWN_SOURCE', `${name} does not exist.`);
  if (query === undefined) {
    throw new EngineError(
      'INVALID_STATEMENT',
      `Cannot replace ${name}: it is not the sink of a persistent query (a stream over a topic cannot become one in place; DROP it first).`,
    );
  }
  return query;
}

/**
 * Why the new plan cannot take over the old query's offsets and sink, or null when it can: it must
 * read the same source, write the same topic in the same formats, keep the key columns, and keep
 * the type of every value column it keeps. Columns may be added, and dropped unless another query
 * reads them from the sink.
 */
export function replaceIncompatibility(catalog: Catalog, old: QueryDefinition, bound: BoundCreateAsSelect): string | null {
  const oldSink = catalog.sources.get(old.sink) as SourceDefinition;
  const newSink = bound.sink;
  const oldSource = old.sources[0] ?? '';
  if (bound.query.source.name !== oldSource) return `the query reads ${oldSource}, and the new one reads ${bound.query.source.name} (a new source needs new offsets)`;
  if (newSink.topic !== oldSink.topic) return `the sink topic would change from '${oldSink.topic}' to '${newSink.topic}'`;
  const f = (s: SourceDefinition) => `KEY_FORMAT=${s.formats.keyFormat}, VALUE_FORMAT=${s.formats.valueFormat}, WRAP_SINGLE_VALUE=${s.formats.wrapSingleValue}`;
  if (f(oldSink) !== f(newSink)) return `the sink formats would change from ${f(oldSink)} to ${f(newSink)}`;
  const show = (cols: readonly Column[]) => cols.map((c) => `${c.name} ${formatSqlType(c.type)}`).join(', ') || 'no key';
  const oldKey = oldSink.schema.columns.filter((c) => c.namespace === 'key');
  const newKey = newSink.schema.columns.filter((c) => c.namespace === 'key');
  if (show(oldKey) !== show(newKey)) return `the key would change from (${show(oldKey)}) to (${show(newKey)})`;
  const readers = queriesUsing(catalog, old.sink).filter((q) => q.id !== old.id);
  for (const column of oldSink.schema.columns.filter((c) => c.namespace === 'value')) {
    const kept = newSink.schema.columns.find((c) => c.name === column.name);
    if (kept !== undefined && formatSqlType(kept.type) !== formatSqlType(column.type)) {
      return `column ${column.name} would change type from ${formatSqlType(column.type)} to ${formatSqlType(kept.type)}`;
    }
    if (kept === undefined && readers.length > 0) {
      return `column ${column.name} would disappear, and ${readers.map((q) => q.id).join(', ')} read${readers.length === 1 ? 's' : ''} ${old.sink}`;
    }
  }
  return null;
}
