// LineEditor: the prompt's editing state — earlier lines of a multi-line statement, the current line, the cursor, history browsing.

export interface EditorState {
  /** Lines already entered for a statement that is not complete yet (shown with the continuation prompt). */
  readonly lines: readonly string[];
  /** The line being edited. */
  readonly text: string;
  readonly cursor: number;
  /** Position in the history while browsing with up/down (null when not browsing). */
  readonly historyIndex: number | null;
  /** What was being typed before browsing started, restored when browsing past the newest entry. */
  readonly draft: { readonly lines: readonly string[]; readonly text: string } | null;
  /** Ctrl-R's reverse incremental search through the history (null when not searching). */
  readonly search: HistorySearch | null;
}

/** A reverse history search: what is typed, the entry it found (newest first), and whether the last step found none. */
export interface HistorySearch {
  readonly query: string;
  /** Index in the history of the entry shown (null: nothing found yet). */
  readonly match: number | null;
  readonly failed: boolean;
}

export const emptyEditor: EditorState = { lines: [], text: '', cursor: 0, historyIndex: null, draft: null, search: null };

/** The whole input typed so far: earlier lines and the current one. */
export function editorText(state: EditorState): string {
  return [...state.lines, state.text].join('\n');
}

export function isEditorEmpty(state: EditorState): boolean {
  return state.lines.length === 0 && state.text === '';
}

function edited(state: EditorState, text: string, cursor: number): EditorState {
  return { ...state, text, cursor, historyIndex: null, draft: null, search: null };
}

export function insertText(state: EditorState, input: string): EditorState {
  const clean = input.replace(/[\r\n\t]/g, ' ');
  return edited(state, state.text.slice(0, state.cursor) + clean + state.text.slice(state.cursor), state.cursor + clean.length);
}

export function deleteBackward(state: EditorState): EditorState {
  if (state.cursor === 0) return state;
  return edited(state, state.text.slice(0, state.cursor - 1) + state.text.slice(state.cursor), state.cursor - 1);
}

export function deleteForward(state: EditorState): EditorState {
  if (state.cursor >= state.text.length) return state;
  return edited(state, state.text.slice(0, state.cursor) + state.text.slice(state.cursor + 1), state.cursor);
}

/** Ctrl-W: deletes the word before the cursor (and the spaces after it). */
export function deleteWordBackward(state: EditorState): EditorState {
  const before = state.text.slice(0, state.cursor);
  const kept = before.replace(/\S*\s*$/, '');
  return edited(state, kept + state.text.slice(state.cursor), kept.length);
}

export function killToEnd(state: EditorState): EditorState {
  return edited(state, state.text.slice(0, state.cursor), state.cursor);
}

export function killToStart(state: EditorState): EditorState {
  return edited(state, state.text.slice(state.cursor), 0);
}

export function moveCursor(state: EditorState, to: 'left' | 'right' | 'home' | 'end' | 'wordLeft' | 'wordRight'): EditorState {
  const { text, cursor } = state;
  const position = ((): number => {
    switch (to) {
      case 'left':
        return Math.max(0, cursor - 1);
      case 'right':
        return Math.min(text.length, cursor + 1);
      case 'home':
        return 0;
      case 'end':
        return text.length;
      case 'wordLeft':
        return text.slice(0, cursor).replace(/\w*\W*$/, '').length;
      case 'wordRight': {
        const m = /^\W*\w*/.exec(text.slice(cursor));
        return cursor + (m?.[0].length ?? 0);
      }
    }
  })();
  return { ...state, cursor: position };
}

/** Enter on an incomplete statement: the current line joins the earlier ones. */
export function newLine(state: EditorState): EditorState {
  return { ...emptyEditor, lines: [...state.lines, state.text] };
}

/** Replaces the text between `from` and the cursor (tab completion). */
export function replaceBeforeCursor(state: EditorState, from: number, replacement: string): EditorState {
  return edited(state, state.text.slice(0, from) + replacement + state.text.slice(state.cursor), from + replacement.length);
}

/** Up arrow: the previous history entry (a multi-line entry comes back as its lines). */
export function historyPrevious(state: EditorState, history: readonly string[]): EditorState {
  if (history.length === 0) return state;
  const index = state.historyIndex === null ? history.length - 1 : state.historyIndex - 1;
  if (index < 0) return state;
  const draft = state.draft ?? { lines: state.lines, text: state.text };
  return { ...recall(history[index] ?? ''), historyIndex: index, draft, search: null };
}

/** Down arrow: the next history entry, or back to what was being typed. */
export function historyNext(state: EditorState, history: readonly string[]): EditorState {
  if (state.historyIndex === null) return state;
  const index = state.historyIndex + 1;
  if (index >= history.length) {
    const draft = state.draft ?? { lines: [], text: '' };
    return { lines: draft.lines, text: draft.text, cursor: draft.text.length, historyIndex: null, draft: null, search: null };
  }
  return { ...recall(history[index] ?? ''), historyIndex: index, draft: state.draft, search: null };
}

function recall(entry: string): Pick<EditorState, 'lines' | 'text' | 'cursor'> {
  const lines = entry.split('\n');
  const text = lines.pop() ?? '';
  return { lines, text, cursor: text.length };
}

/** The newest history entry at or before `from` containing `query` (case-insensitively), or null. */
function findOlder(history: readonly string[], query: string, from: number): number | null {
  const wanted = query.toLowerCase();
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if ((history[i] ?? '').toLowerCase().includes(wanted)) return i;
  return null;
}

/** Ctrl-R: starts a reverse search; again while searching, the next older entry with the same text. */
export function searchOlder(state: EditorState, history: readonly string[]): EditorState {
  const search = state.search;
  if (search === null) return { ...state, search: { query: '', match: null, failed: false } };
  if (search.query === '') return state;
  const match = findOlder(history, search.query, (search.match ?? history.length) - 1);
  return { ...state, search: match === null ? { ...search, failed: true } : { ...search, match, failed: false } };
}

/** A key typed while searching: the search text grows and the newest entry containing it (from the one shown) is found. */
export function searchType(state: EditorState, history: readonly string[], input: string): EditorState {
  const search = state.search;
  if (search === null) return state;
  const query = search.query + input.replace(/[\r\n\t]/g, ' ');
  const match = findOlder(history, query, search.match ?? history.length - 1);
  return { ...state, search: { query, match: match ?? search.match, failed: match === null } };
}

/** Backspace while searching: the search text shrinks and is looked for again from the newest entry. */
export function searchBackspace(state: EditorState, history: readonly string[]): EditorState {
  const search = state.search;
  if (search === null) return state;
  const query = search.query.slice(0, -1);
  const match = query === '' ? null : findOlder(history, query, history.length - 1);
  return { ...state, search: { query, match, failed: query !== '' && match === null } };
}

/** Leaves the search with the entry found in the editor (or what was typed before, when none was found). */
export function acceptSearch(state: EditorState, history: readonly string[]): EditorState {
  const match = state.search?.match ?? null;
  if (match === null) return { ...state, search: null };
  return { ...recall(history[match] ?? ''), historyIndex: null, draft: null, search: null };
}

/** Esc or Ctrl-G: leaves the search, keeping what was typed before it. */
export function cancelSearch(state: EditorState): EditorState {
  return { ...state, search: null };
}
