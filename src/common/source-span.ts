// SourceSpan: where a piece of SQL text came from, for located errors.

export interface SourcePosition {
  /** 0-based character offset. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface SourceSpan {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** Renders `file:line:col`, the offending line and a caret under the span's start. */
export function formatSourceExcerpt(text: string, span: SourceSpan, file = '<input>'): string {
  const lines = text.split(/\r?\n/);
  const line = lines[span.start.line - 1] ?? '';
  const width = span.start.line === span.end.line ? Math.max(1, span.end.column - span.start.column) : 1;
  const gutter = String(span.start.line);
  const pad = ' '.repeat(gutter.length);
  return [
    `${file}:${span.start.line}:${span.start.column}`,
    `${pad} |`,
    `${gutter} | ${line}`,
    `${pad} | ${' '.repeat(Math.max(0, span.start.column - 1))}${'^'.repeat(Math.min(width, Math.max(1, line.length - span.start.column + 1)))}`,
  ].join('\n');
}
