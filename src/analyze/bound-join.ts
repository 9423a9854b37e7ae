// BoundJoin: one analyzed JOIN — its flavor, type, equi-join keys on both sides and window.

import type { SourceDefinition } from '../catalog/index.js';
import type { Schema } from '../common/index.js';
import type { BoundExpr } from './bound-expr.js';

/** Which inputs meet: ksqlDB's join matrix (a table joined on a non-key column is a foreign-key join). */
export type JoinFlavor = 'STREAM_STREAM' | 'STREAM_TABLE' | 'TABLE_TABLE' | 'TABLE_TABLE_FK';

export interface JoinWindow {
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly graceMs: number;
}

export interface BoundJoin {
  readonly flavor: JoinFlavor;
  readonly joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  readonly right: SourceDefinition;
  /** The right source's columns (with pseudo columns): what `rightKeys` read. */
  readonly rightSchema: Schema;
  /** One per ON equality, over the joined columns of every source before this join. */
  readonly leftKeys: readonly BoundExpr[];
  /** One per ON equality, over `rightSchema`. */
  readonly rightKeys: readonly BoundExpr[];
  readonly within: JoinWindow | null;
  /** The joined columns after this join: the left columns, then the right source's. */
  readonly schema: Schema;
}
