// SqliteKeyValueStore: exec's KeyValueStore port over the eddy_kv_entries table (one integer id per query and store).

import type Database from 'better-sqlite3';
import type { KeyValueStore } from '../exec/index.js';

/** The prepared statements of all key-value stores of one database. */
export class KeyValueStatements {
  readonly storeId;
  readonly addStore;
  readonly get;
  readonly put;
  readonly delete;

  constructor(db: Database.Database) {
    this.storeId = db.prepare<[string, string], number>('SELECT id FROM eddy_kv_stores WHERE query_id = ? AND store = ?').pluck(true);
    this.addStore = db.prepare<[string, string]>('INSERT INTO eddy_kv_stores (query_id, store) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.get = db.prepare<[number, string], string>('SELECT value FROM eddy_kv_entries WHERE store_id = ? AND key = ?').pluck(true);
    this.put = db.prepare<[number, string, string]>('INSERT OR REPLACE INTO eddy_kv_entries (store_id, key, value) VALUES (?, ?, ?)');
    this.delete = db.prepare<[number, string]>('DELETE FROM eddy_kv_entries WHERE store_id = ? AND key = ?');
  }
}

/**
 * A store of one query. The store's id is looked up when the object is made (operators ask once
 * per batch) and registered by its first write, in the batch's transaction; never kept across
 * batches, since a batch that registered a store and rolled back took the registration with it
 * (and the id may then go to another store). A store never written has no id, and reads find
 * nothing. A class rather than closures made per batch: its methods are the same functions every
 * batch, which the optimizing compiler can inline (see SqliteWindowStore).
 */
export class SqliteKeyValueStore implements KeyValueStore {
  private registered: number | undefined;
  private id: number;

  constructor(
    private readonly statements: KeyValueStatements,
    private readonly queryId: string,
    private readonly name: string,
  ) {
    this.registered = statements.storeId.get(queryId, name);
    this.id = this.registered ?? NO_STORE;
  }

  get(key: string): unknown {
    if (!this.readable()) return undefined;
    const value = this.statements.get.get(this.id, key);
    return value === undefined ? undefined : (JSON.parse(value) as unknown);
  }

  put(key: string, value: unknown): void {
    if (this.registered === undefined) {
      this.statements.addStore.run(this.queryId, this.name);
      this.id = this.registered = this.statements.storeId.get(this.queryId, this.name) as number;
    }
    this.statements.put.run(this.id, key, JSON.stringify(value));
  }

  delete(key: string): void {
    if (this.readable()) this.statements.delete.run(this.id, key);
  }

  /** Another object of this store may have registered it since (within this batch). */
  private readable(): boolean {
    if (this.registered === undefined) {
      this.registered = this.statements.storeId.get(this.queryId, this.name);
      if (this.registered === undefined) return false;
      this.id = this.registered;
    }
    return true;
  }
}

/** No store has this id (AUTOINCREMENT ids start at 1). */
const NO_STORE = 0;
