// QueryLeases: which process runs each persistent query — one at a time, taken over when it dies.

import type Database from 'better-sqlite3';
import { hostname } from 'node:os';

export interface LeaseHolder {
  readonly owner: string;
  readonly host: string;
  readonly pid: number;
  readonly heartbeatAt: number;
}

interface LeaseRow {
  owner: string;
  host: string;
  pid: number;
  heartbeat_at: number;
}

/**
 * A lease is free when nobody holds it, when its holder stopped renewing it for `ttlMs`, or when
 * its holder was a process on this host that no longer exists (so a `kill -9` is noticed at once).
 */
export class QueryLeases {
  readonly owner: string;
  private readonly host = hostname();
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    owner: string,
    private readonly ttlMs: number,
  ) {
    this.owner = owner;
    this.statements = {
      get: db.prepare<[string], LeaseRow>('SELECT owner, host, pid, heartbeat_at FROM query_leases WHERE query_id = ?'),
      put: db.prepare<[string, string, string, number, number]>(
        'INSERT OR REPLACE INTO query_leases (query_id, owner, host, pid, heartbeat_at) VALUES (?, ?, ?, ?, ?)',
      ),
      renew: db.prepare<[number, string]>('UPDATE query_leases SET heartbeat_at = ? WHERE owner = ?'),
      mine: db.prepare<[string], { query_id: string }>('SELECT query_id FROM query_leases WHERE owner = ?'),
      release: db.prepare<[string, string]>('DELETE FROM query_leases WHERE query_id = ? AND owner = ?'),
      releaseAll: db.prepare<[string]>('DELETE FROM query_leases WHERE owner = ?'),
      revoke: db.prepare<[string]>('DELETE FROM query_leases WHERE query_id = ?'),
    };
  }

  /** Takes the lease if it is free (or already ours); true when this process now holds it. */
  tryAcquire(queryId: string, now: number): boolean {
    return this.db
      .transaction(() => {
        const row = this.statements.get.get(queryId);
        if (row !== undefined && row.owner !== this.owner && !this.isStale(row, now)) return false;
        this.statements.put.run(queryId, this.owner, this.host, process.pid, now);
        return true;
      })
      .immediate();
  }

  /** Heartbeat: refreshes every lease this process holds and returns their query ids. */
  renew(now: number): string[] {
    return this.db
      .transaction(() => {
        this.statements.renew.run(now, this.owner);
        return this.statements.mine.all(this.owner).map((r) => r.query_id);
      })
      .immediate();
  }

  /** Whether this process holds the lease; called inside a batch's transaction, it fences stale runners. */
  holds(queryId: string): boolean {
    return this.statements.get.get(queryId)?.owner === this.owner;
  }

  holder(queryId: string): LeaseHolder | undefined {
    const row = this.statements.get.get(queryId);
    return row === undefined ? undefined : { owner: row.owner, host: row.host, pid: row.pid, heartbeatAt: row.heartbeat_at };
  }

  release(queryId: string): void {
    this.statements.release.run(queryId, this.owner);
  }

  /** Removes the lease whoever holds it (the query was terminated): its holder can no longer commit. */
  revoke(queryId: string): void {
    this.statements.revoke.run(queryId);
  }

  releaseAll(): void {
    this.statements.releaseAll.run(this.owner);
  }

  private isStale(row: LeaseRow, now: number): boolean {
    if (now - row.heartbeat_at > this.ttlMs) return true;
    return row.host === this.host && !processExists(row.pid);
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
