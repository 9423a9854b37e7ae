// WalCheckpointer: the WAL is copied into the database file by the worker thread, not by commits, and restarts from its beginning.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { DATABASE_FILE, openDataDirectory, WalCheckpointer } from '../../../src/state/index.js';

const PAGE = 4096;

describe('WalCheckpointer', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-checkpointer-'));
    db = openDataDirectory(dir);
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB)');
  });

  afterEach(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const size = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  const dbFile = (): string => path.join(dir, DATABASE_FILE);
  const walFile = (): string => `${dbFile()}-wal`;

  /** `pages` pages of new rows, in commits of about 20 pages each. */
  function write(pages: number): void {
    const insert = db.prepare('INSERT INTO blobs (b) VALUES (?)');
    const blob = Buffer.alloc(20 * PAGE, 7);
    for (let i = 0; i < pages / 20; i++) db.transaction(() => insert.run(blob)).immediate();
  }

  /** Waits until `what` holds (at most `ms`), then for the worker's pass in progress to end. */
  async function until(what: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
  }

  it('copies committed pages into the database file while commits never checkpoint, and the WAL restarts instead of growing', async () => {
    const checkpointer = WalCheckpointer.start(db, 20);
    expect(checkpointer).not.toBeNull();
    try {
      // 2 000 pages: below the connection's own threshold now, so only the worker can have copied them.
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(2_000);
      write(2_000);
      await until(() => size(dbFile()) >= 2_000 * PAGE);
      expect(size(dbFile())).toBeGreaterThanOrEqual(2_000 * PAGE);
      const wal = size(walFile());
      // Once every frame is copied, the next commits write the WAL from its start: it does not double.
      for (let round = 0; round < 3; round++) {
        const before = size(dbFile());
        write(2_000);
        await until(() => size(dbFile()) >= before + 2_000 * PAGE);
      }
      expect(size(walFile())).toBeLessThan(wal * 2);
      expect(db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 400 });
    } finally {
      await checkpointer?.stop();
    }
    // Stopped: commits checkpoint as SQLite does by default again.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('has nothing to do for an in-memory database', () => {
    const memory = openDataDirectory(':memory:');
    try {
      expect(WalCheckpointer.start(memory)).toBeNull();
    } finally {
      memory.close();
    }
  });
});
