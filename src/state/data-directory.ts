// openDataDirectory: the data directory's one SQLite database (WAL), with every migration applied.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, type Migration } from './migrate.js';
import { STATE_MIGRATIONS } from './state-migrations.js';
import { WINDOW_STATE_MIGRATIONS } from './window-state-migrations.js';
import { QUERY_METRICS_MIGRATIONS } from './query-metrics-migrations.js';

export const DATABASE_FILE = 'eddy.db';

/**
 * Opens (creating if needed) `<dataDir>/eddy.db`. `extra` are other components' migrations (the
 * embedded log's), applied under their own names. `:memory:` opens a private in-memory database.
 */
export function openDataDirectory(dataDir: string, extra: Readonly<Record<string, readonly Migration[]>> = {}): Database.Database {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE);
  if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  migrate(db, 'state', STATE_MIGRATIONS);
  migrate(db, 'state-windows', WINDOW_STATE_MIGRATIONS);
  migrate(db, 'query-metrics', QUERY_METRICS_MIGRATIONS);
  for (const [component, migrations] of Object.entries(extra)) migrate(db, component, migrations);
  return db;
}
