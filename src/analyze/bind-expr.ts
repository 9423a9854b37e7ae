// bindExpr: resolves names and types of an AST expression into a BoundExpr, with located errors.

import { assertNever, EngineError, formatSqlType, isNumericType, SqlTypes, type SourceSpan, type SqlType } from '../common/index.js';
import { findAggregate, findFunction, findTableFunction, resolveCall } from '../functions/index.js';
import type { Expr } from '../sql/index.js';
import type { BoundExpr } from './bound-expr.js';
import { resolveType } from './resolve-type.js';
import { resolveColumn, type Scope } from './scope.js';
import { bindConstructor, bindDereference, bindSubscript } from './bind-composite.js';
import { bindLambdaCall } from './bind-lambda-call.js';
import { checkCast, coerce, commonSuperType } from './type-coercion.js';

const BOOL = SqlTypes.BOOLEAN;
const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const BIGINT_MIN = -9223372036854775808n;
const BIGINT_MAX = 9223372036854775807n;

/** Binds `expr` in `scope`. `hint` types an untyped NULL literal (e.g. the other side of `=`). */
export function bindExpr(expr: Expr, scope: Scope, hint?: SqlType): BoundExpr {
  switch (expr.kind) {
    case 'NullLiteral':
      return { kind: 'Literal', type: hint ?? SqlTypes.STRING, value: null };
    case 'BooleanLiteral':
      return { kind: 'Literal', type: BOOL, value: expr.value };
    case 'IntegerLiteral':
      return integerLiteral(BigInt(expr.text), expr.span);
    case 'DecimalLiteral': {
      const [whole = '', fraction = ''] = expr.text.split('.');
      const digits = (whole.replace(/^0+/, '') + fraction).length;
      const precision = Math.max(digits, fraction.length, 1);
      return { kind: 'Literal', type: { kind: 'DECIMAL', precision, scale: fraction.length }, value: expr.text };
    }
    case 'DoubleLiteral': {
      const value = Number(expr.text);
      if (!Number.isFinite(value)) throw new EngineError('TYPE_MISMATCH', `${expr.text} is out of range for DOUBLE.`, expr.span);
      return { kind: 'Literal', type: SqlTypes.DOUBLE, value };
    }
    case 'StringLiteral':
      return { kind: 'Literal', type: SqlTypes.STRING, value: expr.value };
    case 'ColumnRef': {
      const lambdaType = expr.qualifier === null ? scope.lambdas?.get(expr.name.name) : undefined;
      if (lambdaType !== undefined) return { kind: 'LambdaVariable', type: lambdaType, name: expr.name.name };
      const index = resolveColumn(scope, expr.qualifier?.name ?? null, expr.name.name, expr.span);
      const column = scope.schema.columns[index];
      if (column === undefined) throw new EngineError('INTERNAL', 'column index out of range', expr.span);
      return { kind: 'ColumnRef', type: column.type, index, name: column.name };
    }
    case 'UnaryExpr': {
      // `-2147483648` is one INT literal, not the negation of a BIGINT one.
      if (expr.op === '-' && expr.operand.kind === 'IntegerLiteral') return integerLiteral(-BigInt(expr.operand.text), expr.span);
      const operand = bindExpr(expr.operand, scope, expr.op === 'NOT' ? BOOL : hint);
      if (expr.op === 'NOT') return { kind: 'Not', type: BOOL, operand: requireType(operand, BOOL, expr.operand.span, 'NOT') };
      requireNumeric(operand, expr.operand.span, `unary ${expr.op}`);
      return expr.op === '-' ? { kind: 'Negate', type: operand.type, operand } : operand;
    }
    case 'BinaryExpr':
      return bindBinary(expr, scope);
    case 'LikeExpr': {
      const value = requireType(bindExpr(expr.value, scope, SqlTypes.STRING), SqlTypes.STRING, expr.value.span, 'LIKE');
      const pattern = requireType(bindExpr(expr.pattern, scope, SqlTypes.STRING), SqlTypes.STRING, expr.pattern.span, 'LIKE');
      const escape = expr.escape === null ? null : requireType(bindExpr(expr.escape, scope, SqlTypes.STRING), SqlTypes.STRING, expr.escape.span, 'ESCAPE');
      return { kind: 'Like', type: BOOL, negated: expr.negated, value, pattern, escape };
    }
    case 'BetweenExpr': {
      const [value, low, high] = unify([expr.value, expr.low, expr.high] as const, scope, expr.span, 'BETWEEN');
      return { kind: 'Between', type: BOOL, negated: expr.negated, value, low, high };
    }
    case 'InListExpr': {
      const [value, ...list] = unify([expr.value, ...expr.list], scope, expr.span, 'IN');
      return { kind: 'InList', type: BOOL, negated: expr.negated, value, list };
    }
    case 'IsNullExpr':
      return { kind: 'IsNull', type: BOOL, negated: expr.negated, operand: bindExpr(expr.value, scope) };
    case 'CaseExpr':
      return bindCase(expr, scope, hint);
    case 'CastExpr': {
      const type = resolveType(expr.type, scope.types);
      const operand = bindExpr(expr.value, scope, type);
      checkCast(operand.type, type, expr.span);
      return coerce(operand, type);
    }
    case 'FunctionCall':
      return expr.args.some((a) => a.kind === 'LambdaExpr') ? bindLambdaCall(expr, scope) : bindCall(expr, scope);
    case 'IsDistinctExpr': {
      const [left, right] = unify([expr.left, expr.right] as const, scope, expr.span, 'IS DISTINCT FROM');
      return { kind: 'IsDistinct', type: BOOL, negated: expr.negated, left, right };
    }
    case 'SubscriptExpr':
      return bindSubscript(expr, scope);
    case 'DereferenceExpr':
      return bindDereference(expr, scope);
    case 'ArrayConstructor':
    case 'MapConstructor':
    case 'StructConstructor':
      return bindConstructor(expr, scope, hint);
    case 'LambdaExpr':
      throw new EngineError('INVALID_STATEMENT', 'A lambda (x => …) can only be an argument of a function such as TRANSFORM, FILTER or REDUCE.', expr.span);
    default:
      return assertNever(expr, 'expression');
  }
}

