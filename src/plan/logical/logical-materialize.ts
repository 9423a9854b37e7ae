// LogicalMaterialize: keeps a table's SQLite table current with the changes flowing through it.

import type { Schema, WindowKind } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalMaterialize {
  readonly kind: 'LogicalMaterialize';
  readonly input: LogicalNode;
  readonly tableName: string;
  /** The table's key and value columns (the input's rows start with them). */
  readonly tableSchema: Schema;
  readonly window: WindowKind | null;
  readonly schema: Schema;
}
