// errorText: an error as the REPL shows it — the message, then the statement's line with a caret under the problem.

import { EngineError, formatSourceExcerpt, type SourceSpan } from '../common/index.js';

/** An error as the REPL shows it: the message, then the statement's line with a caret under the problem. */
export function errorText(error: unknown, text: string, file: string | null, fallbackSpan?: SourceSpan): string {
  if (!(error instanceof EngineError)) return `Internal error: ${error instanceof Error ? error.message : String(error)}`;
  const span = error.span ?? (error.isSqlError ? fallbackSpan : undefined);
  if (span === undefined) return error.message;
  const [location = '', ...excerpt] = formatSourceExcerpt(text, span, file ?? 'line').split('\n');
  const where = file === null ? location.replace(/^line:/, 'line ') : location;
  return [`${where}: ${error.message}`, ...excerpt].join('\n');
}
