// changelogTables: a pull query's tables rebuilt from their queries' changelog (or sink) topics (on Kafka, where the state may live in another process).

import type { Catalog, QueryDefinition } from '../catalog/index.js';
import type { MaterializedTable, MaterializedTableSpec } from '../exec/index.js';
import { decodePhysicalPlan, type PhysicalPlan } from '../plan/index.js';
import { replayMaterializedTable, replaySinkKeptTable, type SinkKeptTable } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import { planTables } from './plan-tables.js';
import { sinkKeptTables } from './sink-kept-tables.js';

export interface ChangelogTables {
  /** The rebuilt table of `spec`, or undefined when the table has no changelog (read the local SQLite table). */
  get(spec: MaterializedTableSpec): MaterializedTable | undefined;
  close(): void;
}

/** No table rebuilt: every table is read from its local SQLite table. */
export const NO_CHANGELOG_TABLES: ChangelogTables = { get: () => undefined, close: () => undefined };

/** Where a scanned table's current rows are: its writer's changelog, or (kept) its sink topic. */
export interface TableTopic {
  readonly spec: MaterializedTableSpec;
  readonly topic: string;
  /** Set when the sink topic keeps the table (its writer writes no 'm' records for it): read that instead. */
  readonly kept: SinkKeptTable | null;
}

/**
 * The changelog topic of each table the plan scans whose writing query keeps one (table name →
 * topic); empty on the embedded log, which has no changelogs. Synchronous, so a pull query over
 * local tables reaches its answer without yielding to the event loop.
 */
export function changelogTopicsOf(ctx: EngineContext, plan: PhysicalPlan, catalog: Catalog): Map<string, TableTopic> {
  const topics = new Map<string, TableTopic>();
  for (const spec of planTables(plan.root, 'PhysicalTableScan')) {
    const writer = [...catalog.queries.values()].find((q) => q.sink === spec.name && q.state === 'RUNNING');
    const topic = writer === undefined ? null : ctx.topics.changelogTopic(writer.id);
    if (writer === undefined || topic === null) continue;
    const kept = keptTableOf(ctx, writer, catalog, spec.name);
    topics.set(spec.name, { spec, topic, kept: kept === null ? null : { ...kept, spec } });
  }
  return topics;
}

/** The writer's table when its sink topic keeps it; null otherwise (also for a plan this version cannot read: its changelog, as before). */
function keptTableOf(ctx: EngineContext, writer: QueryDefinition, catalog: Catalog, name: string): SinkKeptTable | null {
  if (writer.ownsSinkTopic !== true) return null;
  let decoded: PhysicalPlan;
  try {
    decoded = decodePhysicalPlan(writer.plan);
  } catch {
    return null;
  }
  return sinkKeptTables(ctx, writer, decoded, catalog).find((k) => k.spec.name === name) ?? null;
}

/**
 * On Kafka the query keeping a table current may run in any process of the deployment, so a pull
 * query reads the table as its changelog topic (or, for a table its sink topic keeps, that topic)
 * holds it (committed transactions only), not this process's SQLite table. On the embedded log there are no changelogs: every table is local.
 */
export async function changelogTables(ctx: EngineContext, topics: ReadonlyMap<string, TableTopic>): Promise<ChangelogTables> {
  const tables = new Map<string, { table: MaterializedTable; close: () => void }>();
  for (const [name, { spec, topic, kept }] of topics) {
    const read = kept === null ? topic : kept.topic;
    const records = (await ctx.topics.describeTopic(read)) === undefined ? [] : await ctx.topics.readAll(read);
    tables.set(name, kept === null ? replayMaterializedTable(spec, records) : replaySinkKeptTable(kept, records));
  }
  return {
    get: (spec) => tables.get(spec.name)?.table,
    close: () => {
      for (const t of tables.values()) t.close();
    },
  };
}
