// `--@directive` comment lines: kept on the statement that follows them, for the test runner.

import { describe, expect, it } from 'vitest';
import { parse, parseDirectives } from '../../../src/sql/index.js';

describe('directives', () => {
  it('attaches --@ lines to the next statement and leaves ordinary comments alone', () => {
    const text = [
      '--@test: first case',
      '-- an ordinary comment',
      'SHOW STREAMS;',
      '--@expected.error: UNKNOWN_SOURCE',
      '--@expected.message: does not exist',
      'DESCRIBE nope;',
      'SHOW TOPICS;',
      '--@trailing',
    ].join('\n');
    const statements = parse(text);
    expect(statements.map((s) => s.directives ?? [])).toEqual([
      [{ name: 'test', value: 'first case', line: 1 }],
      [
        { name: 'expected.error', value: 'UNKNOWN_SOURCE', line: 4 },
        { name: 'expected.message', value: 'does not exist', line: 5 },
      ],
      [],
    ]);
    expect(parseDirectives(text).map((d) => d.name)).toEqual(['test', 'expected.error', 'expected.message', 'trailing']);
  });
});
