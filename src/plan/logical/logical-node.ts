// LogicalNode: the union of logical plan nodes, and the logical plan of one query.

import type { LogicalAggregate } from './logical-aggregate.js';
import type { LogicalChangelog } from './logical-changelog.js';
import type { LogicalJoin } from './logical-join.js';
import type { LogicalFilter } from './logical-filter.js';
import type { LogicalFlatMap } from './logical-flat-map.js';
import type { LogicalMaterialize } from './logical-materialize.js';
import type { LogicalProject } from './logical-project.js';
import type { LogicalSink } from './logical-sink.js';
import type { LogicalSource } from './logical-source.js';
import type { LogicalTableScan } from './logical-table-scan.js';

export type LogicalNode =
  | LogicalSource
  | LogicalTableScan
  | LogicalChangelog
  | LogicalJoin
  | LogicalFilter
  | LogicalFlatMap
  | LogicalAggregate
  | LogicalProject
  | LogicalMaterialize
  | LogicalSink;

/** `push`: EMIT CHANGES to a client; `pull`: to the end of the data there now; `persistent`: C*AS. */
export type QueryMode = 'push' | 'pull' | 'persistent';

export interface LogicalPlan {
  readonly mode: QueryMode;
  readonly root: LogicalNode;
  readonly limit: number | null;
}

export function logicalInputs(node: LogicalNode): readonly LogicalNode[] {
  switch (node.kind) {
    case 'LogicalSource':
    case 'LogicalTableScan':
      return [];
    case 'LogicalJoin':
      return [node.left, node.right];
    case 'LogicalChangelog':
    case 'LogicalAggregate':
    case 'LogicalMaterialize':
    case 'LogicalFilter':
    case 'LogicalFlatMap':
    case 'LogicalProject':
    case 'LogicalSink':
      return [node.input];
  }
}
