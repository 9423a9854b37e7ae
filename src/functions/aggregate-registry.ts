// Aggregate registry: every aggregate function by name, and overload resolution for the analyzer.

import { EngineError, type SourceSpan, type SqlType } from '../common/index.js';
import type { AggregateFunction } from './aggregate-function.js';
import { basicAggregates } from './basic-aggregates.js';
import { moreAggregates } from './aggregates/more-aggregates.js';
import { resolveSignature } from './function-registry.js';

/** All aggregate functions (more are added here, one family per file). */
const AGGREGATES: readonly AggregateFunction[] = [...basicAggregates, ...moreAggregates];
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

/** Picks the signature of `name` that takes `args` with the fewest widenings (the scalar functions' resolver). */
export function resolveAggregate(name: string, args: readonly SqlType[], span?: SourceSpan): ResolvedAggregate {
  const fn = findAggregate(name);
  if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown aggregate function ${name.toUpperCase()}.`, span);
  return resolveSignature(fn.name, fn.signatures, args, span, (signature, match) => ({
    fn,
    paramTypes: match.paramTypes,
    returnType: signature.returns(match.paramTypes, match.generics),
  }));
}
