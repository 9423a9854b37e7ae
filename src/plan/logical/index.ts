// plan/logical: logical plan nodes and planLogical.

export type * from './logical-node.js';
export type * from './logical-source.js';
export type * from './logical-filter.js';
export type * from './logical-flat-map.js';
export type * from './logical-project.js';
export type * from './logical-sink.js';
export type * from './logical-changelog.js';
export type * from './logical-aggregate.js';
export type * from './logical-materialize.js';
export type * from './logical-table-scan.js';
export type * from './logical-join.js';
export { logicalInputs } from './logical-node.js';
export { planLogical, planTableMaterialization } from './plan-logical.js';
