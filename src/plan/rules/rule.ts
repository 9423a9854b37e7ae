// Rule: one logical rewrite; the optimizer applies the rules in order.

import type { LogicalPlan } from '../logical/index.js';

export interface Rule {
  readonly name: string;
  apply(plan: LogicalPlan): LogicalPlan;
}
