// ProjectOperator: computes each output row (and a table change's old row) from the input, one closure per column.

import type { Change, Row, Value } from '../../common/index.js';
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
    const out: Change[] = new Array<Change>(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const change = batch[i] as Change;
      const row = this.project(change.row);
      // Literal objects of fixed shapes (no spreads): this runs once per record.
      const { before, window } = change;
      if (before === undefined) {
        out[i] = window === undefined ? { op: change.op, row, timestamp: change.timestamp } : { op: change.op, row, timestamp: change.timestamp, window };
      } else {
        const projectedBefore = before === null ? null : this.project(before);
        out[i] =
          window === undefined
            ? { op: change.op, row, timestamp: change.timestamp, before: projectedBefore }
            : { op: change.op, row, timestamp: change.timestamp, before: projectedBefore, window };
      }
    }
    if (out.length > 0) emit(out);
  }

  private project(input: Row): Row {
    const columns = this.columns;
    const n = columns.length;
    const row: Value[] = new Array<Value>(n);
    for (let c = 0; c < n; c++) row[c] = (columns[c] as CompiledExpr)(input);
    return row;
  }
}
