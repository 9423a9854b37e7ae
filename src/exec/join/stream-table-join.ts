// StreamTableJoinOperator: a stream record looks up the table's current row by its join key; table changes only update state.

import type { Change, Row } from '../../common/index.js';
import type { PhysicalJoin } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { KeyValueStore } from '../ports/state-store.js';
import { JoinSide, type StoredRow } from './join-side.js';

export class StreamTableJoinOperator {
  readonly name = 'stream-table-join';
  private readonly left: JoinSide;
  private readonly right: JoinSide;
  private readonly outer: boolean;
  private readonly store: string;

  /**
   * The table rows looked up or written so far, key → row (null: no row), so a stream record need not
   * read and parse the stored row. Only this query writes its store (its lease), every table change is
   * still written to the store, and a rolled-back batch clears the cache (`onRollback`).
   */
  private readonly cache = new Map<string, Row | null>();

  constructor(node: PhysicalJoin) {
    this.left = new JoinSide(node.left.schema, node.leftKeys);
    this.right = new JoinSide(node.right.schema, node.rightKeys);
    this.outer = node.joinType === 'LEFT';
    this.store = `${node.stateName}:table`;
  }

  /** Stream records: each emits at most one joined row (a LEFT join pads a missing table row with NULLs). */
  onLeft(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const table = ctx.state.keyValue(this.store);
    const out: Change[] = [];
    for (const change of batch) {
      const key = this.left.key(change.row);
      const right = key === null ? null : this.lookup(key, table);
      if (right !== null) out.push({ op: 'insert', row: [...change.row, ...right], timestamp: change.timestamp });
      else if (this.outer) out.push({ op: 'insert', row: [...change.row, ...this.right.nulls()], timestamp: change.timestamp });
    }
    if (out.length > 0) emit(out);
  }

  /** Table changes: the materialized side, keyed by the table key; nothing is emitted. */
  onRight(batch: readonly Change[], ctx: OperatorContext): void {
    const table = ctx.state.keyValue(this.store);
    for (const change of batch) {
      const key = this.right.key(change.row);
      if (key === null) continue;
      if (this.cache.size >= CACHED_ROWS) this.cache.clear();
      if (change.op === 'delete') {
        table.delete(key);
        this.cache.set(key, null);
      } else {
        const row = this.right.encode(change.row);
        table.put(key, { row, ts: change.timestamp } satisfies StoredRow);
        // The row as it came (what decoding its JSON-safe form gives back), not decoded again.
        this.cache.set(key, change.row.length === this.right.width ? change.row : this.right.decode(row));
      }
    }
  }

  onRollback(): void {
    this.cache.clear();
  }

  private lookup(key: string, table: KeyValueStore): Row | null {
    let row = this.cache.get(key);
    if (row === undefined) {
      const stored = table.get(key) as StoredRow | undefined;
      row = stored === undefined ? null : this.right.decode(stored.row);
      if (this.cache.size >= CACHED_ROWS) this.cache.clear();
      this.cache.set(key, row);
    }
    return row;
  }
}

/** The most table rows a stream-table join keeps in memory between batches. */
const CACHED_ROWS = 200_000;
