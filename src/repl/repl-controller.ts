// ReplController: a REPL session without the screen — runs what is typed, keeps the transcript, the running query, output mode and spool.

import { appendFileSync, readFileSync } from 'node:fs';
import { PRINT_LATEST_HINT, printSummary, PROPERTY_SPECS, type Engine, type PrintEnd, type StatementResult, type TopicPrint, type TransientQuery } from '../engine/index.js';
import type { ParsedStatement } from '../sql/index.js';
import type { Vocabulary } from './completion.js';
import { formatElapsed } from './elapsed-time.js';
import { errorText } from './error-text.js';
import { HELP_TEXT } from './help-text.js';
import type { HistoryFile } from './history-file.js';
import { SQL_KEYWORDS } from './keywords.js';
import { LiveResult } from './live-result.js';
import type { NoticeLevel } from './notices.js';
import { parseReplCommand, REPL_COMMAND_WORDS, type OutputMode, type ReplCommand } from './repl-command.js';
import { entryText, type NewEntry, type TranscriptEntry } from './transcript-entry.js';
import { rowJson } from './value-json.js';

/** The part of the engine the REPL uses. */
export type ReplEngine = Pick<Engine, 'parse' | 'execute' | 'catalog' | 'functionNames'>;

/** A push or pull query on screen now. */
export interface RunningQuery {
  readonly query: TransientQuery;
  readonly result: LiveResult;
  readonly startedAt: number;
  readonly abort: AbortController;
}

/** A PRINT running now: its records go to the transcript as they arrive. */
export interface RunningPrint {
  readonly print: TopicPrint;
  readonly startedAt: number;
  readonly abort: AbortController;
}

export interface ReplState {
  readonly entries: readonly TranscriptEntry[];
  readonly running: RunningQuery | null;
  readonly printing: RunningPrint | null;
  /** Statements are executing (the prompt is hidden). */
  readonly busy: boolean;
  readonly mode: OutputMode;
  readonly spool: string | null;
  /** Counts `clear` commands: the screen clears each time it changes. */
  readonly clears: number;
  readonly exitRequested: boolean;
}

export interface ReplControllerOptions {
  readonly engine: ReplEngine;
  readonly history: HistoryFile;
  readonly banner: readonly string[];
  readonly now?: () => number;
  /** Rows a finished push query leaves on screen (its last frame). */
  readonly frameRows?: () => number;
}

interface Work {
  readonly statement: ParsedStatement;
  /** The text the statement's spans point into, and where it came from (null: typed at the prompt). */
  readonly text: string;
  readonly file: string | null;
}

/** Pull query results and stopped push queries keep at most this many rows. */
const KEPT_ROWS = 1000;

export class ReplController {
  private state: ReplState;
  private readonly listeners = new Set<() => void>();
  private readonly queue: Work[] = [];
  private pumping = false;
  private nextId = 0;
  private readonly now: () => number;

  constructor(private readonly options: ReplControllerOptions) {
    this.now = options.now ?? Date.now;
    this.state = { entries: [], running: null, printing: null, busy: false, mode: 'table', spool: null, clears: 0, exitRequested: false };
    this.add({ kind: 'banner', lines: options.banner });
  }

  // --- for React (useSyncExternalStore) ---

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ReplState => this.state;

  get history(): readonly string[] {
    return this.options.history.entries;
  }

  // --- what the prompt does ---

  /** Runs what was typed: a REPL command, or one or more SQL statements. */
  submit(text: string): void {
    if (text.trim() === '') return;
    this.options.history.add(text);
    this.add({ kind: 'input', text });
    const command = parseReplCommand(text);
    if (command !== null) {
      this.command(command);
      return;
    }
    this.enqueueScript(text, null);
  }

  /** Ctrl-C: stops the running query or PRINT (true), or does nothing when none runs (false). */
  cancel(): boolean {
    const running = this.state.running ?? this.state.printing;
    if (running === null) return false;
    this.queue.length = 0;
    running.abort.abort();
    return true;
  }

