// LogicalProject: computes the output columns from each input row.

import type { BoundExpr } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalProject {
  readonly kind: 'LogicalProject';
  readonly input: LogicalNode;
  readonly expressions: readonly BoundExpr[];
  readonly schema: Schema;
}
