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
  | { readonly kind: 'query'; readonly query: TransientQuery }
  /** PRINT: a topic's records as text lines, as they arrive. */
  | { readonly kind: 'print'; readonly print: TopicPrint };

/** Why a PRINT ended. */
export type PrintEnd = 'limit' | 'cancelled' | 'caught-up';

export interface TopicPrint {
  readonly topic: string;
  readonly fromBeginning: boolean;
  readonly limit: number | null;
  /**
   * Delivers the topic's records as text lines — the guessed key and value formats before the
   * first record, then a line per record — until the LIMIT is reached or `signal` aborts;
   * `untilCaughtUp` stops at the end of the records there are now (tests, RUN SCRIPT). Resolves
   * to the number of records shown and why it ended.
   */
  run(onLines: (lines: readonly string[]) => void, options?: { signal?: AbortSignal; untilCaughtUp?: boolean }): Promise<{ shown: number; end: PrintEnd }>;
}

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
