// CrossProcessWatch: notices commits by other connections (other processes) cheaply, and wakes waiting readers.

import type Database from 'better-sqlite3';

/** How often, while some reader waits and another connection committed lately, the log looks. */
export const ACTIVE_WATCH_MS = 2;
/** How often it looks once nothing has changed for IDLE_AFTER_MS. */
export const IDLE_WATCH_MS = 10;
export const IDLE_AFTER_MS = 1_000;
/**
 * How often it looks once nothing has changed for DORMANT_AFTER_MS: a server whose inputs are quiet
 * wakes 20 times a second instead of 100 (an idle `eddy serve` with two queries: 2.2 % of a core →
 * 0.85 % here, mostly the wake-ups themselves), and another process's first record after the quiet
 * spell is seen up to 50 ms later (this process's own appends wake readers at once).
 */
export const DORMANT_WATCH_MS = 50;
export const DORMANT_AFTER_MS = 30_000;

/**
 * `PRAGMA data_version` changes when another connection has committed since the last call on this
 * one: a few microseconds to ask, so the log can look every 2 ms while another process appends
 * (every 10 ms after a second without a change, every 50 ms after half a minute) — one timer per
 * database, and only while a reader waits — instead of re-reading every partition of every waiting
 * reader.
 */
export class CrossProcessWatch {
  private readonly dataVersion;
  private last: number;
  private lastChange = 0;
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
    if (this.waiting++ === 0 && this.timer === null) this.schedule();
  }

  end(): void {
    if (--this.waiting > 0 || this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const quiet = performance.now() - this.lastChange;
    this.timer = setTimeout(() => this.check(), quiet >= DORMANT_AFTER_MS ? DORMANT_WATCH_MS : quiet >= IDLE_AFTER_MS ? IDLE_WATCH_MS : ACTIVE_WATCH_MS);
    this.timer.unref();
  }

  private check(): void {
    this.timer = null;
    const now = this.read();
    // The connection closed under a waiting reader: nothing more to watch.
    if (now === undefined) return;
    if (now !== this.last) {
      this.last = now;
      this.lastChange = performance.now();
      this.onChange();
    }
    if (this.waiting > 0 && this.timer === null) this.schedule();
  }

  private read(): number | undefined {
    try {
      return this.dataVersion.get();
    } catch {
      return undefined;
    }
  }
}
