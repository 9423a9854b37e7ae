// AggregateFunction: the contract of an aggregate (COUNT, SUM, …) — signatures plus a stateful implementation.

import type { SqlType, Value } from '../common/index.js';
import type { Signature } from './scalar-function.js';

/**
 * One aggregation's arithmetic over a serializable state `S`. The aggregation operator keeps the
 * state per group (and window) in SQLite, so `serialize`/`deserialize` must round-trip exactly.
 * Laws (tested): `undo(add(s, x), x)` equals `s`; `merge` is associative, with `initial()` as identity.
 */
export interface AggregateImplementation<S = unknown> {
  initial(): S;
  /** Folds one row's argument values in (NULL handling is the function's: COUNT(col) skips NULLs). */
  add(state: S, args: readonly Value[]): S;
  /** Takes a row back out, for table sources that retract the old row; absent when impossible (MIN/MAX). */
  readonly undo?: (state: S, args: readonly Value[]) => S;
  /** Combines two states, for session windows that merge. */
  readonly merge?: (a: S, b: S) => S;
  result(state: S): Value;
  serialize(state: S): unknown;
  deserialize(json: unknown): S;
  /**
   * The state whose `result` is `result`, present only when the result determines the state exactly
   * (COUNT; SUM, MIN and MAX of INT and BIGINT): such a GROUP BY may keep its state as the rows of
   * the table it materializes. NULL stands for a group the function has seen no value of.
   */
  readonly fromResult?: (result: Value) => S;
}

export interface AggregateFunction {
  readonly name: string;
  readonly description: string;
  /** Argument signatures; `returns` gives the result type. Literal parameters (TOPK's k) are arguments too. */
  readonly signatures: readonly Signature[];
  /** An implementation for these argument types; `literals` holds the values of literal arguments (or null). */
  create(argTypes: readonly SqlType[], literals: readonly (Value | undefined)[]): AggregateImplementation;
  /** Approximate results (COUNT_DISTINCT): documented in DESCRIBE FUNCTION. */
  readonly approximate?: boolean;
}
