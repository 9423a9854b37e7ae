// MaterializeOperator: applies each change to the table's SQLite table (in the batch's transaction), then passes it on.

import type { Change } from '../../common/index.js';
import type { PhysicalMaterialize } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import type { MaterializedTableSpec } from '../ports/materialized-table.js';

export class MaterializeOperator implements Operator {
  readonly name = 'materialize';
  private readonly spec: MaterializedTableSpec;

  constructor(node: PhysicalMaterialize) {
    this.spec = { name: node.tableName, schema: node.tableSchema, window: node.window };
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const table = ctx.state.materialized(this.spec);
    for (const change of batch) {
      if (change.op === 'delete') table.delete(change.row, change.window);
      else table.upsert(change.row, change.timestamp, change.window);
    }
    emit(batch);
  }
}
