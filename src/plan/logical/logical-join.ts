// LogicalJoin: two inputs meet on equal keys (stream-stream in a window, stream-table, table-table by primary or foreign key).

import type { BoundExpr, JoinFlavor, JoinWindow } from '../../analyze/index.js';
import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalJoin {
  readonly kind: 'LogicalJoin';
  readonly left: LogicalNode;
  readonly right: LogicalNode;
  readonly flavor: JoinFlavor;
  readonly joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  /** Over the left input's schema, one per ON equality. */
  readonly leftKeys: readonly BoundExpr[];
  /** Over the right input's schema, one per ON equality. */
  readonly rightKeys: readonly BoundExpr[];
  readonly within: JoinWindow | null;
  /** Names this join's state stores (`join1`, `join2`, … left to right). */
  readonly stateName: string;
  /** The left columns, then the right's. */
  readonly schema: Schema;
}
