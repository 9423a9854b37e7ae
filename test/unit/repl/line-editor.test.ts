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
});
