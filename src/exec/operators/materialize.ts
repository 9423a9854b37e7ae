// MaterializeOperator: applies each change to the table's SQLite table (in the batch's transaction), then passes it on; a windowed aggregation's table drops windows past their retention.

import type { Change, SqlType } from '../../common/index.js';
import type { PhysicalMaterialize, PhysicalNode } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import type { MaterializedTable, MaterializedTableSpec } from '../ports/materialized-table.js';
import { keyString } from '../row-json.js';

export class MaterializeOperator implements Operator {
  readonly name = 'materialize';
  private readonly spec: MaterializedTableSpec;
  private readonly keyIndexes: readonly number[];
  private readonly keyTypes: readonly SqlType[];
  /** The window RETENTION of the aggregation this table materializes, or null (not windowed, or windows read from another table). */
  private readonly retentionMs: number | null;
  /** The retention bound up to which expired windows were last deleted (in this process, since the last rollback). */
  private expiredBelow = Number.NEGATIVE_INFINITY;

  constructor(node: PhysicalMaterialize) {
    this.spec = { name: node.tableName, schema: node.tableSchema, window: node.window };
    const keys = node.tableSchema.columns.flatMap((c, i) => (c.namespace === 'key' ? [{ i, type: c.type }] : []));
    this.keyIndexes = keys.map((k) => k.i);
    this.keyTypes = keys.map((k) => k.type);
    this.retentionMs = node.window === null ? null : aggregationRetention(node.input);
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
    this.expire(table, ctx.counters.streamTime);
    emit(batch);
  }

  onRollback(): void {
    // The rolled-back batch's deletes are undone with it: delete again at the next batch.
    this.expiredBelow = Number.NEGATIVE_INFINITY;
  }

  /**
   * Deletes the rows of windows that ended more than RETENTION before stream time (pull queries no
   * longer see them; on Kafka the deletes go to the changelog too). Each delete scans the table, so
   * it runs again only once the bound has moved on by a twentieth of the retention (at least 1 s).
   */
  private expire(table: MaterializedTable, streamTime: number): void {
    if (this.retentionMs === null || streamTime < 0) return;
    const bound = streamTime - this.retentionMs;
    if (bound < this.expiredBelow + Math.max(1_000, this.retentionMs / 20)) return;
    table.expireWindows(bound);
    this.expiredBelow = bound;
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

/** The RETENTION of the windowed aggregation whose rows reach the table through projections and filters, if any. */
function aggregationRetention(node: PhysicalNode): number | null {
  switch (node.kind) {
    case 'PhysicalAggregate':
      return node.window?.retentionMs ?? null;
    case 'PhysicalProject':
    case 'PhysicalFilter':
      return aggregationRetention(node.input);
    case 'PhysicalSource':
    case 'PhysicalTableScan':
    case 'PhysicalJoin':
    case 'PhysicalChangelog':
    case 'PhysicalMaterialize':
    case 'PhysicalFlatMap':
    case 'PhysicalSink':
      return null;
  }
}
