// plan/rules: logical optimizer rules, one per file, and optimize.

export { optimize, RULES } from './optimize.js';
export type { Rule } from './rule.js';
