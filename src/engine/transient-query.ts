// transientQuery: a push or pull query run for one client, reading topics without committing.

import type { Change, Column } from '../common/index.js';
import { buildPipeline, newCounters, QueryRunner } from '../exec/index.js';
import type { PhysicalPlan } from '../plan/index.js';
import { MemoryStateStore } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { TransientQuery } from './statement-result.js';

const IDLE_WAIT_MS = 250;

export function transientQuery(ctx: EngineContext, plan: PhysicalPlan, columns: readonly Column[]): TransientQuery {
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
    stats: () => ({ recordsIn: counters.recordsIn, errors: counters.errors, lateDropped: 0 }),
    async run(onChange: (change: Change) => void, options = {}) {
      const stop = new AbortController();
      const outer = options.signal;
      const onAbort = () => stop.abort();
      outer?.addEventListener('abort', onAbort, { once: true });
      if (outer?.aborted === true) stop.abort();
      let delivered = 0;
      const limit = plan.limit;
      const pipeline = buildPipeline(plan, {
        codecs: ctx.codecs,
        ctx: { queryId: plan.queryId, state: new MemoryStateStore(), processingLog: ctx.processingLogger, counters },
        output: (batch) => {
          for (const change of batch) {
            if (limit !== null && delivered >= limit) break;
            delivered++;
            onChange(change);
          }
          if (limit !== null && delivered >= limit) stop.abort();
        },
      });
      const io = await ctx.topics.openQuery({ queryId: plan.queryId, topics: pipeline.topics, reset: start, guarantee: null });
      const runner = new QueryRunner({ pipeline, readers: io.readers, maxBatchRecords });
      try {
        if (mode === 'pull' || options.untilCaughtUp === true) {
          await runner.runUntilCaughtUp(stop.signal);
        } else {
          while (!stop.signal.aborted) await runner.step(IDLE_WAIT_MS, stop.signal);
        }
      } finally {
        outer?.removeEventListener('abort', onAbort);
        runner.close();
        await io.close();
      }
    },
  };
}
