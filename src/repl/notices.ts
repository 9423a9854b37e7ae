// ReplNotices: the engine's log lines (warnings about skipped records, query takeovers), held until the REPL shows them.

import type { EngineLogger } from '../engine/index.js';

export type NoticeLevel = 'info' | 'warn';
type Listener = (level: NoticeLevel, text: string) => void;

/** An EngineLogger for a REPL session: lines logged before the screen exists are kept and shown first. */
export class ReplNotices implements EngineLogger {
  private pending: { level: NoticeLevel; text: string }[] = [];
  private listener: Listener | null = null;

  info(message: string): void {
    this.emit('info', message);
  }

  warn(message: string): void {
    this.emit('warn', message);
  }

  /** Sends every pending and future line to `listener` (null detaches it). */
  attach(listener: Listener | null): void {
    this.listener = listener;
    if (listener === null) return;
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) listener(p.level, p.text);
  }

  private emit(level: NoticeLevel, text: string): void {
    if (this.listener === null) this.pending.push({ level, text });
    else this.listener(level, text);
  }
}
