// LogicalChangelog: reads a table's topic as a changelog — each record upserts its key, a null value deletes it.

import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalChangelog {
  readonly kind: 'LogicalChangelog';
  readonly input: LogicalNode;
  readonly schema: Schema;
  /** The state store of the row each key holds (default `changelog`; a join's right table gets its own). */
  readonly stateName?: string;
  /**
   * Whether each change carries the row it replaces (`before`), kept in state for that. False where the only
   * consumer never reads it (a stream-table join's table side when not windowed, a table's own materialization); absent: true.
   */
  readonly tracksBefore?: boolean;
}
