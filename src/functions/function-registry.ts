// FunctionRegistry: every built-in scalar function by name, with overload resolution by argument types.

import { EngineError, type SourceSpan, type SqlType } from '../common/index.js';
import { arrayFunctions } from './array-functions.js';
import { bytesFunctions } from './bytes-functions.js';
import { dateTimeFunctions } from './date-time-functions.js';
import { deprecatedDateTimeFunctions } from './deprecated-date-time-functions.js';
import { encodingFunctions } from './encoding-functions.js';
import { jsonFunctions } from './json-functions.js';
import { lambdaFunctions } from './lambda-functions.js';
import { mapFunctions } from './map-functions.js';
import { mathFunctions } from './math-functions.js';
import { maskFunctions } from './mask-functions.js';
import { nullFunctions } from './null-functions.js';
import { otherFunctions } from './other-functions.js';
import { regexFunctions } from './regex-functions.js';
import type { ScalarFunction, Signature } from './scalar-function.js';
import { formatArg, formatParams, matchSignature, type CallArg, type SignatureMatch } from './signature-matching.js';
import { stringFunctions } from './string-functions.js';
import { stringSearchFunctions } from './string-search-functions.js';
import { trigFunctions } from './trig-functions.js';
import { urlFunctions } from './url-functions.js';

const ALL: readonly ScalarFunction[] = [
  ...mathFunctions,
  ...trigFunctions,
  ...stringFunctions,
  ...stringSearchFunctions,
  ...maskFunctions,
  ...encodingFunctions,
  ...regexFunctions,
  ...dateTimeFunctions,
  ...deprecatedDateTimeFunctions,
  ...arrayFunctions,
  ...mapFunctions,
  ...jsonFunctions,
  ...urlFunctions,
  ...nullFunctions,
  ...bytesFunctions,
  ...lambdaFunctions,
  ...otherFunctions,
];
const BY_NAME: ReadonlyMap<string, ScalarFunction> = new Map(ALL.map((f) => [f.name, f]));

/** Every scalar function (see `function-catalog.ts` for aggregates and table functions too). */
export function listFunctions(): readonly ScalarFunction[] {
  return ALL;
}

export function findFunction(name: string): ScalarFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export interface ResolvedCall {
  readonly fn: ScalarFunction;
  readonly signature: Signature;
  /** The type each argument must be cast to before the call (for a lambda: its body's type). */
  readonly paramTypes: readonly SqlType[];
  /** For each lambda argument, the types its parameters take. */
  readonly lambdaParamTypes: readonly (readonly SqlType[] | undefined)[];
  readonly returnType: SqlType;
}

/** Picks the overload matching `args`, preferring the fewest widenings; errors list the candidates. */
export function resolveCall(name: string, args: readonly CallArg[], span?: SourceSpan): ResolvedCall {
  const fn = findFunction(name);
  if (fn === undefined) throw new EngineError('UNKNOWN_FUNCTION', `Unknown function ${name.toUpperCase()}.`, span);
  return resolveSignature(fn.name, fn.signatures, args, span, (signature, match) => ({
    fn,
    signature,
    paramTypes: match.paramTypes,
    lambdaParamTypes: match.lambdaParamTypes,
    returnType: signature.returns(match.paramTypes, match.generics),
  }));
}

/** Overload resolution shared by scalar, aggregate and table functions. */
export function resolveSignature<R>(
  name: string,
  signatures: readonly Signature[],
  args: readonly CallArg[],
  span: SourceSpan | undefined,
  build: (signature: Signature, match: SignatureMatch) => R,
): R {
  let best: { sig: Signature; match: SignatureMatch } | null = null;
  let tie = false;
  for (const sig of signatures) {
    const match = matchSignature(sig, args, false);
    if (match === null) continue;
    if (best === null || match.widened < best.match.widened) {
      best = { sig, match };
      tie = false;
    } else if (match.widened === best.match.widened) tie = true;
  }
  const candidates = signatures.map((s) => `${name}(${formatParams(s)})`).join(', ');
  const given = args.map(formatArg).join(', ');
  if (best === null) {
    throw new EngineError('TYPE_MISMATCH', `Function ${name} does not accept (${given}). Valid signatures: ${candidates}.`, span);
  }
  if (tie && best.match.widened > 0) {
    throw new EngineError('TYPE_MISMATCH', `Function ${name} is ambiguous for (${given}); add a CAST. Valid signatures: ${candidates}.`, span);
  }
  return build(best.sig, best.match);
}
