// Unit tests for the embedded log's read-ahead: the rest of a stored batch a read stopped inside is served from memory, never a stale or uncommitted record.

import { describe, expect, it } from 'vitest';
import type { SinkRecord, SourceRecord } from '../../../src/exec/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { READ_AHEAD_RESTS } from '../../../src/io/log/read-ahead.js';
import { openDataDirectory } from '../../../src/state/index.js';
import { withLog } from './with-log.js';

const rec = (topic: string, value: string, timestamp = 1000): SinkRecord => ({ topic, timestamp, key: null, value: new Uint8Array(Buffer.from(value, 'utf8')) });
const texts = (records: readonly SourceRecord[]): string[] => records.map((r) => `${r.offset}=${Buffer.from(r.value ?? []).toString('utf8')}`);
const expected = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `${from + i}=${prefix}${from + i}`);
/** One stored batch of `n` records (an append of up to 1 000 records to one partition is one batch). */
const batch = (topic: string, prefix: string, n: number, timestamp = 1000): SinkRecord[] => Array.from({ length: n }, (_, i) => rec(topic, `${prefix}${i}`, timestamp));

function readAll(log: EmbeddedLog, topic: string, from: number, per: number): SourceRecord[] {
  const reader = log.reader(topic, new Map([[0, from]]));
  const out: SourceRecord[] = [];
  for (let got = reader.readAvailable(per); got.length > 0; got = reader.readAvailable(per)) out.push(...got);
  return out;
}

describe('read-ahead of the embedded log', () => {
  it('a read that stops inside a stored batch keeps the rest: the next reads of the partition get it without SQLite', () => {
    withLog((log, _dir, db) => {
      log.createTopic('t', 1, 0);
      log.append(batch('t', 'v', 1000));
      const reader = log.reader('t', 'earliest');
      expect(texts(reader.readAvailable(300))).toEqual(expected('v', 0, 300));
      // Behind the log's back (this connection: nothing tells the log): the kept rest is all that is left to read.
      db.exec('DELETE FROM eddy_log_batches');
      expect(texts(reader.readAvailable(300))).toEqual(expected('v', 300, 600));
      expect(texts(reader.readAvailable(1000))).toEqual(expected('v', 600, 1000));
      expect(reader.readAvailable(1000)).toEqual([]);
    });
  });

  it('readers of one partition at different offsets keep their rests apart', () => {
    withLog((log, _dir, db) => {
      log.createTopic('t', 1, 0);
      log.append(batch('t', 'a', 1000));
      log.append(batch('t', 'b', 1000));
      const ahead = log.reader('t', new Map([[0, 1000]]));
      const behind = log.reader('t', 'earliest');
      expect(ahead.readAvailable(100)).toHaveLength(100);
      expect(behind.readAvailable(100)).toHaveLength(100);
      db.exec('DELETE FROM eddy_log_batches');
      expect(texts(ahead.readAvailable(100))).toEqual(expected('b', 100, 200).map((t) => t.replace(/^\d+/, (o) => String(Number(o) + 1000))));
      expect(texts(behind.readAvailable(100))).toEqual(expected('a', 100, 200));
    });
  });

  it('reads of every size across stored batches return each record once, in order', () => {
    withLog((log) => {
      log.createTopic('t', 1, 0);
      for (const n of [1000, 7, 1000, 1, 350]) log.append(batch('t', 'x', n));
      const all = readAll(log, 't', 0, 5000).map((r) => r.offset);
      expect(all).toEqual(Array.from({ length: 2358 }, (_, i) => i));
      for (const per of [1, 3, 250, 499, 999, 1001]) {
        expect(readAll(log, 't', 0, per).map((r) => r.offset)).toEqual(all);
        expect(readAll(log, 't', 123, per).map((r) => r.offset)).toEqual(all.slice(123));
      }
    });
  });

  it('records read inside a transaction that rolls back are never served afterwards', () => {
    withLog((log, _dir, db) => {
      log.createTopic('t', 1, 0);
      expect(() =>
        db.transaction(() => {
          log.append(batch('t', 'gone', 1000));
          expect(texts(log.reader('t', 'earliest').readAvailable(300))).toEqual(expected('gone', 0, 300));
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      log.append(batch('t', 'kept', 1000));
      expect(texts(readAll(log, 't', 300, 200))).toEqual(expected('kept', 300, 1000));
    });
  });

  it('a topic deleted and created again (by this connection or another one) is read anew', () => {
    withLog((log, dir, db) => {
      log.createTopic('t', 1, 0);
      log.append(batch('t', 'old', 1000));
      const idBefore = db.prepare<[], number>("SELECT id FROM log_topics WHERE name = 't'").pluck().get();
      expect(texts(log.reader('t', 'earliest').readAvailable(300))).toEqual(expected('old', 0, 300));
      log.deleteTopic('t');
      log.createTopic('t', 1, 0);
      log.append(batch('t', 'mine', 1000));
      expect(texts(log.reader('t', new Map([[0, 300]])).readAvailable(200))).toEqual(expected('mine', 300, 500));

      const other = openDataDirectory(dir, { log: LOG_MIGRATIONS });
      try {
        const theirs = new EmbeddedLog(other);
        theirs.deleteTopic('t');
        theirs.createTopic('t', 1, 0);
        theirs.append(batch('t', 'theirs', 1000));
      } finally {
        other.close();
      }
      // SQLite gave the new topic the old one's id: only the data version tells the records apart.
      expect(db.prepare<[], number>("SELECT id FROM log_topics WHERE name = 't'").pluck().get()).toBe(idBefore);
      expect(texts(log.reader('t', new Map([[0, 500]])).readAvailable(200))).toEqual(expected('theirs', 500, 700));
    });
  });

  it('retention that deletes stored batches drops what was kept', () => {
    withLog((log) => {
      log.createTopic('t', 1, 0, { retentionMs: 1_000 });
      log.append(batch('t', 'a', 1000, 1_000));
      log.append(batch('t', 'b', 10, 50_000));
      const reader = log.reader('t', 'earliest');
      expect(reader.readAvailable(300)).toHaveLength(300);
      expect(log.enforceRetention(10_000)).toBe(1000);
      // Kafka's reader past a deleted segment goes on at the log's start; so does this one.
      expect(texts(reader.readAvailable(100))).toEqual(Array.from({ length: 10 }, (_, i) => `${1000 + i}=b${i}`));
    });
  });

  it('more partitions read at once than it keeps: each is still read whole and in order', () => {
    withLog((log) => {
      const partitions = READ_AHEAD_RESTS + 6;
      for (let t = 0; t < partitions; t++) {
        log.createTopic(`t${t}`, 1, 0);
        log.append(batch(`t${t}`, `${t}:`, 1000));
      }
      const readers = Array.from({ length: partitions }, (_, t) => log.reader(`t${t}`, 'earliest'));
      const got = readers.map(() => [] as string[]);
      for (let round = 0; round < 5; round++) readers.forEach((r, t) => got[t]?.push(...texts(r.readAvailable(200))));
      got.forEach((values, t) => expect(values).toEqual(expected(`${t}:`, 0, 1000)));
    });
  });
});
