// Binding of a function call with lambda arguments: parameters typed from the function's signature.

import { EngineError, type SqlType } from '../common/index.js';
import { findFunction, resolveCall, type CallArg } from '../functions/index.js';
import type { Expr } from '../sql/index.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { Scope } from './scope.js';
import { coerce } from './type-coercion.js';

type Call = Extract<Expr, { kind: 'FunctionCall' }>;
type Lambda = Extract<Expr, { kind: 'LambdaExpr' }>;

export function bindLambdaCall(expr: Call, scope: Scope): BoundExpr {
  const fn = findFunction(expr.name.name);
  if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown function ${expr.name.name}.`, expr.name.span);
  if (!fn.signatures.some((s) => s.params.some((p) => typeof p === 'object' && 'lambda' in p))) {
    const lambda = expr.args.find((a) => a.kind === 'LambdaExpr');
    throw new EngineError('TYPE_MISMATCH', `Function ${fn.name} does not take a lambda argument.`, lambda?.span ?? expr.span);
  }
  const values = expr.args.map((a) => (a.kind === 'LambdaExpr' ? null : bindExpr(a, scope)));
  // Overload matching may try a lambda against several signatures; each try binds its body afresh.
  const args: CallArg[] = expr.args.map((a, i) =>
    a.kind === 'LambdaExpr'
      ? { kind: 'LAMBDA', arity: a.params.length, bind: (paramTypes: readonly SqlType[]) => bindLambda(a, paramTypes, scope).type }
      : (values[i] as BoundExpr).type,
  );
  const resolved = resolveCall(fn.name, args, expr.span);
  return {
    kind: 'Call',
    type: resolved.returnType,
    name: resolved.fn.name,
    args: expr.args.map((a, i) => {
      if (a.kind === 'LambdaExpr') return bindLambda(a, resolved.lambdaParamTypes[i] ?? [], scope);
      const value = values[i] as BoundExpr;
      return coerce(value, resolved.paramTypes[i] ?? value.type);
    }),
  };
}

/** Binds a lambda's body with its parameters typed `paramTypes` (visible by name inside the body). */
function bindLambda(lambda: Lambda, paramTypes: readonly SqlType[], scope: Scope): BoundExpr {
  if (paramTypes.length !== lambda.params.length) {
    throw new EngineError('TYPE_MISMATCH', `This lambda must take ${paramTypes.length} parameter(s), not ${lambda.params.length}.`, lambda.span);
  }
  const lambdas = new Map(scope.lambdas ?? []);
  const names = new Set<string>();
  lambda.params.forEach((p, i) => {
    if (names.has(p.name)) throw new EngineError('INVALID_STATEMENT', `Lambda parameter ${p.name} is declared twice.`, p.span);
    names.add(p.name);
    lambdas.set(p.name, paramTypes[i] ?? { kind: 'STRING' });
  });
  const body = bindExpr(lambda.body, { ...scope, lambdas });
  return { kind: 'Lambda', type: body.type, params: lambda.params.map((p) => p.name), body };
}
