// LogicalFilter: keeps the rows for which the predicate is TRUE (NULL and FALSE drop the row).

import type { BoundExpr } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalFilter {
  readonly kind: 'LogicalFilter';
  readonly input: LogicalNode;
  readonly predicate: BoundExpr;
  readonly schema: Schema;
}
