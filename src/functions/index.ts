// functions: built-in scalar, aggregate and table functions — signatures for the analyzer, implementations for exec.

export * from './scalar-function.js';
export * from './function-registry.js';
export * from './function-catalog.js';
export { commonType, isLambdaArg, matchSignature, formatParams, type CallArg, type LambdaArg, type SignatureMatch } from './signature-matching.js';
export type { AggregateFunction, AggregateImplementation } from './aggregate-function.js';
export type { TableFunction } from './table-function.js';
export { moreAggregates } from './aggregates/more-aggregates.js';
export { tableFunctions, findTableFunction } from './table-functions.js';
export { compareValues, valuesEqual } from './value-order.js';
export { findAggregate, listAggregates, resolveAggregate, type ResolvedAggregate } from './aggregate-registry.js';
export { joda } from './joda.js';
