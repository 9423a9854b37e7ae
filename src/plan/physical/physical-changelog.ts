// PhysicalChangelog: turns a table topic's records into upserts and deletes, each with the row it replaces.

import type { Schema } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalChangelog {
  readonly kind: 'PhysicalChangelog';
  readonly input: PhysicalNode;
  /** The source's relation schema; key columns identify a row (with the window, for windowed tables). */
  readonly schema: Schema;
  /** The state store of the row each key holds (default `changelog`; a join's right table gets its own). */
  readonly stateName?: string;
}
