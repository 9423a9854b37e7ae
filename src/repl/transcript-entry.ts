// TranscriptEntry: one finished piece of the session's output (an echoed statement, a result, an error), and its plain text.

import { renderBoxedTable } from './column-layout.js';

export type TranscriptEntry = { readonly id: number } & (
  | { readonly kind: 'banner'; readonly lines: readonly string[] }
  /** What was typed (or read from a script), echoed with its prompts. */
  | { readonly kind: 'input'; readonly text: string }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'table'; readonly title: string | null; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  /** The last frame of a query: its rows, how many were not shown, and why it ended. */
  | { readonly kind: 'queryResult'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly hidden: number; readonly summary: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'notice'; readonly level: 'info' | 'warn'; readonly text: string }
);

/** Distributes `Omit` over the union (so each kind keeps its own fields). */
export type NewEntry = TranscriptEntry extends infer E ? (E extends TranscriptEntry ? Omit<E, 'id'> : never) : never;

export const PROMPT = 'eddy> ';
export const CONTINUATION_PROMPT = '    > ';

/** The lines of an echoed input, each with its prompt. */
export function promptedLines(text: string): string[] {
  return text.split('\n').map((line, i) => `${i === 0 ? PROMPT : CONTINUATION_PROMPT}${line}`);
}

/** The line under a table that does not show every row of the result. */
export function hiddenRowsNote(hidden: number): string {
  return `… ${hidden} more row${hidden === 1 ? '' : 's'} not shown`;
}

/** The entry as plain text (what `spool` writes), tables as wide as they need. */
export function entryText(entry: TranscriptEntry): string {
  switch (entry.kind) {
    case 'banner':
      return entry.lines.join('\n');
    case 'input':
      return promptedLines(entry.text).join('\n');
    case 'message':
    case 'text':
    case 'error':
      return entry.text;
    case 'notice':
      return entry.level === 'warn' ? `warning: ${entry.text}` : entry.text;
    case 'table': {
      const table = renderBoxedTable(entry.columns, entry.rows, Infinity).join('\n');
      const body = entry.rows.length === 0 ? `${table}\n(none)` : table;
      return entry.title === null ? body : `${entry.title}\n${body}`;
    }
    case 'queryResult': {
      const lines = renderBoxedTable(entry.columns, entry.rows, Infinity);
      if (entry.hidden > 0) lines.push(hiddenRowsNote(entry.hidden));
      return [...lines, entry.summary].join('\n');
    }
  }
}
