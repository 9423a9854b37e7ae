// Unit tests for the embedded log on a real in-memory SQLite database: topics, partitions, offsets, readers, wake-ups.

import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEngineError } from '../../../src/common/index.js';
import type { SinkRecord, SourceRecord } from '../../../src/exec/index.js';
import { EmbeddedLog, LOG_MIGRATIONS, partitionForKey } from '../../../src/io/index.js';
import { openDataDirectory } from '../../../src/state/index.js';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('utf8'));
const rec = (topic: string, key: string | null, value: string | null, timestamp = 1000): SinkRecord => ({
  topic,
  timestamp,
  key: key === null ? null : utf8(key),
  value: value === null ? null : utf8(value),
});
const brief = (r: SourceRecord): string => `${r.partition}@${r.offset}:${text(r.key) ?? '-'}=${text(r.value) ?? '-'}`;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isEngineError(e)) return e.code;
    throw e;
  }
  throw new Error('expected an EngineError');
}

let db: Database.Database;
let log: EmbeddedLog;

beforeEach(() => {
  db = openDataDirectory(':memory:', { log: LOG_MIGRATIONS });
  log = new EmbeddedLog(db);
});

afterEach(() => {
  db.close();
});

describe('topics', () => {
  it('are created with a partition count, described and listed by name', () => {
    log.createTopic('orders', 4, 1);
    log.createTopic('audit', 1, 2);
    expect(log.describeTopic('orders')).toEqual({ name: 'orders', partitions: 4, endOffsets: [0, 0, 0, 0] });
    expect(log.listTopics()).toEqual([
      { name: 'audit', partitions: 1 },
      { name: 'orders', partitions: 4 },
    ]);
    expect(log.describeTopic('missing')).toBeUndefined();
  });

  it('cannot be created twice', () => {
    log.createTopic('t', 1, 0);
    expect(codeOf(() => log.createTopic('t', 2, 0))).toBe('CONFLICT');
  });

  it('are deleted with their records, and a new topic of the same name starts empty', () => {
    log.createTopic('t', 2, 0);
    log.append([rec('t', 'a', '1'), rec('t', 'b', '2')]);
    log.deleteTopic('t');
    expect(log.describeTopic('t')).toBeUndefined();
    expect(log.listTopics()).toEqual([]);
    expect(codeOf(() => log.reader('t', 'earliest'))).toBe('UNKNOWN_TOPIC');
    expect(codeOf(() => log.append([rec('t', 'a', '1')]))).toBe('UNKNOWN_TOPIC');
    log.deleteTopic('t');
    log.createTopic('t', 2, 0);
    expect(log.describeTopic('t')?.endOffsets).toEqual([0, 0]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM eddy_log_batches').get() as { n: number }).n).toBe(0);
  });
});

describe('append', () => {
  it("sends records with the same key to the same partition (Kafka's murmur2), with consecutive offsets", async () => {
    log.createTopic('t', 4, 0);
    const keys = ['alice', 'bob', 'carol', 'alice', 'dave', 'bob', 'alice'];
    log.append(keys.map((k, i) => rec('t', k, `v${i}`)));
    const records = await log.reader('t', 'earliest').poll(100, 0);
    expect(records).toHaveLength(keys.length);
    for (const r of records) expect(r.partition, text(r.key) ?? '').toBe(partitionForKey(utf8(text(r.key) ?? ''), 4));
    const byPartition = new Map<number, number[]>();
    for (const r of records) byPartition.set(r.partition, [...(byPartition.get(r.partition) ?? []), r.offset]);
    for (const offsets of byPartition.values()) expect(offsets).toEqual(offsets.map((_, i) => i));
    const alice = records.filter((r) => text(r.key) === 'alice');
    expect(alice.map((r) => text(r.value))).toEqual(['v0', 'v3', 'v6']);
    expect(new Set(alice.map((r) => r.partition)).size).toBe(1);

    const end = log.describeTopic('t')?.endOffsets ?? [];
    expect(end.reduce((a, b) => a + b, 0)).toBe(keys.length);
    log.append([rec('t', 'alice', 'v7')]);
    const p = alice[0]?.partition ?? -1;
    expect(log.describeTopic('t')?.endOffsets[p]).toBe((end[p] ?? 0) + 1);
  });

  it('puts everything in partition 0 of a single-partition topic, and key-less empty records too', async () => {
    log.createTopic('one', 1, 0);
    log.createTopic('many', 3, 0);
    log.append([rec('one', 'a', '1'), rec('one', 'zzz', '2'), rec('one', null, '3'), rec('many', null, null)]);
    expect((await log.reader('one', 'earliest').poll(10, 0)).map(brief)).toEqual(['0@0:a=1', '0@1:zzz=2', '0@2:-=3']);
    expect((await log.reader('many', 'earliest').poll(10, 0)).map(brief)).toEqual(['0@0:-=-']);
  });

  it('keeps timestamps and headers', async () => {
    log.createTopic('t', 1, 0);
    log.append([{ ...rec('t', 'k', 'v', 1234567890123), headers: [{ key: 'h', value: new Uint8Array([0, 255]) }, { key: 'n', value: null }] }]);
    const [r] = await log.reader('t', 'earliest').poll(1, 0);
    expect(r?.timestamp).toBe(1234567890123);
    expect(r?.headers).toEqual([
      { key: 'h', value: new Uint8Array([0, 255]) },
      { key: 'n', value: null },
    ]);
  });

  it('writes all or nothing: an unknown topic in the batch rolls the whole batch back', () => {
    log.createTopic('t', 1, 0);
    expect(codeOf(() => log.append([rec('t', 'a', '1'), rec('nope', 'b', '2')]))).toBe('UNKNOWN_TOPIC');
    expect(log.describeTopic('t')?.endOffsets).toEqual([0]);
  });

  it("joins the caller's transaction, so a failed batch leaves no records", () => {
    log.createTopic('t', 1, 0);
    expect(() =>
      db.transaction(() => {
        log.append([rec('t', 'a', '1')]);
        throw new Error('operator failed');
      })(),
    ).toThrow('operator failed');
    expect(log.describeTopic('t')?.endOffsets).toEqual([0]);
    db.transaction(() => log.append([rec('t', 'a', '1')]))();
    expect(log.describeTopic('t')?.endOffsets).toEqual([1]);
  });
});

describe('readers', () => {
  beforeEach(() => {
    log.createTopic('t', 2, 0);
    // Keys chosen by their partition so the layout is known.
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const p0 = keys.filter((k) => partitionForKey(utf8(k), 2) === 0).slice(0, 3);
    const p1 = keys.filter((k) => partitionForKey(utf8(k), 2) === 1).slice(0, 2);
    log.append([...p0.map((k) => rec('t', k, `p0-${k}`)), ...p1.map((k) => rec('t', k, `p1-${k}`))]);
  });

  it('from earliest read every partition in order and end caught up', async () => {
    const reader = log.reader('t', 'earliest');
    expect(reader.topic).toBe('t');
    expect(reader.positions()).toEqual(new Map([[0, 0], [1, 0]]));
    expect(reader.caughtUp()).toBe(false);
    const records = await reader.poll(100, 0);
    expect(records.map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@0', '0@1', '0@2', '1@0', '1@1']);
    expect(records.every((r) => r.topic === 't' && text(r.value)?.startsWith(`p${r.partition}-`) === true)).toBe(true);
    expect(reader.positions()).toEqual(new Map([[0, 3], [1, 2]]));
    expect(reader.caughtUp()).toBe(true);
    expect(await reader.poll(100, 0)).toEqual([]);
  });

  it('return at most maxRecords per poll, a fair share from each partition, and continue where they stopped', async () => {
    const reader = log.reader('t', 'earliest');
    expect((await reader.poll(2, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@0', '1@0']);
    expect((await reader.poll(2, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@1', '1@1']);
    expect((await reader.poll(2, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@2']);
  });

  it('fill a poll from the partitions that have more once the others are exhausted', async () => {
    const reader = log.reader('t', 'earliest');
    // Shares of 2 each: p1 has 2 records, p0 3.
    expect((await reader.poll(4, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@0', '0@1', '1@0', '1@1']);
    const k = Array.from({ length: 40 }, (_, i) => `k${i}`).filter((key) => partitionForKey(utf8(key), 2) === 0);
    log.append(k.slice(0, 3).map((key) => rec('t', key, `p0-${key}`)));
    // p0 has 4 left and p1 none: after p0's share of 2, p0 fills the poll.
    expect((await reader.poll(4, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@2', '0@3', '0@4', '0@5']);
  });

  it('from latest see only what is appended afterwards', async () => {
    const reader = log.reader('t', 'latest');
    expect(reader.positions()).toEqual(new Map([[0, 3], [1, 2]]));
    expect(reader.caughtUp()).toBe(true);
    expect(await reader.poll(10, 0)).toEqual([]);
    log.append([rec('t', null, 'new')]);
    expect(reader.caughtUp()).toBe(false);
    // A key-less record is placed by the hash of its value.
    const p = partitionForKey(utf8('new'), 2);
    expect((await reader.poll(10, 0)).map(brief)).toEqual([`${p}@${p === 0 ? 3 : 2}:-=new`]);
  });

  it('from given positions start there (missing partitions from 0), and seek moves them', async () => {
    const reader = log.reader('t', new Map([[0, 2]]));
    expect((await reader.poll(10, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@2', '1@0', '1@1']);
    reader.seek(new Map([[1, 1], [5, 0]]));
    expect(reader.positions()).toEqual(new Map([[0, 3], [1, 1]]));
    expect((await reader.poll(10, 0)).map((r) => `${r.partition}@${r.offset}`)).toEqual(['1@1']);
  });

  it('caughtUp is about the end as of now', async () => {
    const reader = log.reader('t', 'earliest');
    await reader.poll(100, 0);
    expect(reader.caughtUp()).toBe(true);
    log.append([rec('t', 'k0', 'more')]);
    expect(reader.caughtUp()).toBe(false);
    await reader.poll(100, 0);
    expect(reader.caughtUp()).toBe(true);
  });
});

describe('waiting for records', () => {
  beforeEach(() => {
    log.createTopic('t', 1, 0);
  });

  it('a waiting poll wakes as soon as another append happens', async () => {
    const reader = log.reader('t', 'earliest');
    const started = Date.now();
    const polled = reader.poll(10, 5_000);
    setTimeout(() => log.append([rec('t', 'k', 'hello')]), 20);
    const records = await polled;
    expect(records.map(brief)).toEqual(['0@0:k=hello']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('the append signal resolves a waiter at once, for its own topic only', async () => {
    log.createTopic('other', 1, 0);
    let woken = false;
    const waiting = log.signal.wait('t', 5_000).then(() => {
      woken = true;
    });
    log.append([rec('other', null, 'x')]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(woken).toBe(false);
    const started = Date.now();
    log.append([rec('t', null, 'y')]);
    await waiting;
    expect(woken).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('a wait ends after its timeout or when its signal aborts', async () => {
    let started = Date.now();
    await log.signal.wait('t', 20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const abort = new AbortController();
    started = Date.now();
    const waiting = log.signal.wait('t', 5_000, abort.signal);
    setTimeout(() => abort.abort(), 10);
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('a poll with nothing to read returns empty after waitMs, or at once when aborted', async () => {
    const reader = log.reader('t', 'earliest');
    let started = Date.now();
    expect(await reader.poll(10, 60)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    const abort = new AbortController();
    abort.abort();
    started = Date.now();
    expect(await reader.poll(10, 5_000, abort.signal)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('an append through another EmbeddedLog on the same connection wakes its readers too', async () => {
    const reader = log.reader('t', 'earliest');
    const polled = reader.poll(10, 2_000);
    const other = new EmbeddedLog(db);
    setTimeout(() => other.append([rec('t', null, 'from elsewhere')]), 10);
    expect((await polled).map(brief)).toEqual(['0@0:-=from elsewhere']);
  });

  it('sees records another connection (another process) committed, waking on its commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-log-'));
    const mine = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    const theirs = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    try {
      new EmbeddedLog(mine).createTopic('x', 1, 0);
      const reader = new EmbeddedLog(mine).reader('x', 'earliest');
      const polled = reader.poll(10, 60_000);
      setTimeout(() => new EmbeddedLog(theirs).append([rec('x', null, 'from another process')]), 10);
      expect((await polled).map(brief)).toEqual(['0@0:-=from another process']);
    } finally {
      mine.close();
      theirs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
