// StreamTableJoinOperator: a stream record looks up the table's current row by its join key; table changes only update state.

import type { Change } from '../../common/index.js';
import type { PhysicalJoin } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import { JoinSide, type StoredRow } from './join-side.js';

export class StreamTableJoinOperator {
  readonly name = 'stream-table-join';
  private readonly left: JoinSide;
  private readonly right: JoinSide;
  private readonly outer: boolean;
  private readonly store: string;

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
      const stored = key === null ? undefined : (table.get(key) as StoredRow | undefined);
      if (stored !== undefined) out.push({ op: 'insert', row: [...change.row, ...this.right.decode(stored.row)], timestamp: change.timestamp });
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
      if (change.op === 'delete') table.delete(key);
      else table.put(key, { row: this.right.encode(change.row), ts: change.timestamp } satisfies StoredRow);
    }
  }
}
