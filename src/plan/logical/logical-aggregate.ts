// LogicalAggregate: GROUP BY [WINDOW] — one row per key (and window), updated by every input change.

import type { BoundAggregateCall, BoundExpr } from '../../analyze/index.js';
import type { Schema, WindowSpec } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalAggregate {
  readonly kind: 'LogicalAggregate';
  readonly input: LogicalNode;
  readonly groupBy: readonly BoundExpr[];
  readonly aggregates: readonly BoundAggregateCall[];
  readonly window: WindowSpec | null;
  /** CHANGES: every update; FINAL: one row per window once it closes. */
  readonly emit: 'CHANGES' | 'FINAL';
  /** The input is a table's changelog: updates retract the old row first. */
  readonly tableInput: boolean;
  /** Keys, window bounds (pseudo), aggregate results. */
  readonly schema: Schema;
}
