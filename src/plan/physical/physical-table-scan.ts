// PhysicalTableScan: a pull query's read of a table's SQLite table (key lookup, key range or full scan).

import type { Schema, WindowKind } from '../../common/index.js';
import type { ScanCondition } from '../logical/index.js';

export interface PhysicalTableScan {
  readonly kind: 'PhysicalTableScan';
  readonly tableName: string;
  /** The table's key and value columns (its SQLite table's columns). */
  readonly tableSchema: Schema;
  readonly window: WindowKind | null;
  /** The rows produced: table columns, then ROWTIME, ROWPARTITION, ROWOFFSET (NULL), and WINDOWSTART, WINDOWEND. */
  readonly schema: Schema;
  readonly conditions: readonly ScanCondition[];
}
