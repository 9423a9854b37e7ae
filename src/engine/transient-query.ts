// transientQuery: a push or pull query run for one client, reading topics (or a table's SQLite table) without committing.

import type { Catalog } from '../catalog/index.js';
import type { Change, Column } from '../common/index.js';
import { buildPipeline, newCounters, QueryRunner } from '../exec/index.js';
import type { PhysicalPlan } from '../plan/index.js';
import { MemoryStateStore, SqliteMaterializedTable } from '../state/index.js';
import { changelogTables, changelogTopicsOf, NO_CHANGELOG_TABLES } from './changelog-tables.js';
import type { EngineContext } from './engine-context.js';
import type { TransientQuery } from './statement-result.js';

/** How long one poll of a transient read (push query, PRINT) waits for records before looking at its cancel switch again. */
export const IDLE_WAIT_MS = 250;

/**
 * `catalog` is the one the query was analyzed with (it names the tables the plan scans). A pull
 * query over tables on the embedded log runs synchronously from `run` to its answer: it reads the
 * tables' SQLite tables as committed, and no await lets a persistent query's batch run in between.
 */
export function transientQuery(ctx: EngineContext, plan: PhysicalPlan, columns: readonly Column[], catalog: Catalog): TransientQuery {
  const mode = plan.mode === 'pull' ? 'pull' : 'push';
  // Pull queries read everything there is; push queries honour auto.offset.reset.
  const start = mode === 'pull' || ctx.properties.get('auto.offset.reset') === 'earliest' ? 'earliest' : 'latest';
  const maxBatchRecords = Number(ctx.properties.get('max.poll.records'));
  const counters = newCounters();
  return {
    id: plan.queryId,
    mode,
    columns,
    limit: plan.limit,
    startsFrom: start,
    stats: () => ({ recordsIn: counters.recordsIn, errors: counters.errors, lateDropped: counters.late }),
    async run(onChange: (change: Change) => void, options = {}) {
      const stop = new AbortController();
      const outer = options.signal;
      const onAbort = () => stop.abort();
      outer?.addEventListener('abort', onAbort, { once: true });
      if (outer?.aborted === true) stop.abort();
      let delivered = 0;
      const limit = plan.limit;
      // State lives in memory; pull queries on tables read the tables' SQLite tables (on Kafka, their changelogs).
      const changelogs = changelogTopicsOf(ctx, plan, catalog);
      const replayed = changelogs.size === 0 ? NO_CHANGELOG_TABLES : await changelogTables(ctx, changelogs);
      try {
        const state = new MemoryStateStore((spec) => replayed.get(spec) ?? new SqliteMaterializedTable(ctx.db, spec));
        const pipeline = buildPipeline(plan, {
          codecs: ctx.codecs,
          ctx: { queryId: plan.queryId, state, processingLog: ctx.processingLogger, counters },
          output: (batch) => {
            for (const change of batch) {
              if (limit !== null && delivered >= limit) break;
              delivered++;
              onChange(change);
            }
            if (limit !== null && delivered >= limit) stop.abort();
          },
        });
        pipeline.runScans(() => stop.signal.aborted);
        // A pull query over a table reads its SQLite table (the scans above) and no topic: it is answered.
        if (pipeline.topics.length === 0) return;
        const io = await ctx.topics.openQuery({ queryId: plan.queryId, topics: pipeline.topics, reset: start, fromStart: pipeline.tableTopics, guarantee: null });
        const runner = new QueryRunner({ pipeline, readers: io.readers, maxBatchRecords });
        try {
          if (mode === 'pull' || options.untilCaughtUp === true) {
            await runner.runUntilCaughtUp(stop.signal);
          } else {
            while (!stop.signal.aborted) await runner.step(IDLE_WAIT_MS, stop.signal);
          }
        } finally {
          runner.close();
          await io.close();
        }
      } finally {
        outer?.removeEventListener('abort', onAbort);
        replayed.close();
      }
    },
  };
}

/** Said when a push query reads from the latest offset and has shown nothing yet (ksqlDB users' most common surprise). */
export const LATEST_OFFSET_HINT =
  "Nothing yet? SET 'auto.offset.reset'='earliest'; and run it again to read the records already there: this push query reads only new ones (auto.offset.reset is 'latest').";
