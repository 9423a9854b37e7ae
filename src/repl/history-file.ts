// HistoryFile: the statements typed in the REPL, kept in ~/.eddy_history (or $EDDY_HISTORY_FILE) across sessions.

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** How many entries are kept (older ones are dropped when the file is rewritten on start). */
export const HISTORY_LIMIT = 1000;

/** `$EDDY_HISTORY_FILE` when set, otherwise `~/.eddy_history`. */
export function historyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.EDDY_HISTORY_FILE;
  return override !== undefined && override !== '' ? override : join(homedir(), '.eddy_history');
}

/**
 * One entry per line; an entry's line breaks are written as `\n` and backslashes as `\\`, so a
 * multi-line statement comes back as it was typed. A file that cannot be read or written only
 * loses the history, never the session.
 */
export class HistoryFile {
  private readonly list: string[];

  constructor(private readonly path: string | null) {
    const all = path === null ? [] : load(path);
    this.list = all.slice(-HISTORY_LIMIT);
    if (path !== null && all.length > HISTORY_LIMIT) rewrite(path, this.list);
  }

  get entries(): readonly string[] {
    return this.list;
  }

  /** Adds an entry (not a blank one, nor a repeat of the previous one) and appends it to the file. */
  add(entry: string): void {
    const text = entry.trim();
    if (text === '' || this.list[this.list.length - 1] === text) return;
    this.list.push(text);
    if (this.list.length > HISTORY_LIMIT) this.list.shift();
    if (this.path === null) return;
    try {
      appendFileSync(this.path, `${encode(text)}\n`, { mode: 0o600 });
    } catch {
      // History is a convenience: a read-only home directory must not break the REPL.
    }
  }
}

function load(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(decode);
}

function rewrite(path: string, entries: readonly string[]): void {
  try {
    writeFileSync(path, entries.map((e) => `${encode(e)}\n`).join(''), { mode: 0o600 });
  } catch {
    // See add().
  }
}

export function encode(entry: string): string {
  return entry.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

export function decode(line: string): string {
  return line.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}
