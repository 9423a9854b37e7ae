// withLog: an embedded log on a fresh data directory for one test, closed and removed after it.

import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { openDataDirectory } from '../../../src/state/index.js';

export function withLog(test: (log: EmbeddedLog, dir: string, db: Database.Database) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-log-'));
  const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
  try {
    test(new EmbeddedLog(db), dir, db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
