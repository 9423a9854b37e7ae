// ForeignKeyJoinOperator: each left table row follows the right row its foreign key points to; re-pointing retracts the old match.

import type { Change, Row } from '../../common/index.js';
import type { PhysicalJoin } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { KeyValueStore } from '../ports/state-store.js';
import { JoinSide, type StoredRow } from './join-side.js';
import { joinedRow, viewChange, type JoinType } from './join-view.js';

/**
 * State: left rows by their own primary key, right rows by theirs, and an index from each foreign key to
 * the left keys pointing at it. The result is keyed by the left key: one row per left row.
 */
export class ForeignKeyJoinOperator {
  readonly name = 'foreign-key-join';
  private readonly left: JoinSide;
  private readonly leftId: JoinSide;
  private readonly right: JoinSide;
  private readonly type: JoinType;
  private readonly stateName: string;

  constructor(node: PhysicalJoin) {
    this.left = new JoinSide(node.left.schema, node.leftKeys);
    const keyRefs = node.left.schema.columns.flatMap((c, index) => (c.namespace === 'key' ? [{ kind: 'ColumnRef' as const, type: c.type, index, name: c.name }] : []));
    this.leftId = new JoinSide(node.left.schema, keyRefs);
    this.right = new JoinSide(node.right.schema, node.rightKeys);
    this.type = node.joinType;
    this.stateName = node.stateName;
  }

  private stores(ctx: OperatorContext): { lefts: KeyValueStore; rights: KeyValueStore; index: KeyValueStore } {
    const s = this.stateName;
    return { lefts: ctx.state.keyValue(`${s}:left`), rights: ctx.state.keyValue(`${s}:right`), index: ctx.state.keyValue(`${s}:by-foreign-key`) };
  }

  onLeft(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const { lefts, rights, index } = this.stores(ctx);
    const out: Change[] = [];
    for (const change of batch) {
      const id = this.leftId.key(change.row);
      if (id === null) continue;
      const previous = read(lefts, id, this.left);
      const oldFk = previous === null ? null : this.left.key(previous.row);
      const next = change.op === 'delete' ? null : change.row;
      const newFk = next === null ? null : this.left.key(next);
      if (next === null) lefts.delete(id);
      else lefts.put(id, { row: this.left.encode(next), ts: change.timestamp } satisfies StoredRow);
      if (oldFk !== newFk) {
        if (oldFk !== null) unlink(index, oldFk, id);
        if (newFk !== null) link(index, newFk, id);
      }
      const oldRight = oldFk === null ? null : read(rights, oldFk, this.right);
      const newRight = newFk === null ? null : read(rights, newFk, this.right);
      const before = previous === null ? null : joinedRow(this.type, this.left, this.right, previous.row, oldRight?.row ?? null);
      const after = joinedRow(this.type, this.left, this.right, next, newRight?.row ?? null);
      const result = viewChange(before, after, Math.max(change.timestamp, newRight?.ts ?? change.timestamp));
      if (result !== null) out.push(result);
    }
    if (out.length > 0) emit(out);
  }

  onRight(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const { lefts, rights, index } = this.stores(ctx);
    const out: Change[] = [];
    for (const change of batch) {
      const key = this.right.key(change.row);
      if (key === null) continue;
      const previous = read(rights, key, this.right);
      const next = change.op === 'delete' ? null : change.row;
      if (next === null) rights.delete(key);
      else rights.put(key, { row: this.right.encode(next), ts: change.timestamp } satisfies StoredRow);
      for (const id of (index.get(key) as string[] | undefined) ?? []) {
        const left = read(lefts, id, this.left);
        if (left === null) continue;
        const before = joinedRow(this.type, this.left, this.right, left.row, previous?.row ?? null);
        const after = joinedRow(this.type, this.left, this.right, left.row, next);
        const result = viewChange(before, after, Math.max(change.timestamp, left.ts));
        if (result !== null) out.push(result);
      }
    }
    if (out.length > 0) emit(out);
  }
}

function read(store: KeyValueStore, key: string, side: JoinSide): { row: Row; ts: number } | null {
  const stored = store.get(key) as StoredRow | undefined;
  return stored === undefined ? null : { row: side.decode(stored.row), ts: stored.ts };
}

function link(index: KeyValueStore, fk: string, id: string): void {
  const ids = (index.get(fk) as string[] | undefined) ?? [];
  if (!ids.includes(id)) index.put(fk, [...ids, id]);
}

function unlink(index: KeyValueStore, fk: string, id: string): void {
  const ids = ((index.get(fk) as string[] | undefined) ?? []).filter((x) => x !== id);
  if (ids.length === 0) index.delete(fk);
  else index.put(fk, ids);
}
