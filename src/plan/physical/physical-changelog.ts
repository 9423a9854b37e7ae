// PhysicalChangelog: turns a table topic's records into upserts and deletes, each with the row it replaces (when a consumer needs it).

import type { Schema } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalChangelog {
  readonly kind: 'PhysicalChangelog';
  readonly input: PhysicalNode;
  /** The source's relation schema; key columns identify a row (with the window, for windowed tables). */
  readonly schema: Schema;
  /** The state store of the row each key holds (default `changelog`; a join's right table gets its own). */
  readonly stateName?: string;
  /**
   * Whether each change carries the row it replaces (`before`), kept in the state store for that. False where
   * the only consumer never reads it (a stream-table join's table side when not windowed, a table's own materialization):
   * then the operator keeps no state. Absent (plans stored before it existed): true, the old layout.
   */
  readonly tracksBefore?: boolean;
}