function bindBinary(expr: Extract<Expr, { kind: 'BinaryExpr' }>, scope: Scope): BoundExpr {
  const { op } = expr;
  switch (op) {
    case 'AND':
    case 'OR': {
      const left = requireType(bindExpr(expr.left, scope, BOOL), BOOL, expr.left.span, op);
      const right = requireType(bindExpr(expr.right, scope, BOOL), BOOL, expr.right.span, op);
      return { kind: 'Logical', type: BOOL, op, left, right };
    }
    case '||': {
      const left = requireType(bindExpr(expr.left, scope, SqlTypes.STRING), SqlTypes.STRING, expr.left.span, '||');
      const right = requireType(bindExpr(expr.right, scope, SqlTypes.STRING), SqlTypes.STRING, expr.right.span, '||');
      return { kind: 'Concat', type: SqlTypes.STRING, left, right };
    }
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const [left, right] = unify([expr.left, expr.right] as const, scope, expr.span, op);
      if (left.type.kind === 'ARRAY' || left.type.kind === 'MAP' || left.type.kind === 'STRUCT') {
        if (op !== '=' && op !== '<>') {
          throw new EngineError('TYPE_MISMATCH', `Cannot compare ${formatSqlType(left.type)} values with ${op}.`, expr.span);
        }
      }
      return { kind: 'Comparison', type: BOOL, op, left, right };
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      // Each side is bound once (nested expressions stay linear); an untyped NULL takes the other side's type.
      const r0 = expr.right.kind === 'NullLiteral' ? null : bindExpr(expr.right, scope);
      const l = bindExpr(expr.left, scope, r0?.type);
      const r = r0 ?? bindExpr(expr.right, scope, l.type);
      requireNumeric(l, expr.left.span, op);
      requireNumeric(r, expr.right.span, op);
      if ((l.type.kind === 'DECIMAL' || r.type.kind === 'DECIMAL') && l.type.kind !== 'DOUBLE' && r.type.kind !== 'DOUBLE') {
        // Exact arithmetic: each integer side becomes the DECIMAL that holds it (INT → DECIMAL(10,0)).
        const left = coerce(l, asDecimal(l.type));
        const right = coerce(r, asDecimal(r.type));
        return { kind: 'Arithmetic', type: arithmeticResultType(op, left.type, right.type, expr.span), op, left, right };
      }
      const type = commonSuperType(l.type, r.type) ?? l.type;
      return { kind: 'Arithmetic', type, op, left: coerce(l, type), right: coerce(r, type) };
    }
    default:
      return assertNever(op, 'operator');
  }
}

