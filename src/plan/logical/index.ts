// plan/logical: logical plan nodes and planLogical.

export type * from './logical-node.js';
export type * from './logical-source.js';
export type * from './logical-filter.js';
export type * from './logical-project.js';
export type * from './logical-sink.js';
export { logicalInputs } from './logical-node.js';
export { planLogical } from './plan-logical.js';
