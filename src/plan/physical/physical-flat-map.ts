// PhysicalFlatMap: each input row becomes the rows its table functions make, zipped (the shorter results padded with NULL).

import type { BoundTableFunctionCall } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalFlatMap {
  readonly kind: 'PhysicalFlatMap';
  readonly input: PhysicalNode;
  readonly calls: readonly BoundTableFunctionCall[];
  readonly schema: Schema;
}
