// MaterializedTable: the port to a table's materialization, a real SQLite table named after it.

import type { Row, Schema, Value, WindowBounds, WindowKind } from '../../common/index.js';

export interface MaterializedTableSpec {
  /** The table's name: also the SQLite table's name. */
  readonly name: string;
  /** Key and value columns (no pseudo columns); the key columns form the primary key. */
  readonly schema: Schema;
  /** Windowed tables add WINDOWSTART and WINDOWEND to the primary key. */
  readonly window: WindowKind | null;
}

/** A pushed-down condition on a key column (or WINDOWSTART / WINDOWEND) of a pull query. */
export interface KeyCondition {
  readonly column: string;
  readonly op: '=' | '<' | '<=' | '>' | '>=';
  readonly value: Value;
}

export interface MaterializedRow {
  /** Laid out by the spec's schema. */
  readonly row: Row;
  readonly rowtime: number;
  readonly window: WindowBounds | null;
}

export interface MaterializedTable {
  /** Inserts or replaces the row of its key (and window). */
  upsert(row: Row, rowtime: number, window: WindowBounds | undefined): void;
  /** Deletes the row of the key held in `row`'s key columns (and window). */
  delete(row: Row, window: WindowBounds | undefined): void;
  /** The row of a key (a table without windows): `key` holds the key columns' values, in their order. */
  get(key: readonly Value[]): MaterializedRow | undefined;
  /** Rows satisfying every condition, in primary-key order. */
  scan(conditions: readonly KeyCondition[]): Iterable<MaterializedRow>;
  /** Deletes the rows of windows that ended before `bound` (retention). */
  expireWindows(bound: number): void;
}
