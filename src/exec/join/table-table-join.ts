// TableTableJoinOperator: two tables joined on the primary key — a change on either side re-joins that key (upsert or retraction).

import type { Change, Row } from '../../common/index.js';
import type { PhysicalJoin } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { KeyValueStore } from '../ports/state-store.js';
import { JoinSide, type StoredRow } from './join-side.js';
import { joinedRow, viewChange, type JoinType } from './join-view.js';

export class TableTableJoinOperator {
  readonly name = 'table-table-join';
  private readonly left: JoinSide;
  private readonly right: JoinSide;
  private readonly type: JoinType;
  private readonly stateName: string;

  constructor(node: PhysicalJoin) {
    this.left = new JoinSide(node.left.schema, node.leftKeys);
    this.right = new JoinSide(node.right.schema, node.rightKeys);
    this.type = node.joinType;
    this.stateName = node.stateName;
  }

  onLeft(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    this.onSide(true, batch, ctx, emit);
  }

  onRight(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    this.onSide(false, batch, ctx, emit);
  }

  private onSide(isLeft: boolean, batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const [me, other] = isLeft ? [this.left, this.right] : [this.right, this.left];
    const mine = ctx.state.keyValue(`${this.stateName}:${isLeft ? 'left' : 'right'}`);
    const theirs = ctx.state.keyValue(`${this.stateName}:${isLeft ? 'right' : 'left'}`);
    const out: Change[] = [];
    for (const change of batch) {
      const key = me.key(change.row);
      if (key === null) continue;
      const previous = read(mine, key, me);
      const counterpart = read(theirs, key, other);
      const next = change.op === 'delete' ? null : change.row;
      if (next === null) mine.delete(key);
      else mine.put(key, { row: me.encode(next), ts: change.timestamp } satisfies StoredRow);
      const view = (row: Row | null) => (isLeft ? joinedRow(this.type, this.left, this.right, row, counterpart?.row ?? null) : joinedRow(this.type, this.left, this.right, counterpart?.row ?? null, row));
      const result = viewChange(view(previous?.row ?? null), view(next), Math.max(change.timestamp, counterpart?.ts ?? change.timestamp));
      if (result !== null) out.push(result);
    }
    if (out.length > 0) emit(out);
  }
}

function read(store: KeyValueStore, key: string, side: JoinSide): { row: Row; ts: number } | null {
  const stored = store.get(key) as StoredRow | undefined;
  return stored === undefined ? null : { row: side.decode(stored.row), ts: stored.ts };
}
