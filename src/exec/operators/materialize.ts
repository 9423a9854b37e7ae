// MaterializeOperator: applies each change to the table's SQLite table (in the batch's transaction), then passes it on.

import type { Change, SqlType } from '../../common/index.js';
import type { PhysicalMaterialize } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import type { MaterializedTable, MaterializedTableSpec } from '../ports/materialized-table.js';
import { keyString } from '../row-json.js';

export class MaterializeOperator implements Operator {
  readonly name = 'materialize';
  private readonly spec: MaterializedTableSpec;
  private readonly keyIndexes: readonly number[];
  private readonly keyTypes: readonly SqlType[];

  constructor(node: PhysicalMaterialize) {
    this.spec = { name: node.tableName, schema: node.tableSchema, window: node.window };
    const keys = node.tableSchema.columns.flatMap((c, i) => (c.namespace === 'key' ? [{ i, type: c.type }] : []));
    this.keyIndexes = keys.map((k) => k.i);
    this.keyTypes = keys.map((k) => k.type);
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const table = ctx.state.materialized(this.spec);
    if (batch.length === 1) {
      apply(table, batch[0] as Change);
    } else {
      // Only a key's last change in the batch reaches the table (the batch applies before it commits,
      // so nothing reads the table in between): an aggregation's group updated 20 times is written once.
      const last = new Map<unknown, Change>();
      for (const change of batch) last.set(this.identity(change), change);
      for (const change of last.values()) apply(table, change);
    }
    emit(batch);
  }

  /** The change's primary key in the table: its key columns and window (a lone primitive key column is its own identity). */
  private identity(change: Change): unknown {
    if (this.keyIndexes.length === 1 && change.window === undefined) {
      const v = change.row[this.keyIndexes[0] as number] ?? null;
      const type = typeof v;
      // Tagged, so the number 1 and the text '1' stay apart from each other and from composite keys' JSON text.
      if (type === 'number' || type === 'bigint' || type === 'boolean') return v;
      if (type === 'string') return `s${v as string}`;
    }
    const key = keyString(
      this.keyIndexes.map((i) => change.row[i] ?? null),
      this.keyTypes,
    );
    return change.window === undefined ? key : `${change.window.start}/${change.window.end}/${key}`;
  }
}

function apply(table: MaterializedTable, change: Change): void {
  if (change.op === 'delete') table.delete(change.row, change.window);
  else table.upsert(change.row, change.timestamp, change.window);
}
