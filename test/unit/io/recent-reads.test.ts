// Unit tests for the embedded log's recent reads: readers following one another get the records from memory, never a stale or uncommitted one.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Value } from '../../../src/common/index.js';
import type { SinkRecord, SourceRecord } from '../../../src/exec/index.js';
import { EmbeddedLog, formatCodecs, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { RECENT_RECORDS } from '../../../src/io/log/recent-reads.js';
import { openDataDirectory } from '../../../src/state/index.js';
import { withLog } from './with-log.js';

const rec = (topic: string, value: string): SinkRecord => ({ topic, timestamp: 1000, key: null, value: new Uint8Array(Buffer.from(value, 'utf8')) });
const values = (records: readonly SourceRecord[]): string[] => records.map((r) => `${r.partition}@${r.offset}=${Buffer.from(r.value ?? []).toString('utf8')}`);

describe('recent reads of the embedded log', () => {
  it('a reader following another gets the same records, the very objects the first one read, once the partition is read twice', () => {
    withLog((log, _dir, db) => {
      log.createTopic('t', 1, 0);
      log.append(Array.from({ length: 40 }, (_, i) => rec('t', `v${i}`)));
      const leader = log.reader('t', 'earliest');
      // Another EmbeddedLog on the same connection (as every query of a process has): the kept records are the connection's.
      const follower = new EmbeddedLog(db).reader('t', 'earliest');
      // A partition with one reader keeps nothing: the follower's first read is from SQLite (and tells the log it has two).
      const alone = leader.readAvailable(10);
      expect(values(follower.readAvailable(10))).toEqual(values(alone));
      const first = [leader.readAvailable(10), leader.readAvailable(10)];
      const second = [follower.readAvailable(10), follower.readAvailable(10)];
      expect(second.map(values)).toEqual(first.map(values));
      second.forEach((batch, b) => batch.forEach((r, i) => expect(r).toBe(first[b]?.[i])));
      // Past what the leader read, the follower reads SQLite (and reaches the end as the leader would).
      const rest = follower.readAvailable(100);
      expect(values(rest)).toEqual(Array.from({ length: 10 }, (_, i) => `0@${30 + i}=v${30 + i}`));
      expect(values(leader.readAvailable(100))).toEqual(values(rest));
    });
  });

  it('a reader far behind (more than the records kept) still reads every record, in order', () => {
    withLog((log) => {
      log.createTopic('t', 1, 0);
      const n = 2 * RECENT_RECORDS + 100;
      log.append(Array.from({ length: n }, (_, i) => rec('t', `v${i}`)));
      const leader = log.reader('t', 'earliest');
      log.reader('t', 'earliest').readAvailable(1);
      while (leader.readAvailable(1000).length > 0);
      const behind = log.reader('t', 'earliest');
      const got: string[] = [];
      for (let batch = behind.readAvailable(700); batch.length > 0; batch = behind.readAvailable(700)) got.push(...values(batch));
      expect(got).toEqual(Array.from({ length: n }, (_, i) => `0@${i}=v${i}`));
    });
  });

  it('a deleted topic re-created under the same id serves its new records, not the old ones kept', () => {
    withLog((log) => {
      log.createTopic('t', 1, 0);
      log.append([rec('t', 'old0'), rec('t', 'old1')]);
      // Read twice: the second read makes the partition one whose records are kept.
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=old0', '0@1=old1']);
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=old0', '0@1=old1']);
      log.deleteTopic('t');
      log.createTopic('t', 1, 0);
      log.append([rec('t', 'new0'), rec('t', 'new1')]);
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=new0', '0@1=new1']);
    });
  });

  it('a topic deleted and re-created by another connection (another process) is read afresh', () => {
    withLog((log, dir) => {
      log.createTopic('t', 1, 0);
      log.append([rec('t', 'old0'), rec('t', 'old1')]);
      // Read twice: the second read makes the partition one whose records are kept.
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=old0', '0@1=old1']);
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=old0', '0@1=old1']);
      const other = openDataDirectory(dir, { log: LOG_MIGRATIONS });
      try {
        const theirs = new EmbeddedLog(other);
        theirs.deleteTopic('t');
        theirs.createTopic('t', 1, 0);
        theirs.append([rec('t', 'new0'), rec('t', 'new1')]);
      } finally {
        other.close();
      }
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=new0', '0@1=new1']);
    });
  });

  it('records read inside a transaction that rolls back are not served afterwards', () => {
    withLog((log, _dir, db) => {
      log.createTopic('t', 1, 0);
      log.append([rec('t', 'kept')]);
      // Two readers: records of this partition are kept from now on.
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=kept']);
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=kept']);
      expect(() =>
        db.transaction(() => {
          log.append([rec('t', 'rolled back')]);
          expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=kept', '0@1=rolled back']);
          throw new Error('abort');
        })(),
      ).toThrow('abort');
      log.append([rec('t', 'committed')]);
      expect(values(log.reader('t', 'earliest').readAvailable(10))).toEqual(['0@0=kept', '0@1=committed']);
    });
  });

  it("a record's value is parsed once for every JSON decoder that reads it, with each decoder's columns", () => {
    withLog((log) => {
      log.createTopic('t', 1, 0);
      log.append([rec('t', '{"A": 1, "B": "x", "C": 9007199254740993}')]);
      const [record] = log.reader('t', 'earliest').readAvailable(1);
      if (record === undefined) throw new Error('no record');
      const schema = {
        columns: [
          { name: 'A', type: SqlTypes.INT, namespace: 'value' as const },
          { name: 'B', type: SqlTypes.STRING, namespace: 'value' as const },
          { name: 'C', type: SqlTypes.BIGINT, namespace: 'value' as const },
        ],
      };
      const formats = { keyFormat: 'NONE' as const, valueFormat: 'JSON' as const, wrapSingleValue: true };
      const all: Value[] = [];
      const some: Value[] = [];
      let parses = 0;
      const parsed = record.parsedText?.bind(record);
      if (parsed === undefined) throw new Error('the log record keeps no parse');
      (record as { parsedText: typeof parsed }).parsedText = (parse) =>
        parsed((text) => {
          parses++;
          return parse(text);
        });
      expect(formatCodecs.decoder(schema, formats, null).decode(record, all)).toBeNull();
      expect(formatCodecs.decoder(schema, formats, [1, 2]).decode(record, some)).toBeNull();
      expect(all).toEqual([1, 'x', 9007199254740993n]);
      expect(some).toEqual([null, 'x', 9007199254740993n]);
      expect(parses).toBe(1);
    });
  });
});
