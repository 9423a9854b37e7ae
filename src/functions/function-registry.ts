// FunctionRegistry: every built-in function by name, with overload resolution by argument types.

import { EngineError, formatSqlType, type SourceSpan, type SqlType } from '../common/index.js';
import { mathFunctions } from './math-functions.js';
import { nullFunctions } from './null-functions.js';
import type { ParamType, ScalarFunction, Signature } from './scalar-function.js';
import { stringFunctions } from './string-functions.js';

const ALL: readonly ScalarFunction[] = [...mathFunctions, ...stringFunctions, ...nullFunctions];
const BY_NAME: ReadonlyMap<string, ScalarFunction> = new Map(ALL.map((f) => [f.name, f]));

export function listFunctions(): readonly ScalarFunction[] {
  return ALL;
}

export function findFunction(name: string): ScalarFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Numeric widening order: an argument may be passed where a wider numeric type is expected. */
const WIDENING: Readonly<Record<string, number>> = { INT: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

function accepts(param: ParamType, arg: SqlType): 'exact' | 'widened' | 'no' {
  if (param === 'ANY' || param === arg.kind) return 'exact';
  const from = WIDENING[arg.kind];
  const to = WIDENING[param];
  return from !== undefined && to !== undefined && from < to ? 'widened' : 'no';
}

export interface ResolvedCall {
  readonly fn: ScalarFunction;
  /** The type each argument must be cast to before the call. */
  readonly paramTypes: readonly SqlType[];
  readonly returnType: SqlType;
}

/** Picks the overload matching `args`, preferring exact matches; errors list the candidates. */
export function resolveCall(name: string, args: readonly SqlType[], span?: SourceSpan): ResolvedCall {
  const fn = findFunction(name);
  if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown function ${name.toUpperCase()}.`, span);
  let best: { sig: Signature; widened: number } | null = null;
  for (const sig of fn.signatures) {
    const score = matchScore(sig, args);
    if (score !== null && (best === null || score < best.widened)) best = { sig, widened: score };
  }
  if (best === null) {
    const given = args.map(formatSqlType).join(', ');
    const candidates = fn.signatures.map((s) => `${fn.name}(${formatParams(s)})`).join(', ');
    throw new EngineError('TYPE_MISMATCH', `Function ${fn.name} does not accept (${given}). Valid signatures: ${candidates}.`, span);
  }
  const sig = best.sig;
  const paramTypes = args.map((arg, i) => {
    const p = sig.params[Math.min(i, sig.params.length - 1)] ?? 'ANY';
    return p === 'ANY' || p === arg.kind ? arg : ({ kind: p } as SqlType);
  });
  return { fn, paramTypes, returnType: sig.returns(paramTypes) };
}

function matchScore(sig: Signature, args: readonly SqlType[]): number | null {
  if (sig.variadic === true ? args.length < sig.params.length - 1 : args.length !== sig.params.length) return null;
  let widened = 0;
  for (let i = 0; i < args.length; i++) {
    const param = sig.params[Math.min(i, sig.params.length - 1)];
    const arg = args[i];
    if (param === undefined || arg === undefined) return null;
    const a = accepts(param, arg);
    if (a === 'no') return null;
    if (a === 'widened') widened++;
  }
  return widened;
}

function formatParams(sig: Signature): string {
  const params: string[] = sig.params.map((p) => p);
  if (sig.variadic === true && params.length > 0) params[params.length - 1] = `${params[params.length - 1]}...`;
  return params.join(', ');
}
