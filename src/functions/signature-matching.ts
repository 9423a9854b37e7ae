// Signature matching: whether argument types fit a signature — generics bound, numbers widened, lambdas typed.

import { formatSqlType, sqlTypeEquals, type SqlType } from '../common/index.js';
import type { ArrayParam, GenericParam, LambdaParam, MapParam, ParamType, Signature } from './scalar-function.js';

/**
 * A lambda argument as the analyzer sees it before its body is typed: how many parameters it
 * declares, and a callback that types the body given the parameter types (and returns its type).
 */
export interface LambdaArg {
  readonly kind: 'LAMBDA';
  readonly arity: number;
  bind(paramTypes: readonly SqlType[]): SqlType;
}

export type CallArg = SqlType | LambdaArg;

export interface SignatureMatch {
  /** How much implicit numeric widening the arguments need (0: exact; less is a better match). */
  readonly widened: number;
  /** The type each argument must be cast to; for a lambda, the type of its body. */
  readonly paramTypes: readonly SqlType[];
  /** For each lambda argument, the types of its parameters (undefined elsewhere). */
  readonly lambdaParamTypes: readonly (readonly SqlType[] | undefined)[];
  readonly generics: ReadonlyMap<string, SqlType>;
}

export function isLambdaArg(a: CallArg): a is LambdaArg {
  return a.kind === 'LAMBDA';
}
const isGeneric = (p: ParamType): p is GenericParam => typeof p === 'object' && 'generic' in p;
const isArray = (p: ParamType): p is ArrayParam => typeof p === 'object' && 'arrayOf' in p;
const isMap = (p: ParamType): p is MapParam => typeof p === 'object' && 'mapOf' in p;
const isLambda = (p: ParamType): p is LambdaParam => typeof p === 'object' && 'lambda' in p;

