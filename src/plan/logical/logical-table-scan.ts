// LogicalTableScan: a pull query reads a table's rows from its SQLite table, using key conditions when it can.

import type { LiteralJson } from '../../analyze/index.js';
import type { SourceDefinition } from '../../catalog/index.js';
import type { Schema, SqlType } from '../../common/index.js';

/** `column op literal` on a key column or WINDOWSTART / WINDOWEND, answered by the SQLite index. */
export interface ScanCondition {
  readonly column: string;
  readonly op: '=' | '<' | '<=' | '>' | '>=';
  readonly value: LiteralJson;
  readonly type: SqlType;
}

export interface LogicalTableScan {
  readonly kind: 'LogicalTableScan';
  readonly source: SourceDefinition;
  /** The table's columns plus pseudo columns (ROWTIME, …, WINDOWSTART, WINDOWEND). */
  readonly schema: Schema;
  readonly conditions: readonly ScanCondition[];
}
