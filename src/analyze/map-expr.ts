// mapExprChildren: rebuilds an AST expression with each direct child replaced (for rewrites before binding).

import { assertNever } from '../common/index.js';
import type { Expr } from '../sql/index.js';

export function mapExprChildren(expr: Expr, f: (child: Expr) => Expr): Expr {
  switch (expr.kind) {
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
    case 'ColumnRef':
      return expr;
    case 'UnaryExpr':
      return { ...expr, operand: f(expr.operand) };
    case 'BinaryExpr':
      return { ...expr, left: f(expr.left), right: f(expr.right) };
    case 'LikeExpr':
      return { ...expr, value: f(expr.value), pattern: f(expr.pattern), escape: expr.escape === null ? null : f(expr.escape) };
    case 'BetweenExpr':
      return { ...expr, value: f(expr.value), low: f(expr.low), high: f(expr.high) };
    case 'InListExpr':
      return { ...expr, value: f(expr.value), list: expr.list.map(f) };
    case 'IsNullExpr':
      return { ...expr, value: f(expr.value) };
    case 'CaseExpr':
      return {
        ...expr,
        operand: expr.operand === null ? null : f(expr.operand),
        whens: expr.whens.map((w) => ({ when: f(w.when), then: f(w.then) })),
        otherwise: expr.otherwise === null ? null : f(expr.otherwise),
      };
    case 'CastExpr':
      return { ...expr, value: f(expr.value) };
    case 'FunctionCall':
      return { ...expr, args: expr.args.map(f) };
    case 'IsDistinctExpr':
      return { ...expr, left: f(expr.left), right: f(expr.right) };
    case 'SubscriptExpr':
      return { ...expr, base: f(expr.base), index: f(expr.index) };
    case 'DereferenceExpr':
      return { ...expr, base: f(expr.base) };
    case 'ArrayConstructor':
      return { ...expr, elements: expr.elements.map(f) };
    case 'MapConstructor':
      return { ...expr, entries: expr.entries.map((e) => ({ key: f(e.key), value: f(e.value) })) };
    case 'StructConstructor':
      return { ...expr, fields: expr.fields.map((field) => ({ name: field.name, value: f(field.value) })) };
    case 'LambdaExpr':
      return { ...expr, body: f(expr.body) };
    default:
      return assertNever(expr, 'expression');
  }
}

/** Every node of `expr`, parents before children. */
export function exprNodes(expr: Expr): Expr[] {
  const out: Expr[] = [];
  const visit = (e: Expr): Expr => {
    out.push(e);
    mapExprChildren(e, visit);
    return e;
  };
  visit(expr);
  return out;
}
