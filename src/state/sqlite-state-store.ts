// SqliteStateStore: operator state (exec's StateStore port) as rows of one SQLite table.

import type Database from 'better-sqlite3';
import type { KeyValueStore, StateStore } from '../exec/index.js';

export class SqliteStateStore implements StateStore {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly queryId: string,
  ) {
    this.statements = {
      get: db.prepare<[string, string, string], { value: string }>('SELECT value FROM state_kv WHERE query_id = ? AND store = ? AND key = ?'),
      put: db.prepare<[string, string, string, string]>('INSERT OR REPLACE INTO state_kv (query_id, store, key, value) VALUES (?, ?, ?, ?)'),
      delete: db.prepare<[string, string, string]>('DELETE FROM state_kv WHERE query_id = ? AND store = ? AND key = ?'),
    };
  }

  keyValue(name: string): KeyValueStore {
    const { get, put, delete: del } = this.statements;
    const q = this.queryId;
    return {
      get: (key) => {
        const row = get.get(q, name, key);
        return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
      },
      put: (key, value) => {
        put.run(q, name, key, JSON.stringify(value));
      },
      delete: (key) => {
        del.run(q, name, key);
      },
    };
  }
}

/** Removes every store of a query (when it is terminated). */
export function dropQueryState(db: Database.Database, queryId: string): void {
  db.prepare('DELETE FROM state_kv WHERE query_id = ?').run(queryId);
}
