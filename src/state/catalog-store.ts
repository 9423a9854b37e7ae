// CatalogStore: persists the catalog's sources and persistent queries in SQLite, and keeps the last catalog read until it changes.

import type Database from 'better-sqlite3';
import { catalogOf, type Catalog, type QueryDefinition, type SourceDefinition } from '../catalog/index.js';
import type { SqlType } from '../common/index.js';

/** Per connection: how many catalog writes its CatalogStores have made (several stores may share one connection: a replica's cache). */
const writeCounts = new WeakMap<Database.Database, { writes: number }>();

export class CatalogStore {
  private readonly statements;
  private readonly writes: { writes: number };
  /**
   * The catalog last read outside a transaction, with the connection's `data_version` (it changes
   * when another connection — another process — commits) and write count then: every statement
   * reads the catalog, and parsing every definition again each time cost pull queries about a tenth
   * of their time. A write through any CatalogStore of this connection makes it stale.
   */
  private cached: { readonly catalog: Catalog; readonly dataVersion: number; readonly writes: number } | null = null;

  constructor(private readonly db: Database.Database) {
    let writes = writeCounts.get(db);
    if (writes === undefined) writeCounts.set(db, (writes = { writes: 0 }));
    this.writes = writes;
    this.statements = {
      sources: db.prepare<[], { definition: string }>('SELECT definition FROM catalog_sources ORDER BY name'),
      queries: db.prepare<[], { definition: string }>('SELECT definition FROM catalog_queries ORDER BY id'),
      putSource: db.prepare<[string, string]>('INSERT OR REPLACE INTO catalog_sources (name, definition) VALUES (?, ?)'),
      deleteSource: db.prepare<[string]>('DELETE FROM catalog_sources WHERE name = ?'),
      putQuery: db.prepare<[string, string]>('INSERT OR REPLACE INTO catalog_queries (id, definition) VALUES (?, ?)'),
      deleteQuery: db.prepare<[string]>('DELETE FROM catalog_queries WHERE id = ?'),
      types: db.prepare<[], { name: string; definition: string }>('SELECT name, definition FROM catalog_types ORDER BY name'),
      putType: db.prepare<[string, string]>('INSERT OR REPLACE INTO catalog_types (name, definition) VALUES (?, ?)'),
      deleteType: db.prepare<[string]>('DELETE FROM catalog_types WHERE name = ?'),
      raise: db.prepare<[string, number]>(
        'INSERT INTO catalog_counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)',
      ),
      counter: db.prepare<[string], { value: number }>('SELECT value FROM catalog_counters WHERE name = ?'),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(true),
      bump: db.prepare<[string, number]>(
        'INSERT INTO catalog_counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  load(): Catalog {
    const dataVersion = this.statements.dataVersion.get() as number;
    const writes = this.writes.writes;
    const cached = this.cached;
    if (cached !== null && cached.dataVersion === dataVersion && cached.writes === writes && !this.db.inTransaction) return cached.catalog;
    const catalog = this.read();
    // Inside a transaction the catalog may hold writes that roll back: not kept.
    this.cached = this.db.inTransaction ? null : { catalog, dataVersion, writes };
    return catalog;
  }

  private read(): Catalog {
    const sources = this.statements.sources.all().map((r) => JSON.parse(r.definition) as SourceDefinition);
    const queries = this.statements.queries.all().map((r) => JSON.parse(r.definition) as QueryDefinition);
    const types = this.statements.types.all().map((r) => ({ name: r.name, type: JSON.parse(r.definition) as SqlType }));
    return catalogOf(sources, queries, types);
  }

  putType(name: string, type: SqlType): void {
    this.writes.writes++;
    this.statements.putType.run(name, JSON.stringify(type));
  }

  deleteType(name: string): void {
    this.writes.writes++;
    this.statements.deleteType.run(name);
  }

  putSource(source: SourceDefinition): void {
    this.writes.writes++;
    this.statements.putSource.run(source.name, JSON.stringify(source));
  }

  deleteSource(name: string): void {
    this.writes.writes++;
    this.statements.deleteSource.run(name);
  }

  putQuery(query: QueryDefinition): void {
    this.writes.writes++;
    this.statements.putQuery.run(query.id, JSON.stringify(query));
  }

  deleteQuery(id: string): void {
    this.writes.writes++;
    this.statements.deleteQuery.run(id);
  }

  /** Forgets every definition and counter (before a replica rebuilds the catalog from its command topic). */
  clear(): void {
    this.writes.writes++;
    this.db.exec('DELETE FROM catalog_sources; DELETE FROM catalog_queries; DELETE FROM catalog_types; DELETE FROM catalog_counters;');
  }

  /** Raises a named sequence's last number to at least `value` (a replica following another process's counter). */
  raiseNumber(name: string, value: number): void {
    this.statements.raise.run(name, value);
  }

  /** The last number a named sequence handed out (0 before the first). */
  currentNumber(name: string): number {
    return this.statements.counter.get(name)?.value ?? 0;
  }

  /** The next number of a named sequence (query ids), starting at 1. Call inside a write transaction. */
  nextNumber(name: string): number {
    const next = (this.statements.counter.get(name)?.value ?? 0) + 1;
    this.statements.bump.run(name, next);
    return next;
  }

  /** Runs `fn` in one write transaction that takes the database's write lock first. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
