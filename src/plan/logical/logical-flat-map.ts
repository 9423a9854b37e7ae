// LogicalFlatMap: each input row becomes the rows its table functions make (EXPLODE), their values as columns after the input's.

import type { BoundTableFunctionCall } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalFlatMap {
  readonly kind: 'LogicalFlatMap';
  readonly input: LogicalNode;
  readonly calls: readonly BoundTableFunctionCall[];
  readonly schema: Schema;
}
