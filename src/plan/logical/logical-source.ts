// LogicalSource: reading a stream's topic; `readColumns` lists the columns the query uses.

import type { SourceDefinition } from '../../catalog/index.js';
import type { Schema } from '../../common/index.js';

export interface LogicalSource {
  readonly kind: 'LogicalSource';
  readonly source: SourceDefinition;
  /** The source's columns plus pseudo columns. */
  readonly schema: Schema;
  /** Indexes into `schema` that some expression reads (null: all of them). */
  readonly readColumns: readonly number[] | null;
}
