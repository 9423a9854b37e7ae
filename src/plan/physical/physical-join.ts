// PhysicalJoin: joins the changes of two inputs by key, keeping each side's state in the query's state store.

import type { BoundExpr, JoinFlavor, JoinWindow } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalJoin {
  readonly kind: 'PhysicalJoin';
  readonly left: PhysicalNode;
  readonly right: PhysicalNode;
  readonly flavor: JoinFlavor;
  readonly joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  readonly leftKeys: readonly BoundExpr[];
  readonly rightKeys: readonly BoundExpr[];
  readonly within: JoinWindow | null;
  readonly stateName: string;
  /** The left columns, then the right's. */
  readonly schema: Schema;
}
