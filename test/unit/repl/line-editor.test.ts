// The prompt's line editing: insert and delete at the cursor, word and line kills, history browsing with a draft.

import { describe, expect, it } from 'vitest';
import {
  deleteBackward,
  deleteForward,
  deleteWordBackward,
  editorText,
  emptyEditor,
  historyNext,
  historyPrevious,
  insertText,
  killToEnd,
  killToStart,
  moveCursor,
  newLine,
  replaceBeforeCursor,
  acceptSearch,
  cancelSearch,
  searchBackspace,
  searchOlder,
  searchType,
  type EditorState,
} from '../../../src/repl/line-editor.js';

const typed = (text: string): EditorState => insertText(emptyEditor, text);

describe('line editor', () => {
  it('inserts and deletes at the cursor', () => {
    let s = typed('SELCT');
    s = moveCursor(s, 'left');
    s = moveCursor(s, 'left');
    s = insertText(s, 'E');
    expect([s.text, s.cursor]).toEqual(['SELECT', 4]);
    s = deleteBackward(s);
    expect([s.text, s.cursor]).toEqual(['SELCT', 3]);
    s = deleteForward(s);
    expect([s.text, s.cursor]).toEqual(['SELT', 3]);
    expect(deleteBackward(moveCursor(s, 'home'))).toEqual(moveCursor(s, 'home'));
  });

  it('moves by word and kills words and line parts', () => {
    const s = typed('SELECT id FROM s');
    expect(moveCursor(s, 'wordLeft').cursor).toBe(15);
    expect(moveCursor(moveCursor(s, 'home'), 'wordRight').cursor).toBe(6);
    expect(deleteWordBackward(s).text).toBe('SELECT id FROM ');
    expect(deleteWordBackward(typed('SELECT id ')).text).toBe('SELECT ');
    const middle = moveCursor(moveCursor(s, 'home'), 'wordRight');
    expect(killToEnd(middle).text).toBe('SELECT');
    expect(killToStart(middle)).toMatchObject({ text: ' id FROM s', cursor: 0 });
  });

  it('keeps earlier lines of a multi-line statement', () => {
    const s = insertText(newLine(typed('SELECT *')), 'FROM s;');
    expect(s.lines).toEqual(['SELECT *']);
    expect(editorText(s)).toBe('SELECT *\nFROM s;');
  });

  it('replaces the word before the cursor (completion)', () => {
    const s = insertText(moveCursor(typed('SELECT * FR s'), 'wordLeft'), '');
    const at = moveCursor(s, 'left');
    expect(replaceBeforeCursor(at, 9, 'FROM')).toMatchObject({ text: 'SELECT * FROM s', cursor: 13 });
  });

  it('browses history and comes back to the draft', () => {
    const history = ['SHOW STREAMS;', 'SELECT *\nFROM s;'];
    let s = typed('draft');
    s = historyPrevious(s, history);
    expect(s).toMatchObject({ lines: ['SELECT *'], text: 'FROM s;', cursor: 7 });
    s = historyPrevious(s, history);
    expect(editorText(s)).toBe('SHOW STREAMS;');
    expect(historyPrevious(s, history)).toEqual(s);
    s = historyNext(s, history);
    expect(editorText(s)).toBe('SELECT *\nFROM s;');
    s = historyNext(s, history);
    expect(s).toMatchObject({ lines: [], text: 'draft', historyIndex: null });
    expect(historyNext(s, history)).toEqual(s);
  });

  it('stops browsing when an entry is edited', () => {
    const s = insertText(historyPrevious(emptyEditor, ['SHOW STREAMS']), ';');
    expect(s).toMatchObject({ text: 'SHOW STREAMS;', historyIndex: null, draft: null });
  });

  it('searches the history backwards, case-insensitively, and gives a multi-line entry back as its lines', () => {
    const history = ['SELECT 1;', 'CREATE STREAM s (v INT)\n  WITH (KAFKA_TOPIC=\'s\');', 'select v from s;'];
    let s = searchOlder(typed('draft'), history);
    expect(s.search).toEqual({ query: '', match: null, failed: false });
    // Ctrl-R before anything is typed has nothing to repeat.
    expect(searchOlder(s, history)).toEqual(s);
    s = searchType(s, history, 'SEL');
    expect(s.search).toEqual({ query: 'SEL', match: 2, failed: false });
    s = searchOlder(s, history);
    expect(s.search?.match).toBe(0);
    s = searchOlder(s, history);
    expect(s.search).toEqual({ query: 'SEL', match: 0, failed: true });
    expect(cancelSearch(s)).toMatchObject({ text: 'draft', search: null });
    s = searchBackspace(searchType(searchBackspace(searchBackspace(searchBackspace(s, history), history), history), history, 'kafka'), history);
    expect(s.search).toEqual({ query: 'kafk', match: 1, failed: false });
    expect(acceptSearch(s, history)).toMatchObject({ lines: ['CREATE STREAM s (v INT)'], text: "  WITH (KAFKA_TOPIC='s');", search: null });
    // Nothing found: the search ends with what was typed before it.
    expect(acceptSearch(searchType(searchOlder(typed('x'), []), [], 'y'), [])).toMatchObject({ text: 'x', search: null });
  });
});