/** An integer literal is an INT when it fits 32 bits, else a BIGINT (kept as exact text). */
function integerLiteral(n: bigint, span: SourceSpan): BoundExpr {
  if (n >= INT_MIN && n <= INT_MAX) return { kind: 'Literal', type: SqlTypes.INT, value: Number(n) };
  if (n >= BIGINT_MIN && n <= BIGINT_MAX) return { kind: 'Literal', type: SqlTypes.BIGINT, value: n.toString() };
  throw new EngineError('TYPE_MISMATCH', `Integer literal ${n} does not fit in a BIGINT.`, span);
}

/** The DECIMAL type that holds every value of an integer type exactly. */
function asDecimal(type: SqlType): SqlType {
  if (type.kind === 'INT') return { kind: 'DECIMAL', precision: 10, scale: 0 };
  if (type.kind === 'BIGINT') return { kind: 'DECIMAL', precision: 19, scale: 0 };
  return type;
}

/** DECIMAL results follow ksqlDB's precision/scale rules. */
function arithmeticResultType(op: string, left: SqlType, right: SqlType, span: SourceSpan): SqlType {
  if (left.kind !== 'DECIMAL' || right.kind !== 'DECIMAL') return left;
  const [p1, s1, p2, s2] = [left.precision, left.scale, right.precision, right.scale];
  // Beyond 38 digits the scale gives way first (keeping at least 6 fraction digits), as in SQL Server and ksqlDB.
  const cap = (p: number, s: number): SqlType =>
    p <= 38 ? { kind: 'DECIMAL', precision: p, scale: s } : { kind: 'DECIMAL', precision: 38, scale: Math.max(Math.min(s, 6), s - (p - 38)) };
  switch (op) {
    case '+':
    case '-': {
      const s = Math.max(s1, s2);
      return cap(Math.max(p1 - s1, p2 - s2) + s + 1, s);
    }
    case '*':
      return cap(p1 + p2 + 1, s1 + s2);
    case '/': {
      const s = Math.max(6, s1 + p2 + 1);
      return cap(p1 - s1 + s2 + s, s);
    }
    case '%': {
      const s = Math.max(s1, s2);
      return cap(Math.min(p1 - s1, p2 - s2) + s, s);
    }
    default:
      throw new EngineError('INTERNAL', `unknown DECIMAL operator ${op}`, span);
  }
}

/** Binds the expressions and widens them all to one common type (NULL literals take that type). */
export function unify(exprs: readonly [Expr, Expr], scope: Scope, span: SourceSpan, what: string): [BoundExpr, BoundExpr];
export function unify(exprs: readonly [Expr, Expr, Expr], scope: Scope, span: SourceSpan, what: string): [BoundExpr, BoundExpr, BoundExpr];
export function unify(exprs: readonly [Expr, ...Expr[]], scope: Scope, span: SourceSpan, what: string): [BoundExpr, ...BoundExpr[]];
export function unify(exprs: readonly Expr[], scope: Scope, span: SourceSpan, what: string): BoundExpr[] {
  const typed = exprs.map((e) => (e.kind === 'NullLiteral' ? null : bindExpr(e, scope)));
  let common: SqlType | null = null;
  for (const b of typed) {
    if (b === null) continue;
    if (common === null) {
      common = b.type;
      continue;
    }
    const next: SqlType | null = commonSuperType(common, b.type) ?? temporalWithText(common, b.type);
    if (next === null) {
      throw new EngineError('TYPE_MISMATCH', `Cannot apply ${what} to ${formatSqlType(common)} and ${formatSqlType(b.type)}.`, span);
    }
    common = next;
  }
  const type = common ?? SqlTypes.STRING;
  return exprs.map((e, i) => coerce(typed[i] ?? bindExpr(e, scope, type), type));
}

function bindCase(expr: Extract<Expr, { kind: 'CaseExpr' }>, scope: Scope, hint: SqlType | undefined): BoundExpr {
  const whens = expr.whens.map((w) => {
    if (expr.operand === null) return { when: requireType(bindExpr(w.when, scope, BOOL), BOOL, w.when.span, 'WHEN'), then: w.then };
    const [left, right] = unify([expr.operand, w.when] as const, scope, w.when.span, 'CASE');
    const when: BoundExpr = { kind: 'Comparison', type: BOOL, op: '=', left, right };
    return { when, then: w.then };
  });
  const results = [...expr.whens.map((w) => w.then), ...(expr.otherwise === null ? [] : [expr.otherwise])];
  const bound = results.map((r) => (r.kind === 'NullLiteral' ? null : bindExpr(r, scope)));
  let type: SqlType | null = null;
  bound.forEach((b, i) => {
    if (b === null) return;
    const next: SqlType | null = type === null ? b.type : commonSuperType(type, b.type);
    if (next === null) {
      throw new EngineError('TYPE_MISMATCH', `CASE branches must have compatible types, but found ${formatSqlType(type ?? b.type)} and ${formatSqlType(b.type)}.`, results[i]?.span);
    }
    type = next;
  });
  const resultType: SqlType = type ?? hint ?? SqlTypes.STRING;
  const branch = (i: number): BoundExpr => coerce(bound[i] ?? bindExpr(results[i] ?? { kind: 'NullLiteral', span: expr.span }, scope, resultType), resultType);
  return {
    kind: 'Case',
    type: resultType,
    whens: whens.map((w, i) => ({ when: w.when, then: branch(i) })),
    otherwise: expr.otherwise === null ? null : branch(expr.whens.length),
  };
}

