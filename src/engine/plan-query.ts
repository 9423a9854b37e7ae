// planQuery: bound query → logical → optimized → physical plan, in one place for every caller.

import type { BoundQuery } from '../analyze/index.js';
import type { SourceDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { optimize, planKeepsState, planLogical, planPhysical, type LogicalPlan, type PhysicalPlan } from '../plan/index.js';
import type { EngineContext } from './engine-context.js';

export interface PlannedQuery {
  readonly logical: LogicalPlan;
  readonly physical: PhysicalPlan;
}

/**
 * A persistent query with state cannot run exactly-once on Kafka until its state has changelog
 * topics (local SQLite state would commit apart from the Kafka transaction): refuse it clearly.
 */
export function requireStatelessOnKafka(ctx: EngineContext, plan: PhysicalPlan, what: string): void {
  if (ctx.topics.kind === 'kafka' && planKeepsState(plan.root)) {
    throw new EngineError(
      'NOT_SUPPORTED',
      `${what} keeps state (an aggregation or a table), which does not run on Kafka yet: its state needs changelog topics to be exactly-once. Run it on the embedded log (without --brokers).`,
    );
  }
}

export function planQuery(query: BoundQuery, sink: SourceDefinition | null, queryId: string): PlannedQuery {
  const logical = optimize(planLogical(query, sink));
  return { logical, physical: planPhysical(logical, queryId) };
}
