// ReplicatedCatalogStore: the local SQLite catalog as a cache of a command log — writes are recorded as commands and published, the log's commands applied.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { QueryDefinition, SourceDefinition } from '../catalog/index.js';
import { EngineError, type SqlType } from '../common/index.js';
import type { CatalogCommand, CommandLog } from '../io/index.js';
import { CatalogStore } from '../state/index.js';
import { applyClaim, claimCommand, releaseCommand, type ClaimOutcome, type PendingSinks } from './query-number-claim.js';

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
  /** How each claim of a query number this process has seen in the log turned out, by claim token. */
  private readonly claims = new Map<string, ClaimOutcome>();
  /** Sinks named by accepted claims whose definitions may not have reached the log yet. */
  private readonly pendingSinks: PendingSinks = new Map();

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
            for (const c of commands) {
              if (c.key.startsWith('claim:')) {
                applyClaim(cache, c, this.claims, this.pendingSinks);
                continue;
              }
              // Once a claimed sink is defined (or dropped), the catalog itself says whether the name is taken.
              if (c.key.startsWith('source:')) this.pendingSinks.delete(c.key.slice('source:'.length));
              applyCommand(cache, c);
            }
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

  /**
   * A new query number, unique across every process of the service id: the number is claimed in the
   * command log and the first claim of a number in log order wins (a loser retries with the next).
   * A claim naming a sink also fails when another process created — or claimed — that name first.
   */
  async claimQueryNumber(sink: string | null, now: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      await this.catchUp();
      const number = this.currentNumber('query') + 1;
      const token = randomUUID();
      await this.log.append([claimCommand(number, token, sink, now)]);
      await this.log.catchUp();
      const outcome = this.claims.get(token);
      this.claims.delete(token);
      if (outcome === 'won') return number;
      if (outcome === 'sink-taken' && sink !== null) {
        throw new EngineError('SOURCE_EXISTS', `${sink} was just created by another process of this service id.`);
      }
      if (attempt >= 50) throw new EngineError('IO_ERROR', `Could not claim a query number in the command topic after ${attempt} attempts.`);
    }
  }

  /** Gives a claimed sink name back when the statement that claimed it failed before defining it. */
  async releaseSink(sink: string): Promise<void> {
    await this.log.append([releaseCommand(sink)]);
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
