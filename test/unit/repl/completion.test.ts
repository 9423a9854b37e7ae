// Tab completion: keywords, sources, columns, functions, properties inside quotes, commands first.

import { describe, expect, it } from 'vitest';
import { complete, type Vocabulary } from '../../../src/repl/completion.js';

const vocabulary: Vocabulary = {
  keywords: ['SELECT', 'SET', 'SHOW', 'STREAM', 'STREAMS', 'FROM', 'EMIT', 'CHANGES'],
  sources: ['PAGEVIEWS', 'PAGES'],
  columns: ['PAGE_ID', 'USER_ID'],
  functions: ['SUBSTRING', 'UCASE'],
  properties: ['auto.offset.reset', 'max.poll.records'],
  commands: ['help', 'history', 'spool'],
};

describe('complete', () => {
  it('completes a single candidate with a space, keeping lower case', () => {
    expect(complete('sel', vocabulary, false)).toEqual({ from: 0, replacement: 'select ', candidates: ['SELECT'] });
    expect(complete('SELECT * FR', vocabulary, false)).toEqual({ from: 9, replacement: 'FROM ', candidates: ['FROM'] });
    expect(complete('SELECT user', vocabulary, false)?.replacement).toBe('user_id ');
  });

  it('completes a function with its opening parenthesis', () => {
    expect(complete('SELECT uc', vocabulary, false)?.replacement).toBe('ucase(');
  });

  it('narrows several candidates to their common prefix, or lists them', () => {
    expect(complete('SELECT * FROM pa', vocabulary, false)).toEqual({ from: 14, replacement: 'page', candidates: ['pages', 'pageviews', 'page_id'] });
    expect(complete('SHOW STREAM', vocabulary, false)).toEqual({ from: 5, replacement: 'STREAM', candidates: ['STREAM', 'STREAMS'] });
  });

  it('completes property names inside a string', () => {
    expect(complete("SET 'auto", vocabulary, false)).toEqual({ from: 5, replacement: "auto.offset.reset'", candidates: ['auto.offset.reset'] });
    expect(complete("SET '", vocabulary, false)?.candidates).toEqual(['auto.offset.reset', 'max.poll.records']);
  });

  it('offers REPL commands only as the first word', () => {
    expect(complete('hi', vocabulary, true)?.replacement).toBe('history ');
    expect(complete('SELECT hi', vocabulary, true)).toBeNull();
    expect(complete('hi', vocabulary, false)).toBeNull();
  });

  it('has nothing to say about an empty word or an unknown one', () => {
    expect(complete('SELECT ', vocabulary, false)).toBeNull();
    expect(complete('SELECT zz', vocabulary, false)).toBeNull();
  });
});
