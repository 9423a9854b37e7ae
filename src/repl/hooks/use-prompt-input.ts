// usePromptInput: the keyboard — line editing, history (Ctrl-R searches it), tab completion, Enter to submit, Ctrl-C / Ctrl-D.

import { useInput, type Key } from 'ink';
import { useRef, useState } from 'react';
import { complete } from '../completion.js';
import { isCompleteInput } from '../input-completeness.js';
import {
  acceptSearch,
  cancelSearch,
  deleteBackward,
  deleteForward,
  deleteWordBackward,
  editorText,
  emptyEditor,
  historyNext,
  historyPrevious,
  insertText,
  isEditorEmpty,
  killToEnd,
  killToStart,
  moveCursor,
  newLine,
  replaceBeforeCursor,
  searchBackspace,
  searchOlder,
  searchType,
  type EditorState,
} from '../line-editor.js';
import { isReplCommand } from '../repl-command.js';
import type { ReplController, ReplState } from '../repl-controller.js';

export interface PromptInput {
  readonly editor: EditorState;
  /** Completion candidates to show under the prompt (after a Tab that could not decide). */
  readonly candidates: readonly string[];
  /** The history entry a Ctrl-R search found (null: none, or not searching). */
  readonly found: string | null;
}

export function usePromptInput(controller: ReplController, state: ReplState): PromptInput {
  const editor = useRef<EditorState>(emptyEditor);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const [, setVersion] = useState(0);

  const update = (next: EditorState, shown: readonly string[] = []) => {
    editor.current = next;
    setCandidates(shown);
    setVersion((v) => v + 1);
  };

  const enter = () => {
    const current = editor.current;
    const text = editorText(current);
    if (text.trim() === '') {
      update(emptyEditor);
      return;
    }
    if ((current.lines.length === 0 && isReplCommand(text)) || isCompleteInput(text)) {
      update(emptyEditor);
      controller.submit(text);
    } else {
      update(newLine(current));
    }
  };

  const tab = () => {
    const current = editor.current;
    const before = current.text.slice(0, current.cursor);
    const completion = complete(before, controller.vocabulary(), current.lines.length === 0);
    if (completion === null) return;
    const next = replaceBeforeCursor(current, completion.from, completion.replacement);
    const progressed = next.text !== current.text;
    update(next, progressed || completion.candidates.length < 2 ? [] : completion.candidates);
  };

  /** A key during a Ctrl-R search: true when it was the search's; other keys end the search (keeping what it found) and then act as usual. */
  const onSearchKey = (input: string, key: Key): boolean => {
    const current = editor.current;
    const history = controller.history;
    const printable = !key.ctrl && !key.meta && !key.tab && !key.return && !key.escape && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && input !== '';
    if (key.ctrl && input === 'r') update(searchOlder(current, history));
    else if (key.escape || (key.ctrl && (input === 'g' || input === 'c'))) update(cancelSearch(current));
    else if (key.backspace || key.delete) update(searchBackspace(current, history));
    else if (printable) update(searchType(current, history, input));
    else {
      update(acceptSearch(current, history));
      return false;
    }
    return true;
  };

  const onKey = (input: string, key: Key) => {
    if (state.running !== null || state.busy) {
      if (key.ctrl && input === 'c') controller.cancel();
      return;
    }
    if (editor.current.search !== null && onSearchKey(input, key)) return;
    const current = editor.current;
    if (key.ctrl && input === 'c') {
      if (isEditorEmpty(current)) controller.exit();
      else update(emptyEditor);
      return;
    }
    if (key.ctrl && input === 'd') {
      if (isEditorEmpty(current)) controller.exit();
      else update(deleteForward(current));
      return;
    }
    if (key.return) return enter();
    if (key.tab) return tab();
    if (key.upArrow || (key.ctrl && input === 'p')) return update(historyPrevious(current, controller.history));
    if (key.downArrow || (key.ctrl && input === 'n')) return update(historyNext(current, controller.history));
    if (key.leftArrow) return update(moveCursor(current, key.ctrl || key.meta ? 'wordLeft' : 'left'));
    if (key.rightArrow) return update(moveCursor(current, key.ctrl || key.meta ? 'wordRight' : 'right'));
    if (key.home) return update(moveCursor(current, 'home'));
    if (key.end) return update(moveCursor(current, 'end'));
    // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
    if (key.backspace || key.delete) return update(deleteBackward(current));
    if (key.ctrl) {
      switch (input) {
        case 'a':
          return update(moveCursor(current, 'home'));
        case 'e':
          return update(moveCursor(current, 'end'));
        case 'b':
          return update(moveCursor(current, 'left'));
        case 'f':
          return update(moveCursor(current, 'right'));
        case 'k':
          return update(killToEnd(current));
        case 'u':
          return update(killToStart(current));
        case 'w':
          return update(deleteWordBackward(current));
        case 'l':
          return controller.clear();
        case 'r':
          return update(searchOlder(current, controller.history));
        default:
          return;
      }
    }
    if (key.meta && (input === 'b' || input === 'f')) return update(moveCursor(current, input === 'b' ? 'wordLeft' : 'wordRight'));
    if (key.escape || input === '') return;
    typeText(input);
  };

  /** Typed or pasted text (a fast typist's keys can arrive together): line breaks act as Enter, tabs as Tab. */
  const typeText = (input: string) => {
    for (const part of input.split(/(\r\n|\r|\n|\t)/)) {
      if (part === '\t') tab();
      else if (part === '\r\n' || part === '\r' || part === '\n') enter();
      else if (part !== '') update(insertText(editor.current, part));
    }
  };

  useInput(onKey);
  const match = editor.current.search?.match ?? null;
  return { editor: editor.current, candidates, found: match === null ? null : (controller.history[match] ?? null) };
}
