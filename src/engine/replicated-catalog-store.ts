// ReplicatedCatalogStore: the local SQLite catalog as a cache of a command log — writes are recorded as commands and published, the log's commands applied.

import type Database from 'better-sqlite3';
import type { QueryDefinition, SourceDefinition } from '../catalog/index.js';
import type { SqlType } from '../common/index.js';
import type { CatalogCommand, CommandLog } from '../io/index.js';
import { CatalogStore } from '../state/index.js';

/**
 * Handlers write the catalog as before (one SQLite transaction per change); every write inside a
 * committed transaction also becomes a command, which `publish` appends to the command log. The
 * log's commands — this process's own included — are applied to the cache in log order, so every
 * process following the log ends with the same catalog (the last write of an entity wins).
 */
export class ReplicatedCatalogStore extends CatalogStore {
  private pending: CatalogCommand[] = [];
  private closed = false;
  private readonly following: Promise<void>;

  constructor(
    db: Database.Database,
    private readonly log: CommandLog,
    onFollowError: (e: Error) => void,
  ) {
    super(db);
    const cache = new CatalogStore(db);
    this.following = this.follow(cache, onFollowError);
  }

  /** Starts following the log, retrying with backoff while the broker cannot be reached. */
  private async follow(cache: CatalogStore, onFollowError: (e: Error) => void): Promise<void> {
    for (let waitMs = 500; !this.closed; waitMs = Math.min(waitMs * 2, 10_000)) {
      try {
        await this.log.follow((commands, first) =>
          cache.transaction(() => {
            if (first) cache.clear();
            for (const c of commands) applyCommand(cache, c);
          }),
        );
        return;
      } catch (e) {
        onFollowError(new Error(`${(e as Error).message}; retrying in ${(waitMs / 1000).toFixed(1)} s`));
        await new Promise((r) => setTimeout(r, waitMs));
      }
    }
  }

  /** Waits until the cache holds every command appended so far (by any process). */
  async catchUp(): Promise<void> {
    await this.following;
    await this.log.catchUp();
  }

  /** Appends the commands of the transactions committed since the last call. */
  async publish(): Promise<void> {
    const commands = this.pending;
    this.pending = [];
    await this.log.append(commands);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.log.close();
  }

  override transaction<T>(fn: () => T): T {
    const mark = this.pending.length;
    try {
      return super.transaction(fn);
    } catch (e) {
      // Rolled back: its commands never happened.
      this.pending.length = mark;
      throw e;
    }
  }

  override putType(name: string, type: SqlType): void {
    super.putType(name, type);
    this.record(`type:${name}`, JSON.stringify(type));
  }

  override deleteType(name: string): void {
    super.deleteType(name);
    this.record(`type:${name}`, null);
  }

  override putSource(source: SourceDefinition): void {
    super.putSource(source);
    this.record(`source:${source.name}`, JSON.stringify(source));
  }

  override deleteSource(name: string): void {
    super.deleteSource(name);
    this.record(`source:${name}`, null);
  }

  override putQuery(query: QueryDefinition): void {
    super.putQuery(query);
    this.record(`query:${query.id}`, JSON.stringify(query));
  }

  override deleteQuery(id: string): void {
    super.deleteQuery(id);
    this.record(`query:${id}`, null);
  }

  override nextNumber(name: string): number {
    const next = super.nextNumber(name);
    this.record(`counter:${name}`, String(next));
    return next;
  }

  private record(key: string, value: string | null): void {
    this.pending.push({ key, value });
  }
}

/** Applies one command of the log to the cache. */
function applyCommand(cache: CatalogStore, command: CatalogCommand): void {
  const colon = command.key.indexOf(':');
  const kind = command.key.slice(0, colon);
  const name = command.key.slice(colon + 1);
  const value = command.value;
  switch (kind) {
    case 'source':
      if (value === null) cache.deleteSource(name);
      else cache.putSource(JSON.parse(value) as SourceDefinition);
      return;
    case 'query':
      if (value === null) cache.deleteQuery(name);
      else cache.putQuery(JSON.parse(value) as QueryDefinition);
      return;
    case 'type':
      if (value === null) cache.deleteType(name);
      else cache.putType(name, JSON.parse(value) as SqlType);
      return;
    case 'counter':
      if (value !== null) cache.raiseNumber(name, Number(value));
      return;
    default:
      // A command of a newer version: ignored here (this version has nothing to apply it to).
      return;
  }
}
