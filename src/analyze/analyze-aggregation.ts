// Analysis of GROUP BY [WINDOW] [HAVING]: group keys, aggregate calls, and the schema the projection reads.

import { EngineError, formatSqlType, type Column, type SourceSpan, type WindowSpec } from '../common/index.js';
import { findAggregate, findFunction, resolveAggregate } from '../functions/index.js';
import type { Expr, Select } from '../sql/index.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { BoundAggregateCall, BoundAggregation } from './bound-statement.js';
import { exprNodes, mapExprChildren } from './map-expr.js';
import type { Scope } from './scope.js';
import { coerce } from './type-coercion.js';

export interface AggregationAnalysis {
  readonly aggregation: BoundAggregation;
  readonly having: BoundExpr | null;
  /** One bound expression per SELECT item (over `aggregation.schema`). */
  readonly items: readonly BoundExpr[];
}

const WINDOW_BOUNDS = ['WINDOWSTART', 'WINDOWEND'];

/** True for a call of an aggregate function (COUNT(*) included) that is not also a scalar function. */
export function isAggregateCall(e: Expr): e is Extract<Expr, { kind: 'FunctionCall' }> {
  return e.kind === 'FunctionCall' && findAggregate(e.name.name) !== undefined && findFunction(e.name.name) === undefined;
}

export function containsAggregate(e: Expr): boolean {
  return exprNodes(e).some(isAggregateCall);
}

export function analyzeAggregation(select: Select, input: Scope, window: WindowSpec | null, tableInput: boolean): AggregationAnalysis {
  const groupBy = select.groupBy.map((g) => {
    const agg = exprNodes(g).find(isAggregateCall);
    if (agg !== undefined) throw new EngineError('INVALID_STATEMENT', 'GROUP BY cannot contain an aggregate function.', agg.span);
    return bindExpr(g, input);
  });
  const keyNames = groupBy.map((g, i) => (g.kind === 'ColumnRef' ? g.name : `KSQL_GROUP_KEY_${i}`));
  const keyJson = groupBy.map((g) => JSON.stringify(g));
  const calls: BoundAggregateCall[] = [];
  const callJson: string[] = [];

  /** Replaces aggregate calls and grouping expressions with references to the aggregation's columns. */
  const rewrite = (e: Expr, insideAggregate: boolean): Expr => {
    if (isAggregateCall(e)) {
      if (insideAggregate) throw new EngineError('INVALID_STATEMENT', 'Aggregate functions cannot be nested.', e.span);
      const bound = bindAggregateCall(e, input, window, tableInput);
      const json = JSON.stringify(bound);
      let index = callJson.indexOf(json);
      if (index < 0) {
        index = calls.push(bound) - 1;
        callJson.push(json);
      }
      return columnRef(`KSQL_AGG_VARIABLE_${index}`, e.span);
    }
    if (!containsAggregate(e) && !(e.kind === 'ColumnRef' && WINDOW_BOUNDS.includes(e.name.name) && e.qualifier === null)) {
      const bound = tryBind(e, input);
      const key = bound === null ? -1 : keyJson.indexOf(JSON.stringify(bound));
      if (key >= 0) return columnRef(keyNames[key] ?? '', e.span);
    }
    return mapExprChildren(e, (c) => rewrite(c, insideAggregate));
  };

  const items = select.items.map((item) => {
    if (item.kind === 'SelectStar') {
      throw new EngineError('INVALID_STATEMENT', 'SELECT * cannot be used with GROUP BY: list the grouping columns and aggregates.', item.span);
    }
    return rewrite(item.expr, false);
  });
  const having = select.having === null ? null : rewrite(select.having, false);

  const columns: Column[] = [
    ...groupBy.map((g, i): Column => ({ name: keyNames[i] ?? '', type: g.type, namespace: 'key' })),
    ...(window === null ? [] : WINDOW_BOUNDS.map((name): Column => ({ name, type: { kind: 'BIGINT' }, namespace: 'pseudo' }))),
    ...calls.map((c, i): Column => ({ name: `KSQL_AGG_VARIABLE_${i}`, type: c.type, namespace: 'value' })),
  ];
  const scope: Scope = { qualifiers: input.qualifiers, schema: { columns } };
  const bindOver = (e: Expr): BoundExpr => {
    for (const node of exprNodes(e)) {
      if (node.kind !== 'ColumnRef' || columns.some((c) => c.name === node.name.name)) continue;
      if (WINDOW_BOUNDS.includes(node.name.name)) {
        throw new EngineError('INVALID_STATEMENT', `${node.name.name} is only available in windowed aggregations (add a WINDOW clause).`, node.span);
      }
      if (input.schema.columns.some((c) => c.name === node.name.name)) {
        throw new EngineError(
          'INVALID_STATEMENT',
          `Column ${node.name.name} must be in GROUP BY or inside an aggregate function.`,
          node.span,
        );
      }
    }
    return bindExpr(e, scope);
  };
  const boundItems = items.map(bindOver);
  let boundHaving: BoundExpr | null = null;
  if (having !== null && select.having !== null) {
    boundHaving = bindOver(having);
    if (boundHaving.type.kind !== 'BOOLEAN') {
      throw new EngineError('TYPE_MISMATCH', `HAVING needs a BOOLEAN condition, but this is ${formatSqlType(boundHaving.type)}.`, select.having.span);
    }
  }
  return {
    aggregation: { groupBy, aggregates: calls, window, schema: { columns }, tableInput },
    having: boundHaving,
    items: boundItems,
  };
}

function bindAggregateCall(call: Extract<Expr, { kind: 'FunctionCall' }>, input: Scope, window: WindowSpec | null, tableInput: boolean): BoundAggregateCall {
  const name = call.name.name;
  for (const arg of call.args) {
    const nested = exprNodes(arg).find(isAggregateCall);
    if (nested !== undefined) throw new EngineError('INVALID_STATEMENT', 'Aggregate functions cannot be nested.', nested.span);
  }
  if (call.star && name.toUpperCase() !== 'COUNT') {
    throw new EngineError('INVALID_STATEMENT', `Only COUNT takes *; ${name.toUpperCase()} needs an argument.`, call.span);
  }
  const args = call.args.map((a) => bindExpr(a, input));
  const resolved = resolveAggregate(name, args.map((a) => a.type), call.span);
  const impl = resolved.fn.create(resolved.paramTypes, args.map(() => undefined));
  if (tableInput && impl.undo === undefined) {
    throw new EngineError(
      'NOT_SUPPORTED',
      `${resolved.fn.name} cannot aggregate a table: it cannot take back a row that is updated or deleted. Aggregate a stream instead.`,
      call.span,
    );
  }
  if (window?.kind === 'SESSION' && impl.merge === undefined) {
    throw new EngineError('NOT_SUPPORTED', `${resolved.fn.name} cannot be used with SESSION windows: its results cannot be merged.`, call.span);
  }
  return {
    name: resolved.fn.name,
    args: args.map((a, i) => coerce(a, resolved.paramTypes[i] ?? a.type)),
    argTypes: resolved.paramTypes,
    type: resolved.returnType,
  };
}

function tryBind(e: Expr, scope: Scope): BoundExpr | null {
  try {
    return bindExpr(e, scope);
  } catch {
    return null;
  }
}

function columnRef(name: string, span: SourceSpan): Expr {
  return { kind: 'ColumnRef', qualifier: null, name: { kind: 'Identifier', name, quoted: true, span }, span };
}
