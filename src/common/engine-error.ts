// EngineError: every error a user can see, with a stable code and, for SQL, its source span.

import { formatSourceExcerpt, type SourceSpan } from './source-span.js';

export type ErrorCode =
  | 'SYNTAX_ERROR'
  | 'UNKNOWN_SOURCE'
  | 'UNKNOWN_COLUMN'
  | 'AMBIGUOUS_COLUMN'
  | 'UNKNOWN_FUNCTION'
  | 'UNKNOWN_QUERY'
  | 'UNKNOWN_TOPIC'
  | 'TYPE_MISMATCH'
  | 'INVALID_PROPERTY'
  | 'INVALID_STATEMENT'
  | 'SOURCE_EXISTS'
  | 'SOURCE_IN_USE'
  | 'TOPIC_MISMATCH'
  | 'NOT_SUPPORTED'
  | 'SERIALIZATION_ERROR'
  | 'EVALUATION_ERROR'
  | 'CONFLICT'
  | 'IO_ERROR'
  | 'INTERNAL';

/** SQL errors (bad statement) exit with 2; everything else is a runtime failure (exit 1). */
export const SQL_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SYNTAX_ERROR',
  'UNKNOWN_SOURCE',
  'UNKNOWN_COLUMN',
  'AMBIGUOUS_COLUMN',
  'UNKNOWN_FUNCTION',
  'UNKNOWN_QUERY',
  'TYPE_MISMATCH',
  'INVALID_PROPERTY',
  'INVALID_STATEMENT',
  'SOURCE_EXISTS',
  'SOURCE_IN_USE',
  'NOT_SUPPORTED',
]);

export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly span: SourceSpan | undefined;

  constructor(code: ErrorCode, message: string, span?: SourceSpan) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.span = span;
  }

  get isSqlError(): boolean {
    return SQL_ERROR_CODES.has(this.code);
  }

  /** `file:line:col: message` followed by the line and a caret, when the error has a span. */
  render(text?: string, file?: string): string {
    if (this.span === undefined || text === undefined) return `${this.code}: ${this.message}`;
    const excerpt = formatSourceExcerpt(text, this.span, file);
    const [location = '', ...rest] = excerpt.split('\n');
    return [`${location}: ${this.message}`, ...rest].join('\n');
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}

/** Moves a span found in a statement's own text to where that statement sits in a larger file. */
export function shiftSpan(span: SourceSpan, by: { offset: number; line: number; column: number }): SourceSpan {
  const move = (p: SourceSpan['start']) => ({
    offset: p.offset + by.offset,
    line: p.line + by.line - 1,
    column: p.line === 1 ? p.column + by.column - 1 : p.column,
  });
  return { start: move(span.start), end: move(span.end) };
}
