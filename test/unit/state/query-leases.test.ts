// Unit tests for QueryLeases on one SQLite file shared by two connections: exclusivity, TTL, dead holders, revoke.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataDirectory, QueryLeases } from '../../../src/state/index.js';

const TTL = 100;

let dir: string;
let dbA: Database.Database;
let dbB: Database.Database;
let a: QueryLeases;
let b: QueryLeases;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eddy-leases-'));
  dbA = openDataDirectory(dir);
  dbB = openDataDirectory(dir);
  a = new QueryLeases(dbA, 'owner-a', TTL);
  b = new QueryLeases(dbB, 'owner-b', TTL);
});

afterEach(() => {
  dbA.close();
  dbB.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited (spawned, waited for, gone). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (child.pid === undefined || child.status !== 0) throw new Error('could not run node -e ""');
  return child.pid;
}

function insertLease(db: Database.Database, queryId: string, owner: string, host: string, pid: number, heartbeatAt: number): void {
  db.prepare('INSERT OR REPLACE INTO query_leases (query_id, owner, host, pid, heartbeat_at) VALUES (?, ?, ?, ?, ?)').run(queryId, owner, host, pid, heartbeatAt);
}

describe('QueryLeases', () => {
  it('lets only one owner acquire a query', () => {
    expect(a.tryAcquire('CSAS_X_1', 1000)).toBe(true);
    expect(b.tryAcquire('CSAS_X_1', 1001)).toBe(false);
    expect(a.holds('CSAS_X_1')).toBe(true);
    expect(b.holds('CSAS_X_1')).toBe(false);
    expect(b.holder('CSAS_X_1')).toEqual({ owner: 'owner-a', host: hostname(), pid: process.pid, heartbeatAt: 1000 });
    // Different queries are independent.
    expect(b.tryAcquire('CSAS_Y_2', 1001)).toBe(true);
    expect(a.holds('CSAS_Y_2')).toBe(false);
  });

  it('re-acquiring a lease one already holds succeeds and refreshes it', () => {
    expect(a.tryAcquire('Q', 1000)).toBe(true);
    expect(a.tryAcquire('Q', 1080)).toBe(true);
    expect(a.holder('Q')?.heartbeatAt).toBe(1080);
    expect(b.tryAcquire('Q', 1150)).toBe(false);
  });

  it('frees a lease whose holder stopped renewing it for longer than the TTL', () => {
    expect(a.tryAcquire('Q', 1000)).toBe(true);
    expect(b.tryAcquire('Q', 1000 + TTL - 1)).toBe(false);
    expect(b.tryAcquire('Q', 1000 + TTL)).toBe(false);
    expect(b.tryAcquire('Q', 1000 + TTL + 1)).toBe(true);
    expect(b.holds('Q')).toBe(true);
    expect(a.holds('Q')).toBe(false);
    // The old holder cannot take it back while the new one is fresh.
    expect(a.tryAcquire('Q', 1000 + TTL + 2)).toBe(false);
  });

  it('renew keeps every held lease alive and lists them', () => {
    expect(a.tryAcquire('Q1', 1000)).toBe(true);
    expect(a.tryAcquire('Q2', 1000)).toBe(true);
    expect(b.tryAcquire('Q3', 1000)).toBe(true);
    expect(a.renew(1090).sort()).toEqual(['Q1', 'Q2']);
    expect(b.tryAcquire('Q1', 1150)).toBe(false);
    expect(b.tryAcquire('Q2', 1191)).toBe(true);
    expect(b.renew(1200).sort()).toEqual(['Q2', 'Q3']);
    expect(a.renew(1200)).toEqual(['Q1']);
  });

  it('a released lease is free at once; only its holder can release it', () => {
    expect(a.tryAcquire('Q', 1000)).toBe(true);
    b.release('Q');
    expect(a.holds('Q')).toBe(true);
    a.release('Q');
    expect(a.holder('Q')).toBeUndefined();
    expect(b.tryAcquire('Q', 1001)).toBe(true);
  });

  it('releaseAll drops only this owner’s leases', () => {
    a.tryAcquire('Q1', 1000);
    a.tryAcquire('Q2', 1000);
    b.tryAcquire('Q3', 1000);
    a.releaseAll();
    expect(a.holder('Q1')).toBeUndefined();
    expect(a.holder('Q2')).toBeUndefined();
    expect(a.holder('Q3')?.owner).toBe('owner-b');
  });

  it('revoke removes the lease whoever holds it, so its holder no longer holds it', () => {
    expect(a.tryAcquire('Q', 1000)).toBe(true);
    b.revoke('Q');
    expect(a.holds('Q')).toBe(false);
    expect(a.holder('Q')).toBeUndefined();
    expect(b.tryAcquire('Q', 1001)).toBe(true);
  });

  it('treats a fresh lease held by a dead process on this host as free', () => {
    const pid = deadPid();
    insertLease(dbA, 'Q', 'owner-dead', hostname(), pid, 5000);
    expect(a.holds('Q')).toBe(false);
    expect(b.tryAcquire('Q', 5001)).toBe(true);
    expect(b.holder('Q')).toEqual({ owner: 'owner-b', host: hostname(), pid: process.pid, heartbeatAt: 5001 });
  });

  it('does not judge a process on another host by its pid: only the TTL frees that lease', () => {
    const pid = deadPid();
    insertLease(dbA, 'Q', 'owner-remote', 'some-other-host.example', pid, 5000);
    expect(b.tryAcquire('Q', 5001)).toBe(false);
    expect(b.tryAcquire('Q', 5000 + TTL + 1)).toBe(true);
  });

  it('a live holder process in this host keeps its lease (this test process is alive)', () => {
    insertLease(dbA, 'Q', 'owner-live', hostname(), process.pid, 5000);
    expect(a.tryAcquire('Q', 5050)).toBe(false);
  });
});
