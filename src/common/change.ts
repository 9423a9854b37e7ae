// Change: one element of a changelog flowing between operators (insert, upsert or delete).

import type { Row } from './value.js';

/**
 * `insert`: a stream record. `upsert`: a table row replaces the row with the same key (`before`,
 * when known, is the row it replaces). `delete`: a tombstone for the key of `row`.
 */
export type ChangeOp = 'insert' | 'upsert' | 'delete';

/** A window's bounds in epoch ms: `[start, end)` for time windows, `[start, end]` for sessions. */
export interface WindowBounds {
  readonly start: number;
  readonly end: number;
}

export interface Change {
  readonly op: ChangeOp;
  /** Laid out by the producing operator's schema; for `delete`, key columns set and the rest null. */
  readonly row: Row;
  readonly before?: Row | null;
  /** Event time in epoch milliseconds. */
  readonly timestamp: number;
  /** Set on the changes of a windowed table: the key is (key columns, window). */
  readonly window?: WindowBounds;
}
