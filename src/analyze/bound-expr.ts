// BoundExpr: a resolved, typed expression — JSON data that plans store and exec compiles.

import type { SqlType } from '../common/index.js';

/** A literal's value as JSON: BIGINT and DECIMAL values are kept as their exact decimal text. */
export type LiteralJson = null | boolean | number | string;

export type BoundExpr =
  | { readonly kind: 'Literal'; readonly type: SqlType; readonly value: LiteralJson }
  | { readonly kind: 'ColumnRef'; readonly type: SqlType; readonly index: number; readonly name: string }
  | {
      readonly kind: 'Arithmetic';
      readonly type: SqlType;
      readonly op: '+' | '-' | '*' | '/' | '%';
      readonly left: BoundExpr;
      readonly right: BoundExpr;
    }
  | { readonly kind: 'Negate'; readonly type: SqlType; readonly operand: BoundExpr }
  | {
      readonly kind: 'Comparison';
      readonly type: SqlType;
      readonly op: '=' | '<>' | '<' | '<=' | '>' | '>=';
      readonly left: BoundExpr;
      readonly right: BoundExpr;
    }
  | { readonly kind: 'Logical'; readonly type: SqlType; readonly op: 'AND' | 'OR'; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly kind: 'Not'; readonly type: SqlType; readonly operand: BoundExpr }
  | { readonly kind: 'IsNull'; readonly type: SqlType; readonly negated: boolean; readonly operand: BoundExpr }
  | {
      readonly kind: 'Like';
      readonly type: SqlType;
      readonly negated: boolean;
      readonly value: BoundExpr;
      readonly pattern: BoundExpr;
      readonly escape: BoundExpr | null;
    }
  | {
      readonly kind: 'Between';
      readonly type: SqlType;
      readonly negated: boolean;
      readonly value: BoundExpr;
      readonly low: BoundExpr;
      readonly high: BoundExpr;
    }
  | { readonly kind: 'InList'; readonly type: SqlType; readonly negated: boolean; readonly value: BoundExpr; readonly list: readonly BoundExpr[] }
  | {
      readonly kind: 'Case';
      readonly type: SqlType;
      readonly whens: readonly { readonly when: BoundExpr; readonly then: BoundExpr }[];
      readonly otherwise: BoundExpr | null;
    }
  | { readonly kind: 'Cast'; readonly type: SqlType; readonly operand: BoundExpr }
  | { readonly kind: 'Concat'; readonly type: SqlType; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly kind: 'Call'; readonly type: SqlType; readonly name: string; readonly args: readonly BoundExpr[] }
  /** `a IS [NOT] DISTINCT FROM b`: never NULL. */
  | { readonly kind: 'IsDistinct'; readonly type: SqlType; readonly negated: boolean; readonly left: BoundExpr; readonly right: BoundExpr }
  /** `array[i]` (1-based; negative from the end; out of range → NULL) or `map[key]`. */
  | { readonly kind: 'Subscript'; readonly type: SqlType; readonly base: BoundExpr; readonly index: BoundExpr }
  | { readonly kind: 'Dereference'; readonly type: SqlType; readonly base: BoundExpr; readonly field: string }
  | { readonly kind: 'ArrayConstruct'; readonly type: SqlType; readonly elements: readonly BoundExpr[] }
  | { readonly kind: 'MapConstruct'; readonly type: SqlType; readonly entries: readonly { readonly key: BoundExpr; readonly value: BoundExpr }[] }
  | { readonly kind: 'StructConstruct'; readonly type: SqlType; readonly fields: readonly { readonly name: string; readonly value: BoundExpr }[] }
  /** A lambda argument; `type` is the type of its body. An inner lambda's parameter shadows an outer one of the same name. */
  | { readonly kind: 'Lambda'; readonly type: SqlType; readonly params: readonly string[]; readonly body: BoundExpr }
  /** A reference to a parameter of an enclosing Lambda. */
  | { readonly kind: 'LambdaVariable'; readonly type: SqlType; readonly name: string };

export type BoundExprKind = BoundExpr['kind'];

