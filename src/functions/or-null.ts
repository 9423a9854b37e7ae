// NULL on failure: a function call whose input is malformed yields NULL for the row, as ksqlDB's do.

import type { Invoke } from './scalar-function.js';

/** The value of `f()`, or null when it throws (bad text, unknown pattern, zone, unit or encoding). */
export function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** `f` made to return NULL instead of throwing. */
export const orNull =
  (f: Invoke): Invoke =>
  (args) =>
    attempt(() => f(args));
