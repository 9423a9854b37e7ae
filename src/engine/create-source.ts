// executeCreateSource: CREATE STREAM|TABLE over a topic — the topic if asked; a table also gets its SQLite table and the query that fills it.

import type { BoundCreateSource } from '../analyze/index.js';
import type { QueryDefinition, SourceDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { optimize, planPhysical, planTableMaterialization } from '../plan/index.js';
import { createMaterializedTable } from '../state/index.js';
import { redefineSource } from './alter-source.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import { takeQueryNumber } from './query-number.js';
import type { StatementResult } from './statement-result.js';
import { topicSettings } from './topic-settings.js';

export async function executeCreateSource(ctx: EngineContext, queries: PersistentQueries, bound: BoundCreateSource): Promise<StatementResult> {
  const { source } = bound;
  const noun = source.kind === 'STREAM' ? 'Stream' : 'Table';
  if (source.kind === 'TABLE' && bound.exists && bound.orReplace && !bound.ifNotExists) {
    // Analysis allowed it only when value columns are added at the end: the table is altered in place.
    const before = ctx.catalog().sources.get(source.name)?.schema.columns.length ?? source.schema.columns.length;
    const added = source.schema.columns.slice(before).map((c) => c.name);
    redefineSource(ctx, queries, source);
    return { kind: 'message', text: `Table ${source.name} replaced${added.length === 0 ? ' (unchanged columns)' : `: added ${added.join(', ')}`}.` };
  }
  // Topics live outside the catalog's database (on Kafka), so the topic is created before the definition is recorded.
  const creates = bound.createTopic !== null && !(bound.exists && bound.ifNotExists);
  if (creates && bound.createTopic !== null && (await ctx.topics.describeTopic(bound.createTopic.name)) === undefined) {
    await ctx.topics.createTopic(bound.createTopic.name, topicSettings(bound.createTopic));
  }
  // A table's materialization query needs a number (claimed with the name on Kafka, when the table is new).
  const number = source.kind === 'TABLE' && !(bound.exists && bound.ifNotExists) ? await takeQueryNumber(ctx, bound.exists ? null : source.name) : null;
  const result = ctx.catalogStore.transaction((): { text: string; query: QueryDefinition | null } => {
    // Re-checked under the write lock: another process may have created it since analysis.
    const existing = ctx.catalog().sources.get(source.name);
    if (existing !== undefined && bound.ifNotExists) return { text: `${noun} ${source.name} already exists.`, query: null };
    if (existing !== undefined && !bound.orReplace) throw new EngineError('SOURCE_EXISTS', `A ${existing.kind.toLowerCase()} named ${source.name} already exists.`);
    if (existing?.writtenBy !== null && existing?.writtenBy !== undefined) {
      throw new EngineError('SOURCE_IN_USE', `${source.name} is written by query ${existing.writtenBy}; TERMINATE it before replacing ${source.name}.`);
    }
    ctx.catalogStore.putSource(source);
    const query = source.kind === 'TABLE' && number !== null ? materializationQuery(ctx, source, number) : null;
    const verb = existing === undefined ? 'created' : 'replaced';
    return { text: `${noun} ${source.name} ${verb}${query === null ? '' : `; query ${query.id} keeps the SQLite table "${source.name}" current`}.`, query };
  });
  if (result.query !== null) queries.reconcile();
  return { kind: 'message', text: result.text };
}

/** A table over a topic is materialized by its own persistent query (`CT_<TABLE>_n`), from the topic's start. */
function materializationQuery(ctx: EngineContext, table: SourceDefinition, number: number): QueryDefinition {
  createMaterializedTable(ctx.db, { name: table.name, schema: table.schema, window: table.window?.kind ?? null });
  const id = `CT_${table.name}_${number}`;
  const physical = planPhysical(optimize(planTableMaterialization(table)), id);
  const query: QueryDefinition = {
    id,
    kind: 'CT',
    sink: table.name,
    sources: [],
    sql: table.sql,
    plan: physical,
    state: 'RUNNING',
    // The table holds every record of its topic, whatever auto.offset.reset says.
    properties: { ...ctx.properties.effective(), 'auto.offset.reset': 'earliest' },
    createdAt: ctx.clock.now(),
  };
  ctx.catalogStore.putQuery(query);
  return query;
}
