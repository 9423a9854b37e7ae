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
  /**
   * Set when the query materializes every group's row, as it emits it, into this table, and that
   * row determines the group's state exactly: the state is then read back from the table's row
   * (by the group's key) and not written to a store of its own. Absent in plans of older builds
   * (format below 4), which keep their state in the key-value store.
   */
  readonly stateTable?: AggregateStateTable;
}

/** Where a GROUP BY's state lives in the table it materializes (see `PhysicalAggregate.stateTable`). */
export interface AggregateStateTable {
  readonly tableName: string;
  /** The materialized table's schema: its key columns are the GROUP BY's, in order. */
  readonly tableSchema: Schema;
  /** The table column holding each aggregate's result, by aggregate. */
  readonly resultColumns: readonly number[];
}

/**
 * Whether the aggregation is grouped by text: with a state table, a group whose key text SQLite does
 * not give back exactly then keeps its state in the store (plan format 5; `exactTableKey` in exec).
 */
export function groupsByText(node: PhysicalAggregate): boolean {
  return node.groupBy.some((g) => g.type.kind === 'STRING');
}
