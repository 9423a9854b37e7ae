// CrossProcessWatch: notices commits by other connections (other processes) cheaply, and wakes waiting readers.

import type Database from 'better-sqlite3';

/** How often, while some reader waits, the log asks SQLite whether another connection committed. */
export const WATCH_INTERVAL_MS = 10;

/**
 * `PRAGMA data_version` changes when another connection has committed since the last call on this
 * one: a few microseconds to ask, so the log can look every 10 ms (one timer per database, and only
 * while a reader waits) instead of re-reading every partition of every waiting reader.
 */
export class CrossProcessWatch {
  private readonly dataVersion;
  private last: number;
  private timer: NodeJS.Timeout | null = null;
  private waiting = 0;

  constructor(
    db: Database.Database,
    private readonly onChange: () => void,
  ) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.last = this.read() ?? 0;
  }

  /** A reader starts waiting: watch until every waiting reader is done. */
  begin(): void {
    if (this.waiting++ === 0 && this.timer === null) {
      this.timer = setInterval(() => this.check(), WATCH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  end(): void {
    if (--this.waiting > 0 || this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
  }

  private check(): void {
    const now = this.read();
    if (now === undefined) {
      // The connection closed under a waiting reader: nothing more to watch.
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
      return;
    }
    if (now === this.last) return;
    this.last = now;
    this.onChange();
  }

  private read(): number | undefined {
    try {
      return this.dataVersion.get();
    } catch {
      return undefined;
    }
  }
}
