// optimize: applies the logical rules, in order, to a logical plan.

import type { LogicalPlan } from '../logical/index.js';
import { foldLiteralCasts } from './fold-literal-casts.js';
import { pruneSourceColumns } from './prune-source-columns.js';
import { pushKeyConditions } from './push-key-conditions.js';
import { removeTrueFilter } from './remove-true-filter.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [foldLiteralCasts, removeTrueFilter, pruneSourceColumns, pushKeyConditions];

export function optimize(plan: LogicalPlan, rules: readonly Rule[] = RULES): LogicalPlan {
  return rules.reduce((p, rule) => rule.apply(p), plan);
}