function bindCall(expr: Extract<Expr, { kind: 'FunctionCall' }>, scope: Scope): BoundExpr {
  const constructor = expr.name.quoted ? undefined : CONSTRUCTOR_SYNTAX[expr.name.name];
  if (constructor !== undefined && findFunction(expr.name.name) === undefined) {
    throw new EngineError('SYNTAX_ERROR', `${expr.name.name} is not a function: write ${constructor}.`, expr.span);
  }
  if (expr.star || (findAggregate(expr.name.name) !== undefined && findFunction(expr.name.name) === undefined)) {
    throw new EngineError(
      'INVALID_STATEMENT',
      `Aggregate function ${expr.name.name.toUpperCase()} can only be used in the SELECT and HAVING clauses of a query with GROUP BY.`,
      expr.span,
    );
  }
  if (isTableFunctionName(expr.name.name)) throw tableFunctionAsValue(expr);
  const unified = findFunction(expr.name.name)?.unifiesArguments === true && expr.args.length > 0;
  const args = unified ? unify(expr.args as [Expr, ...Expr[]], scope, expr.span, expr.name.name) : expr.args.map((a) => bindExpr(a, scope));
  const resolved = resolveCall(expr.name.name, args.map((a) => a.type), expr.span);
  return {
    kind: 'Call',
    type: resolved.returnType,
    name: resolved.fn.name,
    args: args.map((a, i) => coerce(a, resolved.paramTypes[i] ?? a.type)),
  };
}

/** A table function (EXPLODE) that no scalar function of the same name shadows. */
function isTableFunctionName(name: string): boolean {
  return findTableFunction(name) !== undefined && findFunction(name) === undefined;
}

export function isTableFunctionCall(e: Expr): e is Extract<Expr, { kind: 'FunctionCall' }> {
  return e.kind === 'FunctionCall' && isTableFunctionName(e.name.name);
}

/** A table function where a value is needed (inside an expression, WHERE, GROUP BY, …). */
export function tableFunctionAsValue(call: Extract<Expr, { kind: 'FunctionCall' }>): EngineError {
  const name = call.name.name.toUpperCase();
  return new EngineError('INVALID_STATEMENT', `${name} is a table function: it makes rows, not a value, so it can only be a whole SELECT item (${name}(…) AS name).`, call.span);
}

/** Constructors that look like function calls when written wrong. */
const CONSTRUCTOR_SYNTAX: Readonly<Record<string, string>> = {
  MAP: "MAP(key := value, …), e.g. MAP('a' := 1)",
  STRUCT: "STRUCT(name := value, …), e.g. STRUCT(id := 1)",
  ARRAY: 'ARRAY[a, b, …]',
};

export function requireType(bound: BoundExpr, type: SqlType, span: SourceSpan, what: string): BoundExpr {
  if (bound.type.kind !== type.kind) {
    throw new EngineError('TYPE_MISMATCH', `${what} expects ${formatSqlType(type)} but this is ${formatSqlType(bound.type)}.`, span);
  }
  return bound;
}

function requireNumeric(bound: BoundExpr, span: SourceSpan, what: string): void {
  if (!isNumericType(bound.type)) {
    throw new EngineError('TYPE_MISMATCH', `${what} expects a number but this is ${formatSqlType(bound.type)}.`, span);
  }
}

/** A TIMESTAMP, DATE or TIME compared with a STRING reads the string as ISO-8601 (ROWTIME > '2024-01-01'), as ksqlDB does. */
function temporalWithText(a: SqlType, b: SqlType): SqlType | null {
  const temporal = (t: SqlType) => t.kind === 'TIMESTAMP' || t.kind === 'DATE' || t.kind === 'TIME';
  if (temporal(a) && b.kind === 'STRING') return a;
  if (temporal(b) && a.kind === 'STRING') return b;
  return null;
}