/** Column indexes an expression reads. */
export function referencedColumns(expr: BoundExpr, into: Set<number> = new Set()): Set<number> {
  switch (expr.kind) {
    case 'Literal':
      break;
    case 'ColumnRef':
      into.add(expr.index);
      break;
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
    case 'Concat':
      referencedColumns(expr.left, into);
      referencedColumns(expr.right, into);
      break;
    case 'Negate':
    case 'Not':
    case 'IsNull':
    case 'Cast':
      referencedColumns(expr.operand, into);
      break;
    case 'Like':
      referencedColumns(expr.value, into);
      referencedColumns(expr.pattern, into);
      if (expr.escape !== null) referencedColumns(expr.escape, into);
      break;
    case 'Between':
      [expr.value, expr.low, expr.high].forEach((e) => referencedColumns(e, into));
      break;
    case 'InList':
      [expr.value, ...expr.list].forEach((e) => referencedColumns(e, into));
      break;
    case 'Case':
      expr.whens.forEach((w) => {
        referencedColumns(w.when, into);
        referencedColumns(w.then, into);
      });
      if (expr.otherwise !== null) referencedColumns(expr.otherwise, into);
      break;
    case 'Call':
      expr.args.forEach((a) => referencedColumns(a, into));
      break;
    case 'IsDistinct':
      referencedColumns(expr.left, into);
      referencedColumns(expr.right, into);
      break;
    case 'Subscript':
      referencedColumns(expr.base, into);
      referencedColumns(expr.index, into);
      break;
    case 'Dereference':
      referencedColumns(expr.base, into);
      break;
    case 'ArrayConstruct':
      expr.elements.forEach((e) => referencedColumns(e, into));
      break;
    case 'MapConstruct':
      expr.entries.forEach((e) => {
        referencedColumns(e.key, into);
        referencedColumns(e.value, into);
      });
      break;
    case 'StructConstruct':
      expr.fields.forEach((f) => referencedColumns(f.value, into));
      break;
    case 'Lambda':
      referencedColumns(expr.body, into);
      break;
    case 'LambdaVariable':
      break;
  }
  return into;
}

/** Rebuilds an expression bottom-up, applying `fn` to every node after its children. */
export function transformBoundExpr(expr: BoundExpr, fn: (e: BoundExpr) => BoundExpr): BoundExpr {
  const t = (e: BoundExpr) => transformBoundExpr(e, fn);
  switch (expr.kind) {
    case 'Literal':
    case 'ColumnRef':
    case 'LambdaVariable':
      return fn(expr);
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
    case 'Concat':
      return fn({ ...expr, left: t(expr.left), right: t(expr.right) });
    case 'Negate':
    case 'Not':
    case 'IsNull':
    case 'Cast':
      return fn({ ...expr, operand: t(expr.operand) });
    case 'Like':
      return fn({ ...expr, value: t(expr.value), pattern: t(expr.pattern), escape: expr.escape === null ? null : t(expr.escape) });
    case 'Between':
      return fn({ ...expr, value: t(expr.value), low: t(expr.low), high: t(expr.high) });
    case 'InList':
      return fn({ ...expr, value: t(expr.value), list: expr.list.map(t) });
    case 'Case':
      return fn({
        ...expr,
        whens: expr.whens.map((w) => ({ when: t(w.when), then: t(w.then) })),
        otherwise: expr.otherwise === null ? null : t(expr.otherwise),
      });
    case 'Call':
      return fn({ ...expr, args: expr.args.map(t) });
    case 'IsDistinct':
      return fn({ ...expr, left: t(expr.left), right: t(expr.right) });
    case 'Subscript':
      return fn({ ...expr, base: t(expr.base), index: t(expr.index) });
    case 'Dereference':
      return fn({ ...expr, base: t(expr.base) });
    case 'ArrayConstruct':
      return fn({ ...expr, elements: expr.elements.map(t) });
    case 'MapConstruct':
      return fn({ ...expr, entries: expr.entries.map((e) => ({ key: t(e.key), value: t(e.value) })) });
    case 'StructConstruct':
      return fn({ ...expr, fields: expr.fields.map((f) => ({ name: f.name, value: t(f.value) })) });
    case 'Lambda':
      return fn({ ...expr, body: t(expr.body) });
  }
}
