// StreamTableJoinOperator: a stream record looks up the table's current row by its join key; table changes only update state.

import type { Change, Row, Value } from '../../common/index.js';
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
  private readonly cache = new Map<unknown, Row | null>();

  /**
   * Whether `cache` is keyed by the join key's value itself rather than its store text: when both
   * sides' key is one column of the same type whose values a Map tells apart exactly as their texts
   * do (BIGINT, INT, STRING), so a stream record need not build the text to find its row.
   */
  private readonly byValue: boolean;

  constructor(node: PhysicalJoin) {
    this.left = new JoinSide(node.left.schema, node.leftKeys);
    this.right = new JoinSide(node.right.schema, node.rightKeys);
    this.outer = node.joinType === 'LEFT';
    this.store = `${node.stateName}:table`;
    this.byValue = this.left.valueKeyKind !== null && this.left.valueKeyKind === this.right.valueKeyKind;
  }

  /** Stream records: each emits at most one joined row (a LEFT join pads a missing table row with NULLs). */
  onLeft(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const table = ctx.state.keyValue(this.store);
    const out: Change[] = [];
    const left = this.left;
    for (let i = 0; i < batch.length; i++) {
      const change = batch[i] as Change;
      let right: Row | null;
      if (this.byValue) {
        const value = left.keyValue(change.row);
        right = value === null ? null : this.lookupValue(value, table);
      } else {
        const key = left.key(change.row);
        right = key === null ? null : this.lookup(key, key, table);
      }
      if (right !== null) out.push({ op: 'insert', row: concat(change.row, right), timestamp: change.timestamp });
      else if (this.outer) out.push({ op: 'insert', row: concat(change.row, this.right.nulls()), timestamp: change.timestamp });
    }
    if (out.length > 0) emit(out);
  }

  /** Table changes: the materialized side, keyed by the table key; nothing is emitted. */
  onRight(batch: readonly Change[], ctx: OperatorContext): void {
    const table = ctx.state.keyValue(this.store);
    for (const change of batch) {
      const key = this.right.key(change.row);
      if (key === null) continue;
      const cacheKey = this.byValue ? this.right.keyValue(change.row) : key;
      if (this.cache.size >= CACHED_ROWS) this.cache.clear();
      if (change.op === 'delete') {
        table.delete(key);
        this.cache.set(cacheKey, null);
      } else {
        const row = this.right.encode(change.row);
        table.put(key, { row, ts: change.timestamp } satisfies StoredRow);
        // The row as it came (what decoding its JSON-safe form gives back), not decoded again.
        this.cache.set(cacheKey, change.row.length === this.right.width ? change.row : this.right.decode(row));
      }
    }
  }

  onRollback(): void {
    this.cache.clear();
  }

  /** The table row of a key whose cache key is its value (`byValue`): the store is read by its text on a miss only. */
  private lookupValue(value: Value, table: KeyValueStore): Row | null {
    const row = this.cache.get(value);
    return row !== undefined ? row : this.lookup(value, this.left.keyText(value), table);
  }

  private lookup(cacheKey: unknown, key: string, table: KeyValueStore): Row | null {
    let row = this.cache.get(cacheKey);
    if (row === undefined) {
      const stored = table.get(key) as StoredRow | undefined;
      row = stored === undefined ? null : this.right.decode(stored.row);
      if (this.cache.size >= CACHED_ROWS) this.cache.clear();
      this.cache.set(cacheKey, row);
    }
    return row;
  }
}

/** The stream row followed by the table row, as one new row (plain loops: this runs once per stream record). */
function concat(left: Row, right: Row): Row {
  const out = new Array<Value>(left.length + right.length);
  for (let i = 0; i < left.length; i++) out[i] = left[i] as Value;
  for (let i = 0; i < right.length; i++) out[left.length + i] = right[i] as Value;
  return out;
}

/** The most table rows a stream-table join keeps in memory between batches. */
const CACHED_ROWS = 200_000;
