// Binding of a function call with lambda arguments: parameters typed from the function's signature.

import { EngineError, type SqlType } from '../common/index.js';
import { findFunction, resolveLambdaCall } from '../functions/index.js';
import type { Expr } from '../sql/index.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { Scope } from './scope.js';
import { coerce } from './type-coercion.js';

type Call = Extract<Expr, { kind: 'FunctionCall' }>;

export function bindLambdaCall(expr: Call, scope: Scope): BoundExpr {
  const fn = findFunction(expr.name.name);
  if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown function ${expr.name.name}.`, expr.name.span);
  if (!fn.signatures.some((s) => s.params.includes('LAMBDA'))) {
    const lambda = expr.args.find((a) => a.kind === 'LambdaExpr');
    throw new EngineError('TYPE_MISMATCH', `Function ${fn.name} does not take a lambda argument.`, lambda?.span ?? expr.span);
  }
  const bound: (BoundExpr | null)[] = expr.args.map((a) => (a.kind === 'LambdaExpr' ? null : bindExpr(a, scope)));
  const arity = new Map<number, number>();
  expr.args.forEach((a, i) => {
    if (a.kind === 'LambdaExpr') arity.set(i, a.params.length);
  });
  const resolved = resolveLambdaCall(
    fn,
    bound.map((b) => b?.type ?? null),
    arity,
    (position, paramTypes) => {
      const lambda = expr.args[position];
      if (lambda?.kind !== 'LambdaExpr') throw new EngineError('INTERNAL', 'lambda position mismatch', expr.span);
      const lambdas = new Map(scope.lambdas ?? []);
      const names = new Set<string>();
      lambda.params.forEach((p, i) => {
        if (names.has(p.name)) throw new EngineError('INVALID_STATEMENT', `Lambda parameter ${p.name} is declared twice.`, p.span);
        names.add(p.name);
        lambdas.set(p.name, paramTypes[i] ?? { kind: 'STRING' });
      });
      const body = bindExpr(lambda.body, { ...scope, lambdas });
      bound[position] = { kind: 'Lambda', type: body.type, params: lambda.params.map((p) => p.name), body };
      return body.type;
    },
    expr.span,
  );
  return {
    kind: 'Call',
    type: resolved.returnType,
    name: fn.name,
    args: bound.map((b, i) => {
      if (b === null) throw new EngineError('INTERNAL', 'unbound lambda', expr.span);
      const target: SqlType | null = resolved.paramTypes[i] ?? null;
      return target === null ? b : coerce(b, target);
    }),
  };
}
