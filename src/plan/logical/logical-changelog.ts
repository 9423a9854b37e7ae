// LogicalChangelog: reads a table's topic as a changelog — each record upserts its key, a null value deletes it.

import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalChangelog {
  readonly kind: 'LogicalChangelog';
  readonly input: LogicalNode;
  readonly schema: Schema;
  /** The state store of the row each key holds (default `changelog`; a join's right table gets its own). */
  readonly stateName?: string;
}
