// plan: logical plans, optimizer rules, physical plans, and EXPLAIN text — pure and synchronous.

export * from './logical/index.js';
export * from './rules/index.js';
export * from './physical/index.js';
export { explainPlans, explainPhysicalPlan } from './explain.js';
export { formatBoundExpr } from './format-expr.js';
export type { BoundExpr } from '../analyze/index.js';
