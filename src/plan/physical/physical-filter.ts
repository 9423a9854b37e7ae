// PhysicalFilter: passes on the changes whose row satisfies the predicate.

import type { BoundExpr } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalFilter {
  readonly kind: 'PhysicalFilter';
  readonly input: PhysicalNode;
  readonly predicate: BoundExpr;
  readonly schema: Schema;
}
