// StatementResult: what executing one statement gives back to the CLI, the REPL or a test.

import type { Change, Column } from '../common/index.js';

export type StatementResult =
  /** A confirmation: "Stream READINGS created." */
  | { readonly kind: 'message'; readonly text: string }
  /** SHOW / DESCRIBE output: a header and rows of display text. */
  | { readonly kind: 'table'; readonly title: string | null; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  /** EXPLAIN output. */
  | { readonly kind: 'text'; readonly text: string }
  /** A push or pull query, whose rows arrive as they are produced. */
  | { readonly kind: 'query'; readonly query: TransientQuery };

export interface TransientQuery {
  readonly id: string;
  readonly mode: 'push' | 'pull';
  readonly columns: readonly Column[];
  readonly limit: number | null;
  /** Where a push query starts reading its input (pull queries always read everything there is). */
  readonly startsFrom: 'earliest' | 'latest';
  /** Counters so far: records read and records skipped as errors (late-dropped ones once windows exist). */
  stats(): { readonly recordsIn: number; readonly errors: number; readonly lateDropped: number };
  /**
   * Delivers result changes until the LIMIT is reached or `signal` aborts; a pull query also stops
   * at the end of the data present when it started. `untilCaughtUp` makes a push query stop there
   * too (tests and drained runs).
   */
  run(onChange: (change: Change) => void, options?: { signal?: AbortSignal; untilCaughtUp?: boolean }): Promise<void>;
}
