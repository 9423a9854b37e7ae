// planQuery: bound query → logical → optimized → physical plan, in one place for every caller.

import type { BoundQuery } from '../analyze/index.js';
import type { SourceDefinition } from '../catalog/index.js';
import { optimize, planLogical, planPhysical, type LogicalPlan, type PhysicalPlan } from '../plan/index.js';

export interface PlannedQuery {
  readonly logical: LogicalPlan;
  readonly physical: PhysicalPlan;
}

export function planQuery(query: BoundQuery, sink: SourceDefinition | null, queryId: string): PlannedQuery {
  const logical = optimize(planLogical(query, sink));
  return { logical, physical: planPhysical(logical, queryId) };
}
