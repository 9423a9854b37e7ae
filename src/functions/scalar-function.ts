// ScalarFunction: a function's signatures (for analyze) and implementation (for exec), as one object.

import type { SqlType, SqlTypeKind, Value } from '../common/index.js';

/**
 * A parameter accepts one type kind, or any type (`ANY`, e.g. COALESCE's arguments), or a lambda
 * (`LAMBDA`, e.g. TRANSFORM's second argument; its parameter types come from `lambdaParams`).
 */
export type ParamType = SqlTypeKind | 'ANY' | 'LAMBDA';

export interface Signature {
  readonly params: readonly ParamType[];
  /** When set, the last parameter repeats (zero or more times). */
  readonly variadic?: boolean;
  /** The result type, given the argument types after implicit widening (a lambda argument's type is its body's type). */
  readonly returns: (args: readonly SqlType[]) => SqlType;
  /**
   * For the `LAMBDA` parameter at `position`: the types of the lambda's parameters, given the types of
   * the other arguments (null at lambda positions). E.g. TRANSFORM(ARRAY<T>, x => …) gives [T].
   * At run time the lambda arrives as a `LambdaValue`.
   */
  readonly lambdaParams?: (args: readonly (SqlType | null)[], position: number) => readonly SqlType[];
  /** This overload's own implementation, when it differs from the function's. */
  readonly invoke?: (args: readonly Value[]) => Value;
}

export type FunctionCategory = 'MATH' | 'STRING' | 'NULL' | 'OTHER';

export interface ScalarFunction {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly description: string;
  readonly signatures: readonly Signature[];
  /** Called with already-evaluated arguments. Unless `callOnNull`, a NULL argument yields NULL without a call. */
  readonly invoke: (args: readonly Value[]) => Value;
  readonly callOnNull?: boolean;
  /** Every argument is widened to one common type (COALESCE and friends); NULL literals take it too. */
  readonly unifiesArguments?: boolean;
}

/** The implementation for arguments of these (already widened) types. */
export function implementationFor(fn: ScalarFunction, argTypes: readonly SqlType[]): (args: readonly Value[]) => Value {
  const exact = fn.signatures.find(
    (s) => s.invoke !== undefined && argTypes.every((t, i) => [t.kind, 'ANY'].includes(s.params[Math.min(i, s.params.length - 1)] ?? '')),
  );
  return exact?.invoke ?? fn.invoke;
}

export const returnsType = (type: SqlType) => (): SqlType => type;
export const returnsFirstArg = (args: readonly SqlType[]): SqlType => args[0] ?? { kind: 'STRING' };
