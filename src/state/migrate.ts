// migrate: applies a component's numbered schema migrations once each, recording the version.

import type Database from 'better-sqlite3';

/** A schema step: SQL, or a function run in the migrating transaction (for data SQL alone cannot move). */
export type Migration = string | ((db: Database.Database) => void);

export function migrate(db: Database.Database, component: string, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare<[string], { version: number }>('SELECT version FROM schema_versions WHERE component = ?').get(component);
    const current = row?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`the data directory's ${component} schema (version ${current}) is newer than this Eddy understands (${migrations.length})`);
    }
    for (let v = current; v < migrations.length; v++) {
      const step = migrations[v] as Migration;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.prepare('INSERT INTO schema_versions (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version').run(
      component,
      migrations.length,
    );
  }).immediate();
}
