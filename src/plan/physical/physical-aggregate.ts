// PhysicalAggregate: GROUP BY [WINDOW] with state per key (and window) in the state store.

import type { BoundAggregateCall, BoundExpr } from '../../analyze/index.js';
import type { Schema, WindowSpec } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalAggregate {
  readonly kind: 'PhysicalAggregate';
  readonly input: PhysicalNode;
  /** Over the input schema: one key column each. */
  readonly groupBy: readonly BoundExpr[];
  readonly aggregates: readonly BoundAggregateCall[];
  readonly window: WindowSpec | null;
  readonly emit: 'CHANGES' | 'FINAL';
  readonly tableInput: boolean;
  /** Keys, WINDOWSTART and WINDOWEND when windowed, aggregate results. */
  readonly schema: Schema;
  /** Where each input row holds its record's partition and offset (stream time per partition; processing log). */
  readonly partitionColumn: number;
  readonly offsetColumn: number;
  /** The topic the input records come from (for the processing log). */
  readonly topic: string;
}