  exit(): void {
    this.queue.length = 0;
    this.state.running?.abort.abort();
    this.state.printing?.abort.abort();
    this.set({ exitRequested: true });
  }

  /** Clears the screen (the transcript so far is not shown again). */
  clear(): void {
    this.set({ clears: this.state.clears + 1 });
  }

  notice(level: NoticeLevel, text: string): void {
    this.add({ kind: 'notice', level, text });
  }

  /** The words tab completion offers, from the catalog as it is now. */
  vocabulary(): Vocabulary {
    const catalog = this.options.engine.catalog();
    const sources = [...catalog.sources.values()];
    return {
      keywords: SQL_KEYWORDS,
      sources: sources.map((s) => s.name),
      columns: [...new Set(sources.flatMap((s) => s.schema.columns.map((c) => c.name)))],
      functions: this.options.engine.functionNames(),
      properties: Object.keys(PROPERTY_SPECS),
      commands: REPL_COMMAND_WORDS,
    };
  }

  // --- REPL commands ---

  private command(command: ReplCommand): void {
    switch (command.kind) {
      case 'help':
        this.add({ kind: 'text', text: HELP_TEXT });
        return;
      case 'output':
        if (command.mode === null) {
          this.add({ kind: 'message', text: `Output format is ${this.state.mode}.` });
        } else {
          this.set({ mode: command.mode });
          this.add({ kind: 'message', text: `Output format set to ${command.mode}.` });
        }
        return;
      case 'spool':
        this.spool(command.file);
        return;
      case 'runScript': {
        let text: string;
        try {
          text = readFileSync(command.file, 'utf8');
        } catch (e) {
          this.add({ kind: 'error', text: `Cannot read ${command.file}: ${(e as Error).message}` });
          return;
        }
        this.enqueueScript(text, command.file);
        return;
      }
      case 'history': {
        const entries = this.options.history.entries;
        const width = String(entries.length).length;
        const text = entries.map((e, i) => `${String(i + 1).padStart(width)}  ${e.replace(/\n/g, '\n'.padEnd(width + 3))}`).join('\n');
        this.add({ kind: 'text', text: text === '' ? '(no history yet)' : text });
        return;
      }
      case 'clear':
        this.clear();
        return;
      case 'exit':
        this.exit();
        return;
      case 'invalid':
        this.add({ kind: 'error', text: command.message });
        return;
    }
  }

  private spool(file: string | null): void {
    const current = this.state.spool;
    if (file === null) {
      if (current === null) this.add({ kind: 'message', text: 'Not spooling.' });
      else {
        this.set({ spool: null });
        this.add({ kind: 'message', text: `Stopped spooling to ${current}.` });
      }
      return;
    }
    try {
      appendFileSync(file, '');
    } catch (e) {
      this.add({ kind: 'error', text: `Cannot write ${file}: ${(e as Error).message}` });
      return;
    }
    this.set({ spool: file });
    this.add({ kind: 'message', text: `Spooling output to ${file} (spool off to stop).` });
  }

  // --- statements ---

  private enqueueScript(text: string, file: string | null): void {
    let statements: ParsedStatement[];
    try {
      statements = this.options.engine.parse(text);
    } catch (e) {
      this.add({ kind: 'error', text: errorText(e, text, file) });
      return;
    }
    for (const statement of statements) this.queue.push({ statement, text, file });
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    this.set({ busy: true });
    try {
      for (let work = this.queue.shift(); work !== undefined; work = this.queue.shift()) {
        if (this.state.exitRequested) break;
        if (work.file !== null) this.add({ kind: 'input', text: `${work.statement.text.trim()};` });
        const ok = await this.execute(work);
        if (!ok) this.queue.length = 0;
      }
    } finally {
      this.pumping = false;
      this.set({ busy: false });
    }
  }

