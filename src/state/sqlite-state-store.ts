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
      storeId: db.prepare<[string, string], number>('SELECT id FROM eddy_kv_stores WHERE query_id = ? AND store = ?').pluck(true),
      addStore: db.prepare<[string, string]>('INSERT INTO eddy_kv_stores (query_id, store) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      get: db.prepare<[number, string], string>('SELECT value FROM eddy_kv_entries WHERE store_id = ? AND key = ?').pluck(true),
      put: db.prepare<[number, string, string]>('INSERT OR REPLACE INTO eddy_kv_entries (store_id, key, value) VALUES (?, ?, ?)'),
      delete: db.prepare<[number, string]>('DELETE FROM eddy_kv_entries WHERE store_id = ? AND key = ?'),
    };
    this.windowStatements = new WindowStatements(db);
  }

  /**
   * The store's id is looked up when the object is made (operators ask once per batch) and
   * registered by its first write, in the batch's transaction; never kept across batches, since a
   * batch that registered a store and rolled back took the registration with it (and the id may
   * then go to another store). A store never written has no id, and reads find nothing.
   */
  keyValue(name: string): KeyValueStore {
    const { storeId, addStore, get, put, delete: del } = this.statements;
    const q = this.queryId;
    let registered = storeId.get(q, name);
    let id = registered ?? NO_STORE;
    // Another object of this store may have registered it since (within this batch).
    const readable = (): boolean => {
      if (registered === undefined) {
        registered = storeId.get(q, name);
        if (registered === undefined) return false;
        id = registered;
      }
      return true;
    };
    return {
      get: (key) => {
        if (!readable()) return undefined;
        const value = get.get(id, key);
        return value === undefined ? undefined : (JSON.parse(value) as unknown);
      },
      put: (key, value) => {
        if (registered === undefined) {
          addStore.run(q, name);
          id = registered = storeId.get(q, name) as number;
        }
        put.run(id, key, JSON.stringify(value));
      },
      delete: (key) => {
        if (readable()) del.run(id, key);
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
  db.prepare('DELETE FROM eddy_kv_entries WHERE store_id IN (SELECT id FROM eddy_kv_stores WHERE query_id = ?)').run(queryId);
  db.prepare('DELETE FROM eddy_kv_stores WHERE query_id = ?').run(queryId);
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

/** No store has this id (AUTOINCREMENT ids start at 1). */
const NO_STORE = 0;
