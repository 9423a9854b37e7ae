// resolveLambdaCall: overload resolution for calls with lambda arguments (TRANSFORM, FILTER, REDUCE, …).

import { EngineError, formatSqlType, type SourceSpan, type SqlType } from '../common/index.js';
import type { ScalarFunction, Signature } from './scalar-function.js';

const WIDENING: Readonly<Record<string, number>> = { INT: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

export interface ResolvedLambdaCall {
  readonly signature: Signature;
  /** The type each non-lambda argument must be cast to (null at lambda positions). */
  readonly paramTypes: readonly (SqlType | null)[];
  readonly returnType: SqlType;
}

/**
 * `args` holds the non-lambda argument types, with null where a lambda is given. `bindLambda` binds
 * the lambda at `position` with the parameter types the signature infers and returns its body type.
 */
export function resolveLambdaCall(
  fn: ScalarFunction,
  args: readonly (SqlType | null)[],
  lambdaArity: ReadonlyMap<number, number>,
  bindLambda: (position: number, paramTypes: readonly SqlType[]) => SqlType,
  span?: SourceSpan,
): ResolvedLambdaCall {
  const signature = fn.signatures.find((sig) => matches(sig, args));
  if (signature === undefined || signature.lambdaParams === undefined) {
    const given = args.map((a) => (a === null ? 'LAMBDA' : formatSqlType(a))).join(', ');
    const candidates = fn.signatures.map((s) => `${fn.name}(${s.params.join(', ')})`).join(', ');
    throw new EngineError('TYPE_MISMATCH', `Function ${fn.name} does not accept (${given}). Valid signatures: ${candidates}.`, span);
  }
  const paramTypes = args.map((a, i) => {
    const p = signature.params[Math.min(i, signature.params.length - 1)] ?? 'ANY';
    return a === null ? null : p === 'ANY' || p === a.kind ? a : ({ kind: p } as SqlType);
  });
  const finalTypes = paramTypes.map((t, position) => {
    if (t !== null) return t;
    const lambdaTypes = signature.lambdaParams?.(paramTypes, position) ?? [];
    const arity = lambdaArity.get(position) ?? 0;
    if (lambdaTypes.length !== arity) {
      throw new EngineError(
        'TYPE_MISMATCH',
        `The lambda in argument ${position + 1} of ${fn.name} must take ${lambdaTypes.length} parameter(s), not ${arity}.`,
        span,
      );
    }
    return bindLambda(position, lambdaTypes);
  });
  return { signature, paramTypes, returnType: signature.returns(finalTypes) };
}

function matches(sig: Signature, args: readonly (SqlType | null)[]): boolean {
  if (sig.variadic === true ? args.length < sig.params.length - 1 : args.length !== sig.params.length) return false;
  return args.every((arg, i) => {
    const param = sig.params[Math.min(i, sig.params.length - 1)];
    if (param === undefined) return false;
    if (arg === null || param === 'LAMBDA') return arg === null && param === 'LAMBDA';
    if (param === 'ANY' || param === arg.kind) return true;
    const from = WIDENING[arg.kind];
    const to = WIDENING[param];
    return from !== undefined && to !== undefined && from < to;
  });
}