const RANK: Readonly<Partial<Record<SqlType['kind'], number>>> = { INT: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

/** How far a widening goes (INT → BIGINT is 1, INT → DOUBLE is 3), so the nearest overload wins. */
function distance(from: SqlType, to: SqlType): number {
  return (RANK[to.kind] ?? 0) - (RANK[from.kind] ?? 0) || 1;
}

/** `arg` widened to the kind `to` (INT → DECIMAL(10, 0)), or null when it does not widen. */
export function widenTo(arg: SqlType, to: SqlType['kind']): SqlType | null {
  const from = RANK[arg.kind];
  const target = RANK[to];
  if (from === undefined || target === undefined || from >= target) return null;
  if (to === 'DECIMAL') return { kind: 'DECIMAL', precision: arg.kind === 'INT' ? 10 : 19, scale: 0 };
  return { kind: to } as SqlType;
}

/** The narrowest type every one of `types` widens to, or null. */
export function commonType(types: readonly SqlType[]): SqlType | null {
  let acc: SqlType | undefined;
  for (const t of types) {
    if (acc === undefined || sqlTypeEquals(acc, t)) {
      acc = t;
      continue;
    }
    const ra = RANK[acc.kind];
    const rt = RANK[t.kind];
    if (ra === undefined || rt === undefined) return null;
    if (acc.kind === 'DOUBLE' || t.kind === 'DOUBLE') acc = { kind: 'DOUBLE' };
    else if (acc.kind === 'DECIMAL' || t.kind === 'DECIMAL') {
      const digits = (x: SqlType): [number, number] => (x.kind === 'DECIMAL' ? [x.precision - x.scale, x.scale] : [x.kind === 'INT' ? 10 : 19, 0]);
      const [ia, sa] = digits(acc);
      const [it, st] = digits(t);
      const scale = Math.max(sa, st);
      acc = { kind: 'DECIMAL', precision: Math.min(38, Math.max(ia, it) + scale), scale };
    } else acc = ra > rt ? acc : t;
  }
  return acc ?? null;
}

/** Binds generics inside a container parameter exactly (no widening inside ARRAY/MAP). */
function bindExact(p: ParamType, a: SqlType, generics: Map<string, SqlType>): boolean {
  if (p === 'ANY') return true;
  if (typeof p === 'string') return p === a.kind;
  if (isGeneric(p)) {
    const bound = generics.get(p.generic);
    if (bound === undefined) generics.set(p.generic, a);
    return bound === undefined || sqlTypeEquals(bound, a);
  }
  if (isArray(p)) return a.kind === 'ARRAY' && bindExact(p.arrayOf, a.element, generics);
  if (isMap(p)) return a.kind === 'MAP' && bindExact(p.mapOf[0], a.key, generics) && bindExact(p.mapOf[1], a.value, generics);
  return false;
}

/** The concrete type of a parameter once its generics are bound (undefined while one is not). */
export function substitute(p: ParamType, generics: ReadonlyMap<string, SqlType>): SqlType | undefined {
  if (p === 'ANY') return undefined;
  if (typeof p === 'string') return p === 'DECIMAL' || p === 'ARRAY' || p === 'MAP' || p === 'STRUCT' ? undefined : ({ kind: p });
  if (isGeneric(p)) return generics.get(p.generic);
  if (isArray(p)) {
    const element = substitute(p.arrayOf, generics);
    return element === undefined ? undefined : { kind: 'ARRAY', element };
  }
  if (isMap(p)) {
    const key = substitute(p.mapOf[0], generics);
    const value = substitute(p.mapOf[1], generics);
    return key === undefined || value === undefined ? undefined : { kind: 'MAP', key, value };
  }
  return undefined;
}

/**
 * Matches `args` against `sig`. With `lenientLambdas` (used at execution, where lambda arguments
 * are already typed) any argument is accepted in a lambda position.
 */
export function matchSignature(sig: Signature, args: readonly CallArg[], lenientLambdas = true): SignatureMatch | null {
  const count = sig.params.length;
  if (sig.variadic === true ? args.length < count - 1 : args.length !== count) return null;
  const paramAt = (i: number): ParamType => sig.params[Math.min(i, count - 1)] ?? 'ANY';
  const generics = new Map<string, SqlType>();
  const bare = new Map<string, number[]>();
  let widened = 0;
  const paramTypes: SqlType[] = [];
  const lambdaParamTypes: (readonly SqlType[] | undefined)[] = [];

  // 1. Kinds and containers; containers bind their generics exactly.
  for (let i = 0; i < args.length; i++) {
    const p = paramAt(i);
    const a = args[i];
    if (a === undefined) return null;
    if (isLambdaArg(a) || isLambda(p)) {
      if (!(isLambdaArg(a) && isLambda(p)) && !(isLambda(p) && lenientLambdas)) return null;
      continue;
    }
    if (isGeneric(p)) bare.set(p.generic, [...(bare.get(p.generic) ?? []), i]);
    else if (typeof p === 'string' && p !== 'ANY' && p !== a.kind) {
      const w = widenTo(a, p);
      if (w === null) return null;
      widened += distance(a, w);
      paramTypes[i] = w;
    } else if (!bindExact(p, a, generics)) return null;
  }
  // 2. Bare generics: every argument widens to the binding (or to the arguments' common type).
  for (const [name, positions] of bare) {
    const types = positions.map((i) => args[i] as SqlType);
    const target = generics.get(name) ?? commonType(types);
    if (target === null) return null;
    generics.set(name, target);
    for (const i of positions) {
      const a = args[i] as SqlType;
      if (sqlTypeEquals(a, target)) continue;
      if (commonType([a, target]) === null || !sqlTypeEquals(commonType([a, target]) as SqlType, target)) return null;
      widened += distance(a, target);
      paramTypes[i] = target;
    }
  }
  // 3. Lambdas, in order: their parameter types come from the bindings so far.
  for (let i = 0; i < args.length; i++) {
    const p = paramAt(i);
    const a = args[i];
    if (a === undefined || !isLambda(p)) continue;
    if (!isLambdaArg(a)) {
      paramTypes[i] = a;
      continue;
    }
    if (a.arity !== p.lambda.length) return null;
    const inputs = p.lambda.map((q) => substitute(q, generics));
    if (inputs.some((t) => t === undefined)) return null;
    const body = a.bind(inputs as SqlType[]);
    if (!bindExact(p.returns, body, generics)) return null;
    paramTypes[i] = body;
    lambdaParamTypes[i] = inputs as SqlType[];
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (paramTypes[i] === undefined && a !== undefined && !isLambdaArg(a)) paramTypes[i] = a;
  }
  return { widened, paramTypes, lambdaParamTypes, generics };
}

/** A parameter as DESCRIBE FUNCTION prints it: `INT`, `ARRAY<T>`, `(T) => BOOLEAN`. */
export function formatParam(p: ParamType): string {
  if (typeof p === 'string') return p;
  if (isGeneric(p)) return p.generic;
  if (isArray(p)) return `ARRAY<${formatParam(p.arrayOf)}>`;
  if (isMap(p)) return `MAP<${formatParam(p.mapOf[0])}, ${formatParam(p.mapOf[1])}>`;
  return `(${p.lambda.map(formatParam).join(', ')}) => ${formatParam(p.returns)}`;
}

export function formatParams(sig: Signature): string {
  const params = sig.params.map(formatParam);
  if (sig.variadic === true && params.length > 0) params[params.length - 1] = `${params[params.length - 1]}...`;
  return params.join(', ');
}

export function formatArg(a: CallArg): string {
  return isLambdaArg(a) ? `LAMBDA/${a.arity}` : formatSqlType(a);
}
