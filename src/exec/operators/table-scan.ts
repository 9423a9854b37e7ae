// TableScanOperator: a pull query's rows, read from the table's SQLite table with the pushed-down key conditions.

import { Decimal, type Change, type Value } from '../../common/index.js';
import type { PhysicalTableScan } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { KeyCondition, MaterializedTableSpec } from '../ports/materialized-table.js';

const CHUNK = 500;

export class TableScanOperator {
  readonly name = 'table-scan';
  private readonly spec: MaterializedTableSpec;
  private readonly conditions: readonly KeyCondition[];
  private readonly width: number;
  private readonly windowed: boolean;

  constructor(node: PhysicalTableScan) {
    this.spec = { name: node.tableName, schema: node.tableSchema, window: node.window };
    this.conditions = node.conditions.map((c) => ({ column: c.column, op: c.op, value: literal(c.value, c.type.kind) }));
    this.width = node.tableSchema.columns.length;
    this.windowed = node.window !== null;
  }

  /** Emits the table's current rows in chunks; stops early when `stopped()` says so (LIMIT reached). */
  run(ctx: OperatorContext, emit: Emit, stopped: () => boolean): void {
    let chunk: Change[] = [];
    for (const r of ctx.state.materialized(this.spec).scan(this.conditions)) {
      const row: Value[] = [...r.row.slice(0, this.width), BigInt(r.rowtime), null, null];
      if (this.windowed) row.push(BigInt(r.window?.start ?? 0), BigInt(r.window?.end ?? 0));
      ctx.counters.recordsIn++;
      chunk.push({ op: 'insert', row, timestamp: r.rowtime });
      if (chunk.length >= CHUNK) {
        emit(chunk);
        chunk = [];
        if (stopped()) return;
      }
    }
    if (chunk.length > 0) emit(chunk);
  }
}

function literal(value: null | boolean | number | string, kind: string): Value {
  if (value === null) return null;
  if (kind === 'BIGINT') return BigInt(value);
  if (kind === 'DECIMAL') return Decimal.parse(String(value));
  return value;
}
