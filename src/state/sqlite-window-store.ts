// SqliteWindowStore: exec's WindowStore port over the eddy_window_entries table (one integer id per query and store).

import type Database from 'better-sqlite3';
import type { WindowEntry, WindowStore } from '../exec/index.js';

interface EntryRow {
  key: string;
  start_ms: number;
  end_ms: number;
  value: string;
}

/** Told of each write with the entry's stored JSON, or null when it was deleted (the changelog records them). */
export type WindowWriteListener = (key: string, start: number, end: number, json: string | null) => void;

/** The prepared statements of all window stores of one database. */
export class WindowStatements {
  readonly get;
  readonly put;
  readonly delete;
  readonly overlapping;
  readonly endingBy;
  readonly keysEndingBy;
  readonly deleteEndingBy;
  readonly dropQuery;
  readonly dropQueryStores;
  private readonly storeId;
  private readonly addStore;

  constructor(db: Database.Database) {
    this.storeId = db.prepare<[string, string], number>('SELECT id FROM eddy_window_stores WHERE query_id = ? AND store = ?').pluck(true);
    this.addStore = db.prepare<[string, string]>('INSERT INTO eddy_window_stores (query_id, store) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.get = db.prepare<[number, string, number, number], string>('SELECT value FROM eddy_window_entries WHERE store_id = ? AND key = ? AND start_ms = ? AND end_ms = ?').pluck(true);
    // An update rewrites only the value in the primary key's B-tree (INSERT OR REPLACE would delete
    // and re-insert the row in both B-trees): most puts update a window a previous batch wrote.
    this.put = db.prepare<[number, string, number, number, string]>(
      'INSERT INTO eddy_window_entries (store_id, key, start_ms, end_ms, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    );
    this.delete = db.prepare<[number, string, number, number]>('DELETE FROM eddy_window_entries WHERE store_id = ? AND key = ? AND start_ms = ? AND end_ms = ?');
    this.overlapping = db.prepare<[number, string, number, number], EntryRow>(
      'SELECT key, start_ms, end_ms, value FROM eddy_window_entries WHERE store_id = ? AND key = ? AND start_ms <= ? AND end_ms >= ? ORDER BY start_ms, end_ms',
    );
    this.endingBy = db.prepare<[number, number], EntryRow>(
      'SELECT key, start_ms, end_ms, value FROM eddy_window_entries WHERE store_id = ? AND end_ms <= ? ORDER BY end_ms, start_ms, key',
    );
    // Read from the by-end index alone (it holds every column but the value), as arrays.
    this.keysEndingBy = db.prepare<[number, number], [string, number, number]>('SELECT key, start_ms, end_ms FROM eddy_window_entries WHERE store_id = ? AND end_ms <= ?').raw(true);
    this.deleteEndingBy = db.prepare<[number, number]>('DELETE FROM eddy_window_entries WHERE store_id = ? AND end_ms <= ?');
    this.dropQuery = db.prepare<[string]>('DELETE FROM eddy_window_entries WHERE store_id IN (SELECT id FROM eddy_window_stores WHERE query_id = ?)');
    this.dropQueryStores = db.prepare<[string]>('DELETE FROM eddy_window_stores WHERE query_id = ?');
  }

  /** The store's id, or undefined while it has never been written. */
  idOf(queryId: string, name: string): number | undefined {
    return this.storeId.get(queryId, name);
  }

  /** The store's id, registering it (in the caller's transaction) if it is new. */
  register(queryId: string, name: string): number {
    this.addStore.run(queryId, name);
    return this.storeId.get(queryId, name) as number;
  }
}

/**
 * A store of one query. Its id is looked up when the object is made (callers make one per batch)
 * and registered by its first write; it is never kept across batches, since a batch that registered
 * a store and rolled back took the registration with it (and the id may go to another store).
 * A store never written has no id: reads look again (another object of it may have registered it
 * in this batch) and find nothing until it has one.
 */
export function sqliteWindowStore(statements: WindowStatements, queryId: string, name: string, onWrite?: WindowWriteListener): WindowStore {
  let registered = statements.idOf(queryId, name);
  let id = registered ?? NO_STORE;
  const writable = (): number => {
    if (registered === undefined) id = registered = statements.register(queryId, name);
    return id;
  };
  // Another object of this store may have registered it since (within this batch).
  const readable = (): boolean => {
    if (registered === undefined) {
      registered = statements.idOf(queryId, name);
      if (registered === undefined) return false;
      id = registered;
    }
    return true;
  };
  const entry = (r: EntryRow): WindowEntry => ({ key: r.key, start: r.start_ms, end: r.end_ms, value: JSON.parse(r.value) as unknown });
  return {
    get: (key, start, end) => {
      if (!readable()) return undefined;
      const value = statements.get.get(id, key, start, end);
      return value === undefined ? undefined : (JSON.parse(value) as unknown);
    },
    put: (key, start, end, value) => {
      const json = JSON.stringify(value);
      statements.put.run(writable(), key, start, end, json);
      onWrite?.(key, start, end, json);
    },
    delete: (key, start, end) => {
      if (readable()) statements.delete.run(id, key, start, end);
      onWrite?.(key, start, end, null);
    },
    overlapping: (key, from, to) => (readable() ? statements.overlapping.all(id, key, to, from).map(entry) : []),
    endingBy: (bound) => (readable() ? statements.endingBy.all(id, bound).map(entry) : []),
    deleteEndingBy: (bound) => {
      if (!readable()) return;
      if (onWrite !== undefined) {
        for (const [key, start, end] of statements.keysEndingBy.iterate(id, bound)) onWrite(key, start, end, null);
      }
      statements.deleteEndingBy.run(id, bound);
    },
  };
}

/** No store has this id (AUTOINCREMENT ids start at 1). */
const NO_STORE = 0;
