// ScalarFunction: a function's signatures (for analyze) and implementation (for exec), as one object.

import type { SqlType, SqlTypeKind, Value } from '../common/index.js';
import { matchSignature } from './signature-matching.js';

/**
 * What one parameter accepts:
 * - a type kind (`'INT'`, `'DECIMAL'` of any precision, `'ARRAY'` of anything), or `'ANY'` type;
 * - a generic (`T`): any type, the same one wherever the generic appears in the signature;
 * - an array or map whose element, key or value types are themselves parameter types;
 * - a lambda: its parameters' types (usually generics bound by earlier arguments) and its result.
 * Numeric arguments widen implicitly (INT → BIGINT → DECIMAL → DOUBLE) to a kind or a bare generic.
 */
export type ParamType = SqlTypeKind | 'ANY' | GenericParam | ArrayParam | MapParam | LambdaParam;

export interface GenericParam {
  readonly generic: string;
}
export interface ArrayParam {
  readonly arrayOf: ParamType;
}
export interface MapParam {
  readonly mapOf: readonly [ParamType, ParamType];
}
export interface LambdaParam {
  readonly lambda: readonly ParamType[];
  readonly returns: ParamType;
}

export const generic = (name: string): GenericParam => ({ generic: name });
export const arrayOf = (element: ParamType): ArrayParam => ({ arrayOf: element });
export const mapOf = (key: ParamType, value: ParamType): MapParam => ({ mapOf: [key, value] });
export const lambda = (params: readonly ParamType[], returns: ParamType): LambdaParam => ({ lambda: params, returns });

/** The types the generics of a signature were bound to by a call (`T` → `INT`). */
export type GenericBindings = ReadonlyMap<string, SqlType>;

export type Invoke = (args: readonly Value[]) => Value;

export interface Signature {
  readonly params: readonly ParamType[];
  /** When set, the last parameter repeats (zero or more times). */
  readonly variadic?: boolean;
  /** The result type, given the argument types after implicit widening and the generics they bound. */
  readonly returns: (args: readonly SqlType[], generics: GenericBindings) => SqlType;
  /** This overload's own implementation, when it differs from the function's. */
  readonly invoke?: Invoke;
}

export type FunctionCategory =
  | 'MATH'
  | 'STRING'
  | 'REGEX'
  | 'DATE_TIME'
  | 'ARRAY'
  | 'MAP'
  | 'JSON'
  | 'URL'
  | 'NULL'
  | 'BYTES'
  | 'LAMBDA'
  | 'OTHER';

export interface ScalarFunction {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly description: string;
  readonly signatures: readonly Signature[];
  /** Called with already-evaluated arguments. Unless `callOnNull`, a NULL argument yields NULL without a call. */
  readonly invoke: Invoke;
  /** An implementation built for the argument types (TO_JSON_STRING needs them); wins over `invoke`. */
  readonly specialize?: (argTypes: readonly SqlType[]) => Invoke;
  readonly callOnNull?: boolean;
  /** Every argument is widened to one common type (COALESCE and friends); NULL literals take it too. */
  readonly unifiesArguments?: boolean;
  /** The result differs between calls with equal arguments (RANDOM, UUID, UNIX_TIMESTAMP()). */
  readonly nondeterministic?: boolean;
}

/** The implementation for arguments of these (already widened) types: the closest overload's own, else the function's. */
export function implementationFor(fn: ScalarFunction, argTypes: readonly SqlType[]): Invoke {
  if (fn.specialize !== undefined) return fn.specialize(argTypes);
  let best: { invoke: Invoke; widened: number } | null = null;
  for (const s of fn.signatures) {
    const widened = s.invoke === undefined ? undefined : matchSignature(s, argTypes)?.widened;
    if (s.invoke !== undefined && widened !== undefined && (best === null || widened < best.widened)) best = { invoke: s.invoke, widened };
  }
  return best?.invoke ?? fn.invoke;
}

export const returnsType = (type: SqlType) => (): SqlType => type;
export const returnsFirstArg = (args: readonly SqlType[]): SqlType => args[0] ?? { kind: 'STRING' };
/** The type a generic was bound to (`returnsGeneric('T')`). */
export const returnsGeneric =
  (name: string) =>
  (_args: readonly SqlType[], generics: GenericBindings): SqlType =>
    generics.get(name) ?? { kind: 'STRING' };

/** For functions whose every overload carries its own `invoke`. */
export const noDefaultInvoke: Invoke = () => {
  throw new Error('no implementation for these argument types');
};
