// functions: built-in scalar functions — signatures for the analyzer, implementations for exec.

export * from './scalar-function.js';
export * from './function-registry.js';
export * from './resolve-lambda-call.js';
export type { AggregateFunction, AggregateImplementation } from './aggregate-function.js';
export type { TableFunction } from './table-function.js';
