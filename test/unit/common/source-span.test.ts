// Unit tests for source excerpts: file:line:col, the offending line and a caret under the span.

import { describe, expect, it } from 'vitest';
import { EngineError, formatSourceExcerpt, shiftSpan, type SourceSpan } from '../../../src/common/index.js';

function span(offset: number, line: number, column: number, length: number): SourceSpan {
  return { start: { offset, line, column }, end: { offset: offset + length, line, column: column + length } };
}

describe('formatSourceExcerpt', () => {
  it('underlines the span on its line', () => {
    const text = 'SELECT *\nFROM shipments\nWHERE x = 1';
    expect(formatSourceExcerpt(text, span(14, 2, 6, 9), 'q.sql')).toBe(
      ['q.sql:2:6', '  |', '2 | FROM shipments', '  |      ^^^^^^^^^'].join('\n'),
    );
  });

  it('uses <input> when no file is given and a single caret for an empty span', () => {
    expect(formatSourceExcerpt('SELECT', span(0, 1, 1, 0))).toBe(['<input>:1:1', '  |', '1 | SELECT', '  | ^'].join('\n'));
  });

  it('puts one caret at the start of a span that covers several lines', () => {
    const s: SourceSpan = { start: { offset: 7, line: 1, column: 8 }, end: { offset: 20, line: 2, column: 4 } };
    expect(formatSourceExcerpt('SELECT a +\nb FROM s', s).split('\n')[3]).toBe('  |        ^');
  });

  it('never runs the carets past the end of the line', () => {
    expect(formatSourceExcerpt('abc', span(1, 1, 2, 10)).split('\n')[3]).toBe('  |  ^^');
  });

  it('widens the gutter for multi-digit line numbers and reads CRLF text', () => {
    const text = `${'x\r\n'.repeat(11)}bad line`;
    expect(formatSourceExcerpt(text, span(33, 12, 5, 4), 'f.sql')).toBe(['f.sql:12:5', '   |', '12 | bad line', '   |     ^^^^'].join('\n'));
  });
});

describe('EngineError.render and shiftSpan', () => {
  it('puts the message after the location', () => {
    const e = new EngineError('UNKNOWN_COLUMN', 'Column Y cannot be resolved.', span(7, 1, 8, 1));
    expect(e.render('SELECT Y FROM s', 'a.sql')).toBe(['a.sql:1:8: Column Y cannot be resolved.', '  |', '1 | SELECT Y FROM s', '  |        ^'].join('\n'));
    expect(e.render()).toBe('UNKNOWN_COLUMN: Column Y cannot be resolved.');
    expect(e.isSqlError).toBe(true);
    expect(new EngineError('IO_ERROR', 'disk').isSqlError).toBe(false);
  });

  it('moves a statement-relative span to its place in a file', () => {
    const moved = shiftSpan(span(7, 1, 8, 1), { offset: 100, line: 5, column: 3 });
    expect(moved).toEqual({ start: { offset: 107, line: 5, column: 10 }, end: { offset: 108, line: 5, column: 11 } });
    const second = shiftSpan(span(12, 2, 4, 1), { offset: 100, line: 5, column: 3 });
    expect(second.start).toEqual({ offset: 112, line: 6, column: 4 });
  });
});
