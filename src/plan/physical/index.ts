// plan/physical: physical plan nodes (versioned JSON data) and planPhysical.

export type * from './physical-source.js';
export type * from './physical-filter.js';
export type * from './physical-project.js';
export type * from './physical-sink.js';
export type { PhysicalNode, PhysicalPlan } from './physical-node.js';
export { PHYSICAL_PLAN_FORMAT_VERSION, physicalInputs, planSources, decodePhysicalPlan } from './physical-node.js';
export { planPhysical } from './plan-physical.js';
