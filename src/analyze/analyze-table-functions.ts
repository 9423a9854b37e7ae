// Analysis of table functions (EXPLODE, CUBE_EXPLODE) in a SELECT list: where they may stand, their arguments and column types.

import { EngineError, type Column, type Schema } from '../common/index.js';
import { findTableFunction, resolveSignature } from '../functions/index.js';
import type { Select } from '../sql/index.js';
import { bindExpr, isTableFunctionCall, tableFunctionAsValue } from './bind-expr.js';
import type { BoundTableFunctionCall } from './bound-statement.js';
import { exprNodes } from './map-expr.js';
import type { Scope } from './scope.js';
import { coerce } from './type-coercion.js';

/** The table functions of a SELECT list and the rows they make: each call's column follows the input's. */
export interface TableFunctionAnalysis {
  readonly calls: readonly BoundTableFunctionCall[];
  /** The input's columns, then one value column per call (what the projection reads). */
  readonly schema: Schema;
  /** For each SELECT item, the index of its call in `calls` (undefined: an ordinary item). */
  readonly callOfItem: readonly (number | undefined)[];
}

/**
 * Binds the table function calls of `select`'s items (null when there are none). A call must be a
 * whole item — it makes rows, not a value — of a query over a stream, without aggregation; several
 * calls in one SELECT are zipped (as many rows as the longest result, the shorter padded with NULL).
 */
export function analyzeTableFunctions(select: Select, scope: Scope, inputKind: 'STREAM' | 'TABLE', aggregated: boolean, pull: boolean): TableFunctionAnalysis | null {
  const calls: BoundTableFunctionCall[] = [];
  const callOfItem: (number | undefined)[] = [];
  for (const item of select.items) {
    if (item.kind !== 'SelectExpr') {
      callOfItem.push(undefined);
      continue;
    }
    const call = isTableFunctionCall(item.expr) ? item.expr : undefined;
    const nested = exprNodes(item.expr).find((e): e is Extract<typeof e, { kind: 'FunctionCall' }> => e !== call && isTableFunctionCall(e));
    if (nested !== undefined) throw tableFunctionAsValue(nested);
    if (call === undefined) {
      callOfItem.push(undefined);
      continue;
    }
    const name = call.name.name.toUpperCase();
    if (aggregated) {
      throw new EngineError('INVALID_STATEMENT', `${name} cannot be used with aggregation: explode in one query and aggregate its result in another.`, call.span);
    }
    if (inputKind === 'TABLE') {
      throw new EngineError('INVALID_STATEMENT', `${name} needs a stream: a table's rows each have a key of their own, so a row cannot become several.`, call.span);
    }
    if (pull) throw new EngineError('NOT_SUPPORTED', `${name} is not supported in pull queries: add EMIT CHANGES.`, call.span);
    const fn = findTableFunction(name);
    if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown function ${name}.`, call.span);
    const args = call.args.map((a) => bindExpr(a, scope));
    const resolved = resolveSignature(fn.name, fn.signatures, args.map((a) => a.type), call.span, (signature, match) => ({
      paramTypes: match.paramTypes,
      returnType: signature.returns(match.paramTypes, match.generics),
    }));
    callOfItem.push(calls.length);
    calls.push({ name: fn.name, args: args.map((a, i) => coerce(a, resolved.paramTypes[i] ?? a.type)), type: resolved.returnType });
  }
  if (calls.length === 0) return null;
  const columns: Column[] = [...scope.schema.columns, ...calls.map((c, i): Column => ({ name: `KSQL_SYNTH_${i}`, type: c.type, namespace: 'value' }))];
  return { calls, schema: { columns }, callOfItem };
}
