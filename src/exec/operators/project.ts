// ProjectOperator: computes each output row from the input row, one closure per column.

import type { Change, Value } from '../../common/index.js';
import type { PhysicalProject } from '../../plan/index.js';
import { compileExpr, type CompiledExpr } from '../expr/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';

export class ProjectOperator implements Operator {
  readonly name = 'project';
  private readonly columns: readonly CompiledExpr[];

  constructor(node: PhysicalProject) {
    this.columns = node.expressions.map(compileExpr);
  }

  onChanges(batch: readonly Change[], _ctx: OperatorContext, emit: Emit): void {
    const columns = this.columns;
    const n = columns.length;
    const out: Change[] = new Array<Change>(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const change = batch[i] as Change;
      const row: Value[] = new Array<Value>(n);
      for (let c = 0; c < n; c++) row[c] = (columns[c] as CompiledExpr)(change.row);
      out[i] = { op: change.op, row, timestamp: change.timestamp };
    }
    if (out.length > 0) emit(out);
  }
}
