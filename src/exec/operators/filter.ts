// FilterOperator: keeps the stream changes whose row makes the predicate TRUE; on a table, a row that stops matching becomes a tombstone.

import type { Change } from '../../common/index.js';
import type { PhysicalFilter } from '../../plan/index.js';
import { compileExpr } from '../expr/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';

export class FilterOperator implements Operator {
  readonly name = 'filter';
  private readonly predicate;

  constructor(node: PhysicalFilter) {
    this.predicate = compileExpr(node.predicate);
  }

  onChanges(batch: readonly Change[], _ctx: OperatorContext, emit: Emit): void {
    const out: Change[] = [];
    const predicate = this.predicate;
    for (const change of batch) {
      if (change.op === 'insert') {
        if (predicate(change.row) === true) out.push(change);
        continue;
      }
      const before = change.before ?? null;
      // Without the old row, a delete must be passed on: the key may have matched before.
      const matched = before === null ? change.op === 'delete' : predicate(before) === true;
      if (change.op === 'delete') {
        if (matched) out.push(change);
      } else if (predicate(change.row) === true) {
        out.push(matched ? change : { ...change, before: null });
      } else if (matched && before !== null) {
        out.push({ ...change, op: 'delete', row: before, before });
      }
    }
    if (out.length > 0) emit(out);
  }
}