  private async execute(work: Work): Promise<boolean> {
    let result: StatementResult;
    try {
      result = await this.options.engine.execute(work.statement);
    } catch (e) {
      this.add({ kind: 'error', text: errorText(e, work.text, work.file, work.statement.span) });
      return false;
    }
    switch (result.kind) {
      case 'message':
        this.add({ kind: 'message', text: result.text });
        return true;
      case 'text':
        this.add({ kind: 'text', text: result.text });
        return true;
      case 'table':
        if (this.state.mode === 'json') {
          const objects = result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])));
          this.add({ kind: 'text', text: JSON.stringify(objects, null, 2) });
        } else {
          this.add({ kind: 'table', title: result.title, columns: result.columns, rows: result.rows });
        }
        return true;
      case 'query':
        return this.runQuery(result.query, work);
      case 'print':
        return this.runPrint(result.print, work);
    }
  }

  private async runPrint(print: TopicPrint, work: Work): Promise<boolean> {
    const printing: RunningPrint = { print, startedAt: this.now(), abort: new AbortController() };
    this.set({ printing });
    let outcome: { shown: number; end: PrintEnd };
    try {
      outcome = await print.run((lines) => this.add({ kind: 'text', text: lines.join('\n') }), { signal: printing.abort.signal });
    } catch (e) {
      this.set({ printing: null });
      this.add({ kind: 'error', text: errorText(e, work.text, work.file, work.statement.span) });
      return false;
    }
    this.set({ printing: null });
    this.add({ kind: 'message', text: `${printSummary(print, outcome)} after ${formatElapsed(this.now() - printing.startedAt)}` });
    if (outcome.shown === 0 && !print.fromBeginning) this.add({ kind: 'notice', level: 'info', text: PRINT_LATEST_HINT });
    return true;
  }

  private async runQuery(query: TransientQuery, work: Work): Promise<boolean> {
    const running: RunningQuery = { query, result: new LiveResult(query.columns, KEPT_ROWS), startedAt: this.now(), abort: new AbortController() };
    this.set({ running });
    let failure: unknown = null;
    try {
      await query.run((change) => running.result.apply(change), { signal: running.abort.signal });
    } catch (e) {
      failure = e;
    }
    const result = running.result;
    const reason =
      query.limit !== null && result.received >= query.limit
        ? `Limit of ${query.limit} reached`
        : running.abort.signal.aborted
          ? 'Query cancelled'
          : 'End of data';
    const elapsed = formatElapsed(this.now() - running.startedAt);
    const counted = `${result.size} row${result.size === 1 ? '' : 's'}${result.received !== result.size ? `, ${result.received} changes` : ''}`;
    const summary = query.mode === 'push' ? `${reason} after ${elapsed} (${counted})` : `${reason} (${counted})`;
    const limit = query.mode === 'push' ? Math.max(1, this.options.frameRows?.() ?? KEPT_ROWS) : KEPT_ROWS;
    if (this.state.mode === 'json') {
      const lines = result.rows(limit).map((row) => JSON.stringify(rowJson(query.columns, row)));
      this.add({ kind: 'text', text: [...lines, summary].join('\n') });
    } else {
      const snapshot = result.snapshot(limit);
      this.add({ kind: 'queryResult', columns: snapshot.columns, rows: snapshot.rows, hidden: snapshot.hidden, summary });
    }
    this.set({ running: null });
    if (failure !== null) {
      this.add({ kind: 'error', text: errorText(failure, work.text, work.file, work.statement.span) });
      return false;
    }
    return true;
  }

  // --- state ---

  private add(entry: NewEntry): void {
    const full = { ...entry, id: this.nextId++ } as TranscriptEntry;
    this.set({ entries: [...this.state.entries, full] });
    const spool = this.state.spool;
    if (spool !== null && entry.kind !== 'banner') {
      try {
        appendFileSync(spool, `${entryText(full)}\n`);
      } catch (e) {
        this.state = { ...this.state, spool: null };
        this.add({ kind: 'error', text: `Stopped spooling: cannot write ${spool}: ${(e as Error).message}` });
      }
    }
  }

  private set(patch: Partial<ReplState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
