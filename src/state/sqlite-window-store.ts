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
  return new SqliteWindowStore(statements, queryId, name, onWrite ?? null);
}

/**
 * A class, not an object of closures: operators get a new store object every batch, and calls on
 * closures made per batch keep the optimizing compiler from inlining them (each batch's are new
 * functions) and deoptimize their callers once the old ones are collected; prototype methods are the
 * same functions every batch.
 */
class SqliteWindowStore implements WindowStore {
  private registered: number | undefined;
  private id: number;

  constructor(
    private readonly statements: WindowStatements,
    private readonly queryId: string,
    private readonly name: string,
    private readonly onWrite: WindowWriteListener | null,
  ) {
    this.registered = statements.idOf(queryId, name);
    this.id = this.registered ?? NO_STORE;
  }

  get(key: string, start: number, end: number): unknown {
    if (!this.readable()) return undefined;
    const value = this.statements.get.get(this.id, key, start, end);
    return value === undefined ? undefined : (JSON.parse(value) as unknown);
  }

  put(key: string, start: number, end: number, value: unknown): void {
    const json = JSON.stringify(value);
    this.statements.put.run(this.writable(), key, start, end, json);
    if (this.onWrite !== null) this.onWrite(key, start, end, json);
  }

  delete(key: string, start: number, end: number): void {
    if (this.readable()) this.statements.delete.run(this.id, key, start, end);
    if (this.onWrite !== null) this.onWrite(key, start, end, null);
  }

  overlapping(key: string, from: number, to: number): WindowEntry[] {
    return this.readable() ? this.statements.overlapping.all(this.id, key, to, from).map(entryOf) : [];
  }

  endingBy(bound: number): WindowEntry[] {
    return this.readable() ? this.statements.endingBy.all(this.id, bound).map(entryOf) : [];
  }

  deleteEndingBy(bound: number): void {
    if (!this.readable()) return;
    if (this.onWrite !== null) {
      for (const [key, start, end] of this.statements.keysEndingBy.iterate(this.id, bound)) this.onWrite(key, start, end, null);
    }
    this.statements.deleteEndingBy.run(this.id, bound);
  }

  private writable(): number {
    if (this.registered === undefined) this.id = this.registered = this.statements.register(this.queryId, this.name);
    return this.id;
  }

  /** Another object of this store may have registered it since (within this batch). */
  private readable(): boolean {
    if (this.registered === undefined) {
      this.registered = this.statements.idOf(this.queryId, this.name);
      if (this.registered === undefined) return false;
      this.id = this.registered;
    }
    return true;
  }
}

function entryOf(r: EntryRow): WindowEntry {
  return { key: r.key, start: r.start_ms, end: r.end_ms, value: JSON.parse(r.value) as unknown };
}

/** No store has this id (AUTOINCREMENT ids start at 1). */
const NO_STORE = 0;
