// PhysicalMaterialize: writes each change into the table's SQLite table, then passes it on.

import type { Schema, WindowKind } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalMaterialize {
  readonly kind: 'PhysicalMaterialize';
  readonly input: PhysicalNode;
  readonly tableName: string;
  /** The table's key and value columns; the input's rows start with them. */
  readonly tableSchema: Schema;
  readonly window: WindowKind | null;
  readonly schema: Schema;
}
