// FlatMapOperator: each stream row becomes the rows its table functions make (EXPLODE), zipped, their values after the input's columns.

import type { Change, Value } from '../../common/index.js';
import { findTableFunction, type TableFunction } from '../../functions/index.js';
import type { PhysicalFlatMap } from '../../plan/index.js';
import { compileExpr, type CompiledExpr } from '../expr/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';

interface CompiledCall {
  readonly fn: TableFunction;
  readonly args: readonly CompiledExpr[];
}

export class FlatMapOperator implements Operator {
  readonly name = 'flat-map';
  private readonly calls: readonly CompiledCall[];

  constructor(node: PhysicalFlatMap) {
    this.calls = node.calls.map((c) => {
      const fn = findTableFunction(c.name);
      if (fn === undefined) throw new Error(`unknown table function ${c.name}`);
      return { fn, args: c.args.map(compileExpr) };
    });
  }

  /**
   * Streams only (the analyzer refuses tables): every change is an insert. Several calls are
   * zipped: the row count is the longest result's, the shorter ones give NULL after their end; a
   * row whose calls all make nothing (NULL or empty arrays) makes no row.
   */
  onChanges(batch: readonly Change[], _ctx: OperatorContext, emit: Emit): void {
    const out: Change[] = [];
    const calls = this.calls;
    for (const change of batch) {
      const input = change.row;
      const results: (readonly Value[])[] = calls.map((c) => c.fn.invoke(c.args.map((a) => a(input))));
      let rows = 0;
      for (const r of results) if (r.length > rows) rows = r.length;
      for (let n = 0; n < rows; n++) {
        const row: Value[] = input.slice();
        for (const r of results) row.push(n < r.length ? (r[n] as Value) : null);
        out.push({ op: change.op, row, timestamp: change.timestamp });
      }
    }
    if (out.length > 0) emit(out);
  }
}
