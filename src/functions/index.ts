// functions: built-in scalar functions — signatures for the analyzer, implementations for exec.

export * from './scalar-function.js';
export * from './function-registry.js';
export type { AggregateFunction, AggregateImplementation } from './aggregate-function.js';
export type { TableFunction } from './table-function.js';
export { findAggregate, listAggregates, resolveAggregate, type ResolvedAggregate } from './aggregate-registry.js';
