// isCompleteInput: a statement is complete at a `;` outside quotes and comments.

import { describe, expect, it } from 'vitest';
import { isCompleteInput } from '../../../src/repl/index.js';

describe('isCompleteInput', () => {
  it.each([
    ['SHOW STREAMS;', true],
    ['SHOW STREAMS;   ', true],
    ['SHOW STREAMS', false],
    ['SELECT 1;\nSELECT 2', false],
    ['SELECT 1; SELECT 2;', true],
    ["SELECT * FROM s WHERE v = ';'", false],
    ["SELECT * FROM s WHERE v = ';';", true],
    ["SELECT * FROM s WHERE v = 'it''s;'", false],
    ['SELECT "a;b" FROM s', false],
    ['SELECT `a;b` FROM s;', true],
    ['SHOW STREAMS; -- done', true],
    ['SHOW STREAMS -- ;', false],
    ['SHOW STREAMS /* ; */', false],
    ['SHOW STREAMS; /* open', false],
    ["SELECT 'open;", false],
    ['', false],
  ])('%j → %s', (text, complete) => {
    expect(isCompleteInput(text)).toBe(complete);
  });
});
