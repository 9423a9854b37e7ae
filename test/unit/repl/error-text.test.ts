// How the REPL shows errors (a caret under the problem; the file for scripts) and elapsed time.

import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/common/index.js';
import { formatElapsed } from '../../../src/repl/elapsed-time.js';
import { errorText } from '../../../src/repl/error-text.js';

const span = { start: { offset: 16, line: 2, column: 8 }, end: { offset: 19, line: 2, column: 11 } };
const text = 'SHOW STREAMS;\nSELECT tmp FROM s;';

describe('errorText', () => {
  it('points at the problem in typed input', () => {
    expect(errorText(new EngineError('UNKNOWN_COLUMN', 'Column TMP cannot be resolved.', span), text, null)).toBe(
      ['line 2:8: Column TMP cannot be resolved.', '  |', '2 | SELECT tmp FROM s;', '  |        ^^^'].join('\n'),
    );
  });

  it('names the file of a script', () => {
    expect(errorText(new EngineError('UNKNOWN_COLUMN', 'Column TMP cannot be resolved.', span), text, 'q.sql').split('\n')[0]).toBe(
      'q.sql:2:8: Column TMP cannot be resolved.',
    );
  });

  it('uses the statement as the place of a SQL error without one, and shows runtime errors plainly', () => {
    expect(errorText(new EngineError('SOURCE_EXISTS', 'A stream named S already exists.'), text, null, span).split('\n')[0]).toBe(
      'line 2:8: A stream named S already exists.',
    );
    expect(errorText(new EngineError('IO_ERROR', 'disk full'), text, null, span)).toBe('disk full');
    expect(errorText(new Error('boom'), text, null)).toBe('Internal error: boom');
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [5_999, '0:05'],
    [750_000, '12:30'],
    [3_723_000, '1:02:03'],
  ])('%d ms → %s', (ms, shown) => expect(formatElapsed(ms)).toBe(shown));
});
