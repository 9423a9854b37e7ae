// SqliteStateStore: operator state (exec's StateStore port) as rows of SQLite tables, and the materialized tables.

import type Database from 'better-sqlite3';
import type { KeyValueStore, MaterializedTable, MaterializedTableSpec, StateStore, WindowStore } from '../exec/index.js';
import { SqliteMaterializedTable } from './sqlite-materialized-table.js';
import { sqliteWindowStore, WindowStatements } from './sqlite-window-store.js';

export class SqliteStateStore implements StateStore {
  private readonly statements;
  private readonly windowStatements: WindowStatements;
  private readonly tables = new Map<string, MaterializedTable>();

  constructor(
    private readonly db: Database.Database,
    private readonly queryId: string,
  ) {
    this.statements = {
      get: db.prepare<[string, string, string], { value: string }>('SELECT value FROM state_kv WHERE query_id = ? AND store = ? AND key = ?'),
      put: db.prepare<[string, string, string, string]>('INSERT OR REPLACE INTO state_kv (query_id, store, key, value) VALUES (?, ?, ?, ?)'),
      delete: db.prepare<[string, string, string]>('DELETE FROM state_kv WHERE query_id = ? AND store = ? AND key = ?'),
    };
    this.windowStatements = new WindowStatements(db);
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

  windows(name: string): WindowStore {
    return sqliteWindowStore(this.windowStatements, this.queryId, name);
  }

  materialized(spec: MaterializedTableSpec): MaterializedTable {
    let table = this.tables.get(spec.name);
    if (table === undefined) {
      table = new SqliteMaterializedTable(this.db, spec);
      this.tables.set(spec.name, table);
    }
    return table;
  }
}

/** Removes every store of a query (when it is terminated). */
export function dropQueryState(db: Database.Database, queryId: string): void {
  db.prepare('DELETE FROM state_kv WHERE query_id = ?').run(queryId);
  db.prepare('DELETE FROM state_checkpoints WHERE query_id = ?').run(queryId);
  const windows = new WindowStatements(db);
  windows.dropQuery.run(queryId);
  windows.dropQueryStores.run(queryId);
}

/** A query's persisted metric (late records dropped, …), or 0. */
export function queryMetric(db: Database.Database, queryId: string, name: string): number {
  const row = db.prepare<[string, string], { value: string }>("SELECT value FROM state_kv WHERE query_id = ? AND store = 'metrics' AND key = ?").get(queryId, name);
  return row === undefined ? 0 : Number(JSON.parse(row.value));
}
