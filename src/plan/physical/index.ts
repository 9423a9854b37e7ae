// plan/physical: physical plan nodes (versioned JSON data) and planPhysical.

export type * from './physical-source.js';
export type * from './physical-filter.js';
export type * from './physical-flat-map.js';
export type * from './physical-project.js';
export type * from './physical-sink.js';
export type * from './physical-changelog.js';
export type * from './physical-aggregate.js';
export { groupsByText } from './physical-aggregate.js';
export type * from './physical-materialize.js';
export type * from './physical-table-scan.js';
export type * from './physical-join.js';
export type { PhysicalNode, PhysicalPlan } from './physical-node.js';
export { PHYSICAL_PLAN_FORMAT_VERSION, planFormatVersion, physicalInputs, planSources, planAggregates, planKeepsState, decodePhysicalPlan } from './physical-node.js';
export { planPhysical } from './plan-physical.js';
export { withoutStateInTables, keepsStateInTable } from './state-in-table.js';
