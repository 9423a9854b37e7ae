// SqliteStateStore: operator state (exec's StateStore port) as rows of SQLite tables, and the materialized tables.

import type Database from 'better-sqlite3';
import type { KeyValueStore, MaterializedTable, MaterializedTableSpec, StateStore, WindowStore } from '../exec/index.js';
import { KeyValueStatements, SqliteKeyValueStore } from './sqlite-key-value-store.js';
import { SqliteMaterializedTable } from './sqlite-materialized-table.js';
import { sqliteWindowStore, WindowStatements } from './sqlite-window-store.js';

export class SqliteStateStore implements StateStore {
  private readonly statements: KeyValueStatements;
  private readonly windowStatements: WindowStatements;
  private readonly tables = new Map<string, MaterializedTable>();

  constructor(
    private readonly db: Database.Database,
    private readonly queryId: string,
  ) {
    this.statements = new KeyValueStatements(db);
    this.windowStatements = new WindowStatements(db);
  }

  /** A new store object per call (operators ask once per batch): see SqliteKeyValueStore for why. */
  keyValue(name: string): KeyValueStore {
    return new SqliteKeyValueStore(this.statements, this.queryId, name);
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
