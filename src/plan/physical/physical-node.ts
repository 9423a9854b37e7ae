// PhysicalNode and PhysicalPlan: the versioned, JSON-serializable plan that exec runs and queries store.

import { EngineError } from '../../common/index.js';
import { groupsByText, type PhysicalAggregate } from './physical-aggregate.js';
import type { PhysicalChangelog } from './physical-changelog.js';
import type { PhysicalJoin } from './physical-join.js';
import type { PhysicalFilter } from './physical-filter.js';
import type { PhysicalFlatMap } from './physical-flat-map.js';
import type { PhysicalMaterialize } from './physical-materialize.js';
import type { PhysicalProject } from './physical-project.js';
import type { PhysicalSink } from './physical-sink.js';
import type { PhysicalSource } from './physical-source.js';
import type { PhysicalTableScan } from './physical-table-scan.js';

export type PhysicalNode =
  | PhysicalSource
  | PhysicalTableScan
  | PhysicalChangelog
  | PhysicalJoin
  | PhysicalFilter
  | PhysicalFlatMap
  | PhysicalAggregate
  | PhysicalProject
  | PhysicalMaterialize
  | PhysicalSink;

/**
 * Version 2 added tables: changelog, aggregate, materialize and table-scan nodes, and joins (version
 * 1 plans still run); version 3 the flat map (table functions); version 4 an aggregation's state kept
 * in its materialized table (`PhysicalAggregate.stateTable`: a build that ignored it would find no
 * state); version 5 that under STRING keys (the groups whose text SQLite cannot give back exactly keep
 * their state in the store, which a format-4 build would not look in). A plan is written with the
 * lowest version that has all its nodes, so builds that predate a node still run the plans without it.
 */
export const PHYSICAL_PLAN_FORMAT_VERSION = 5;
const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4, 5];

/** The format version a plan rooted at `root` needs. */
export function planFormatVersion(root: PhysicalNode): number {
  const inTable = planAggregates(root).filter((a) => a.stateTable !== undefined);
  if (inTable.length > 0) return inTable.some(groupsByText) ? 5 : 4;
  const uses = (node: PhysicalNode): boolean => node.kind === 'PhysicalFlatMap' || physicalInputs(node).some(uses);
  return uses(root) ? 3 : 2;
}

export interface PhysicalPlan {
  readonly formatVersion: number;
  readonly queryId: string;
  readonly mode: 'push' | 'pull' | 'persistent';
  readonly root: PhysicalNode;
  /** Transient queries stop after this many rows. */
  readonly limit: number | null;
}

export function physicalInputs(node: PhysicalNode): readonly PhysicalNode[] {
  switch (node.kind) {
    case 'PhysicalSource':
    case 'PhysicalTableScan':
      return [];
    case 'PhysicalJoin':
      return [node.left, node.right];
    case 'PhysicalChangelog':
    case 'PhysicalAggregate':
    case 'PhysicalMaterialize':
    case 'PhysicalFilter':
    case 'PhysicalFlatMap':
    case 'PhysicalProject':
    case 'PhysicalSink':
      return [node.input];
  }
}

/** The source nodes of a plan (one per side of a join). */
export function planSources(node: PhysicalNode): PhysicalSource[] {
  return node.kind === 'PhysicalSource' ? [node] : physicalInputs(node).flatMap(planSources);
}

/** The aggregation nodes of a plan (DESCRIBE EXTENDED reports their windows and late records). */
export function planAggregates(node: PhysicalNode): PhysicalAggregate[] {
  const below = physicalInputs(node).flatMap(planAggregates);
  return node.kind === 'PhysicalAggregate' ? [node, ...below] : below;
}

/** Whether the plan keeps state between batches (aggregations, table changelogs, materialized tables). */
export function planKeepsState(node: PhysicalNode): boolean {
  switch (node.kind) {
    case 'PhysicalChangelog':
      return node.tracksBefore !== false || planKeepsState(node.input);
    case 'PhysicalJoin':
    case 'PhysicalAggregate':
    case 'PhysicalMaterialize':
      return true;
    case 'PhysicalSource':
    case 'PhysicalTableScan':
    case 'PhysicalFilter':
    case 'PhysicalFlatMap':
    case 'PhysicalProject':
    case 'PhysicalSink':
      return physicalInputs(node).some(planKeepsState);
  }
}

/** Checks a stored plan's version before it is run again (after a restart or an upgrade). */
export function decodePhysicalPlan(json: unknown): PhysicalPlan {
  const plan = json as Partial<PhysicalPlan> | null;
  if (plan === null || typeof plan !== 'object' || plan.root === undefined || typeof plan.queryId !== 'string') {
    throw new EngineError('INTERNAL', 'Stored query plan is not a physical plan.');
  }
  if (!READABLE_VERSIONS.includes(plan.formatVersion ?? -1)) {
    throw new EngineError(
      'NOT_SUPPORTED',
      `Query ${plan.queryId} was stored with plan format ${String(plan.formatVersion)}; this Eddy reads format ${PHYSICAL_PLAN_FORMAT_VERSION}.`,
    );
  }
  return plan as PhysicalPlan;
}
