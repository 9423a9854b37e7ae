// Query state wiring: a persistent query's operators over SQLite state, plus its changelog topic when it runs on Kafka.

import type { QueryDefinition } from '../catalog/index.js';
import { buildPipeline, type Pipeline, type QueryCounters } from '../exec/index.js';
import type { StateRestorer } from '../io/index.js';
import { planKeepsState, type PhysicalPlan } from '../plan/index.js';
import { ChangelogStateStore, SqliteStateRestorer, SqliteStateStore } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import { planTables } from './plan-tables.js';
import { sinkKeptTables } from './sink-kept-tables.js';

export interface QueryStateWiring {
  /** Builds the query's operators afresh (a query with state on Kafka rebuilds them after a failure). */
  build(): Pipeline;
  /** Set when the state has a changelog topic: rebuilds local state from it when this process becomes the owner. */
  readonly restorer: StateRestorer | undefined;
}

/**
 * On the embedded log a batch's state changes commit in the same SQLite transaction as its outputs.
 * On Kafka, a query with state also writes each batch's state changes to its changelog topic in the
 * batch's Kafka transaction; the local SQLite state is a cache of that changelog.
 */
export function queryStateWiring(ctx: EngineContext, def: QueryDefinition, plan: PhysicalPlan, counters: QueryCounters): QueryStateWiring {
  const topic = planKeepsState(plan.root) ? ctx.topics.changelogTopic(def.id) : null;
  const operatorContext = (state: SqliteStateStore | ChangelogStateStore) => ({ queryId: def.id, state, processingLog: ctx.processingLogger, counters });
  if (topic === null) {
    return {
      build: () => buildPipeline(plan, { codecs: ctx.codecs, ctx: operatorContext(new SqliteStateStore(ctx.db, def.id)) }),
      restorer: undefined,
    };
  }
  // A table its sink topic keeps is restored from that topic: the changelog need not carry its rows too.
  const sinkKept = sinkKeptTables(ctx, def, plan, ctx.catalog());
  const sinkKeptNames = new Set(sinkKept.map((k) => k.spec.name));
  return {
    build: () => {
      const state = new ChangelogStateStore(ctx.db, def.id, topic, sinkKeptNames);
      const pipeline = buildPipeline(plan, { codecs: ctx.codecs, ctx: operatorContext(state) });
      return {
        ...pipeline,
        // Local state changes of a batch commit together (the Kafka transaction follows).
        process: (t, records) => ctx.db.transaction(() => pipeline.process(t, records)).immediate(),
        drainSinkRecords: () => {
          const records = pipeline.drainSinkRecords();
          for (const r of state.drain()) records.push(r);
          return records;
        },
      };
    },
    restorer: new SqliteStateRestorer(
      ctx.db,
      def.id,
      planTables(plan.root, 'PhysicalMaterialize'),
      (t, replayed) =>
        ctx.logger.info(
          (replayed === null
            ? `Query ${def.id} runs here now, on its local state (its checkpoint matches changelog topic ${t})`
            : `Query ${def.id} runs here now, on state rebuilt from changelog topic ${t} (${replayed} records)`) +
            (sinkKept.length === 0 ? '.' : `; table(s) ${sinkKept.map((k) => k.spec.name).join(', ')} rebuilt from their sink topic.`),
        ),
      sinkKept,
    ),
  };
}
