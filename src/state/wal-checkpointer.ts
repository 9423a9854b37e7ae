// WalCheckpointer: checkpoints the data directory's WAL from a worker thread, so no query's commit waits for a checkpoint.

import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints what the WAL holds (a pass with nothing to copy costs microseconds). */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * The connection's own checkpoint threshold while the worker runs: only reached when the worker
 * falls behind (or cannot finish a pass because writes never pause), and then cheap, since the
 * worker has already copied most of the frames. SQLite's default is 1 000 pages.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/** SQLite's own threshold, back when the worker stops or fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The worker: its own connection to the database file, a PASSIVE checkpoint (it never waits for
 * readers or writers) every interval, and again at once while a pass leaves frames behind that
 * writers appended meanwhile — the WAL restarts from its beginning only once every frame is copied.
 * Frames a reader's snapshot still needs cannot be copied: a pass that copied nothing more waits.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let timer;
let copied = -1;
parentPort.on('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
const pass = () => {
  let again = false;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    // At once again only while passes get further: a reader's snapshot holds frames back until it ends.
    again = r.busy === 0 && r.checkpointed < r.log && r.checkpointed !== copied;
    copied = r.checkpointed;
  } catch {}
  timer = setTimeout(pass, again ? 0 : workerData.intervalMs);
};
timer = setTimeout(pass, workerData.intervalMs);
`;

/**
 * Checkpoints `db`'s WAL in the background while it runs. A checkpoint copies changed pages into
 * the database file and fsyncs it; run by SQLite at a commit (its default, every 1 000 WAL pages)
 * that took 16–42 ms inside a query's batch, on the event loop. The worker does it on another
 * thread instead, and since it copies each page once per pass however many commits changed it,
 * a table whose keys are spread over many pages is written back less often too.
 */
export class WalCheckpointer {
  private readonly exited: Promise<void>;

  private constructor(
    private readonly db: Database.Database,
    private readonly worker: Worker,
  ) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /** Starts the worker for a file database in WAL mode (null for an in-memory one: nothing to checkpoint). */
  static start(db: Database.Database, intervalMs = CHECKPOINT_INTERVAL_MS): WalCheckpointer | null {
    if (db.memory || db.name === '') return null;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Without the process's own flags: preloaded modules (`--require`) are not the worker's business.
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { driver, file: db.name, intervalMs } });
    // It never keeps the process alive, and a failure only means SQLite checkpoints at commits again.
    worker.unref();
    worker.on('error', () => checkpointAtCommits(db, DEFAULT_AUTOCHECKPOINT_PAGES));
    checkpointAtCommits(db, FALLBACK_AUTOCHECKPOINT_PAGES);
    return new WalCheckpointer(db, worker);
  }

  /** Stops the worker after its current pass; SQLite checkpoints at commits again. */
  async stop(): Promise<void> {
    // Referenced again while it winds down: the wait for its exit must keep the process alive.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
    checkpointAtCommits(this.db, DEFAULT_AUTOCHECKPOINT_PAGES);
  }
}

/** Sets the WAL size (in pages) at which a commit on `db` checkpoints, while `db` is open. */
function checkpointAtCommits(db: Database.Database, pages: number): void {
  if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
}
