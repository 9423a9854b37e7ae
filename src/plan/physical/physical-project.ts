// PhysicalProject: computes one output column per expression.

import type { BoundExpr } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalProject {
  readonly kind: 'PhysicalProject';
  readonly input: PhysicalNode;
  readonly expressions: readonly BoundExpr[];
  readonly schema: Schema;
}
