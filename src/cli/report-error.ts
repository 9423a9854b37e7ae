// reportError: prints an error as `file:line:col: message` with the line and a caret; picks the exit code.

import { EngineError, type SourceSpan } from '../common/index.js';

export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_SQL = 2;

/** Writes the error to stderr and returns the exit code it deserves (2 for SQL errors, 1 otherwise). */
export function reportError(error: unknown, text: string, file: string, fallbackSpan?: SourceSpan): number {
  if (error instanceof EngineError) {
    const located = error.span === undefined && fallbackSpan !== undefined ? new EngineError(error.code, error.message, fallbackSpan) : error;
    process.stderr.write(`${located.render(text, file)}\n`);
    return error.isSqlError ? EXIT_SQL : EXIT_RUNTIME;
  }
  process.stderr.write(`${file}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_RUNTIME;
}
