// Aggregate registry: every aggregate function by name, and overload resolution for the analyzer.

import { EngineError, formatSqlType, type SourceSpan, type SqlType } from '../common/index.js';
import type { AggregateFunction } from './aggregate-function.js';
import { basicAggregates } from './basic-aggregates.js';
import type { ParamType, Signature } from './scalar-function.js';

/** All aggregate functions (more are added here, one family per file). */
const AGGREGATES: readonly AggregateFunction[] = [...basicAggregates];
const BY_NAME: ReadonlyMap<string, AggregateFunction> = new Map(AGGREGATES.map((f) => [f.name, f]));

export function listAggregates(): readonly AggregateFunction[] {
  return AGGREGATES;
}

export function findAggregate(name: string): AggregateFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export interface ResolvedAggregate {
  readonly fn: AggregateFunction;
  /** The type each argument must be cast to. */
  readonly paramTypes: readonly SqlType[];
  readonly returnType: SqlType;
}

const WIDENING: Readonly<Record<string, number>> = { INT: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

/** Picks the signature of `name` that takes `args` with the fewest widenings. */
export function resolveAggregate(name: string, args: readonly SqlType[], span?: SourceSpan): ResolvedAggregate {
  const fn = findAggregate(name);
  if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown aggregate function ${name.toUpperCase()}.`, span);
  let best: { sig: Signature; widened: number } | null = null;
  for (const sig of fn.signatures) {
    if (sig.variadic === true ? args.length < sig.params.length - 1 : args.length !== sig.params.length) continue;
    let widened = 0;
    const ok = args.every((arg, i) => {
      const param: ParamType | undefined = sig.params[Math.min(i, sig.params.length - 1)];
      if (param === undefined) return false;
      if (param === 'ANY' || param === arg.kind) return true;
      const from = WIDENING[arg.kind];
      const to = WIDENING[param];
      if (from === undefined || to === undefined || from >= to) return false;
      widened++;
      return true;
    });
    if (ok && (best === null || widened < best.widened)) best = { sig, widened };
  }
  if (best === null) {
    const candidates = fn.signatures.map((s) => `${fn.name}(${s.params.join(', ')})`).join(', ');
    throw new EngineError('TYPE_MISMATCH', `Aggregate ${fn.name} does not accept (${args.map(formatSqlType).join(', ')}). Valid signatures: ${candidates}.`, span);
  }
  const sig = best.sig;
  const paramTypes = args.map((arg, i): SqlType => {
    const p = sig.params[Math.min(i, sig.params.length - 1)] ?? 'ANY';
    if (p === 'ANY' || p === arg.kind) return arg;
    // Widening to DECIMAL keeps every digit of the integer type.
    if (p === 'DECIMAL') return { kind: 'DECIMAL', precision: arg.kind === 'INT' ? 10 : 19, scale: 0 };
    return { kind: p } as SqlType;
  });
  return { fn, paramTypes, returnType: sig.returns(paramTypes) };
}
