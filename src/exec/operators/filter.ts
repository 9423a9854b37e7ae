// FilterOperator: keeps the changes whose row makes the predicate TRUE.

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
    for (const change of batch) if (predicate(change.row) === true) out.push(change);
    if (out.length > 0) emit(out);
  }
}
