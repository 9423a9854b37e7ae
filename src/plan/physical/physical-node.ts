// PhysicalNode and PhysicalPlan: the versioned, JSON-serializable plan that exec runs and queries store.

import { EngineError } from '../../common/index.js';
import type { PhysicalFilter } from './physical-filter.js';
import type { PhysicalProject } from './physical-project.js';
import type { PhysicalSink } from './physical-sink.js';
import type { PhysicalSource } from './physical-source.js';

export type PhysicalNode = PhysicalSource | PhysicalFilter | PhysicalProject | PhysicalSink;

export const PHYSICAL_PLAN_FORMAT_VERSION = 1;

export interface PhysicalPlan {
  readonly formatVersion: typeof PHYSICAL_PLAN_FORMAT_VERSION;
  readonly queryId: string;
  readonly mode: 'push' | 'pull' | 'persistent';
  readonly root: PhysicalNode;
  /** Transient queries stop after this many rows. */
  readonly limit: number | null;
}

export function physicalInputs(node: PhysicalNode): readonly PhysicalNode[] {
  switch (node.kind) {
    case 'PhysicalSource':
      return [];
    case 'PhysicalFilter':
    case 'PhysicalProject':
    case 'PhysicalSink':
      return [node.input];
  }
}

/** The source nodes of a plan (one for now; joins will bring more). */
export function planSources(node: PhysicalNode): PhysicalSource[] {
  return node.kind === 'PhysicalSource' ? [node] : physicalInputs(node).flatMap(planSources);
}

/** Checks a stored plan's version before it is run again (after a restart or an upgrade). */
export function decodePhysicalPlan(json: unknown): PhysicalPlan {
  const plan = json as Partial<PhysicalPlan> | null;
  if (plan === null || typeof plan !== 'object' || plan.root === undefined || typeof plan.queryId !== 'string') {
    throw new EngineError('INTERNAL', 'Stored query plan is not a physical plan.');
  }
  if (plan.formatVersion !== PHYSICAL_PLAN_FORMAT_VERSION) {
    throw new EngineError(
      'NOT_SUPPORTED',
      `Query ${plan.queryId} was stored with plan format ${String(plan.formatVersion)}; this Eddy reads format ${PHYSICAL_PLAN_FORMAT_VERSION}.`,
    );
  }
  return plan as PhysicalPlan;
}
