// renderTestError: an error met while running a test, as `file:line:col: message` with the line and a caret.

import { EngineError, type SourceSpan } from '../common/index.js';

export function renderTestError(e: unknown, text: string, file: string, fallback?: SourceSpan): string {
  if (e instanceof EngineError) {
    const located = e.span === undefined && fallback !== undefined ? new EngineError(e.code, e.message, fallback) : e;
    return located.span === undefined ? `${file}: ${e.message}` : located.render(text, file);
  }
  return `${file}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}
