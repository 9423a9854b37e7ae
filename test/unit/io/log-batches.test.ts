// Unit tests for the embedded log's stored batches: reads from anywhere in a batch, large appends split, and the upgrade from one row per record.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SinkRecord, SourceRecord } from '../../../src/exec/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { MAX_BATCH_RECORDS } from '../../../src/io/log/log-batch.js';
import { openDataDirectory } from '../../../src/state/index.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const show = (r: SourceRecord) =>
  [
    `${r.partition}@${r.offset}`,
    `t=${r.timestamp}`,
    r.key === null ? 'k=null' : `k=${Buffer.from(r.key).toString('hex')}`,
    r.value === null ? 'v=null' : `v=${Buffer.from(r.value).toString('hex')}`,
    `h=${JSON.stringify((r.headers ?? []).map((h) => [h.key, h.value === null ? null : Buffer.from(h.value).toString('hex')]))}`,
  ].join(' ');

/** Every record of `topic` from `offset` on in partition `p`, read `step` at a time. */
function readAll(log: EmbeddedLog, topic: string, p: number, offset: number, step: number): SourceRecord[] {
  const reader = log.reader(topic, new Map([[p, offset], [1 - p, Number.MAX_SAFE_INTEGER]]));
  const out: SourceRecord[] = [];
  for (;;) {
    const batch = reader.readAvailable(step);
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

describe('stored batches', () => {
  it('are read from any offset, across batch boundaries, at any poll size, with every field as appended', () => {
    const db = openDataDirectory(':memory:', { log: LOG_MIGRATIONS });
    try {
      const log = new EmbeddedLog(db);
      log.createTopic('t', 1, 0);
      // Several appends (several stored batches) of mixed records: null keys and values, headers, binary and empty values.
      const appended: SinkRecord[] = [];
      for (let a = 0; a < 7; a++) {
        const records: SinkRecord[] = Array.from({ length: 3 + a * 5 }, (_, i) => ({
          topic: 't',
          timestamp: 1_700_000_000_000 + a * 1000 + i,
          key: i % 4 === 0 ? null : bytes(`k${a}.${i}`),
          value: i % 5 === 0 ? null : i % 7 === 0 ? new Uint8Array([0xff, 0x00, i]) : i % 9 === 0 ? new Uint8Array() : bytes(`{"a":${a},"i":${i},"s":"é🎉"}`),
          ...(i % 3 === 0 ? { headers: [{ key: 'h', value: bytes(`x${i}`) }, { key: 'n', value: null }] } : {}),
        }));
        log.append(records);
        appended.push(...records);
      }
      const expected = appended.map((r, offset) =>
        show({ topic: 't', partition: 0, offset, timestamp: r.timestamp, key: r.key, value: r.value, ...(r.headers === undefined ? {} : { headers: r.headers }) }),
      );
      expect(log.describeTopic('t')?.endOffsets).toEqual([appended.length]);
      for (const start of [0, 1, 2, 3, 4, 10, 11, 50, appended.length - 1, appended.length]) {
        for (const step of [1, 2, 7, 500]) {
          expect(readAll(log, 't', 0, start, step).map(show)).toEqual(expected.slice(start));
        }
      }
    } finally {
      db.close();
    }
  });

  it('an append larger than one stored batch is stored as several, with consecutive offsets', () => {
    const db = openDataDirectory(':memory:', { log: LOG_MIGRATIONS });
    try {
      const log = new EmbeddedLog(db);
      log.createTopic('t', 1, 0);
      const n = MAX_BATCH_RECORDS * 2 + 17;
      log.append(Array.from({ length: n }, (_, i) => ({ topic: 't', timestamp: i, key: null, value: bytes(String(i)) })));
      expect((db.prepare('SELECT COUNT(*) AS n FROM eddy_log_batches').get() as { n: number }).n).toBe(3);
      const read = readAll(log, 't', 0, 0, 333);
      expect(read.map((r) => r.offset)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(read.map((r) => Buffer.from(r.value ?? new Uint8Array()).toString())).toEqual(Array.from({ length: n }, (_, i) => String(i)));
    } finally {
      db.close();
    }
  });
});

describe('upgrading a data directory with one row per record (log schema version 1)', () => {
  it('moves every record into batches at the same offsets, with every field, and drops the old table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-log-upgrade-'));
    try {
      const old = openDataDirectory(dir, { log: LOG_MIGRATIONS.slice(0, 1) });
      old.prepare("INSERT INTO log_topics (id, name, partitions, created_at) VALUES (1, 'a', 2, 0), (2, 'b', 1, 0)").run();
      const insert = old.prepare('INSERT INTO log_records (topic_id, partition, offset, timestamp, key, value, headers) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const rows: [number, number, number, number, Buffer | null, Buffer | null, string | null][] = [];
      // Topic a: 2 500 records in partition 0 (more than two stored batches), 3 in partition 1; topic b: a gap (offsets 0, 1, 5).
      for (let o = 0; o < 2_500; o++) rows.push([1, 0, o, 1_000 + o, o % 2 === 0 ? null : Buffer.from(`k${o}`), Buffer.from(`{"o":${o}}`), null]);
      rows.push([1, 1, 0, 5, Buffer.from('k'), null, JSON.stringify([['h', Buffer.from('v').toString('base64')], ['n', null]])]);
      rows.push([1, 1, 1, 6, null, Buffer.from([0xff, 0xfe]), null]);
      rows.push([1, 1, 2, 7, null, Buffer.alloc(0), null]);
      for (const o of [0, 1, 5]) rows.push([2, 0, o, o, null, Buffer.from(`b${o}`), null]);
      old.transaction(() => rows.forEach((r) => insert.run(...r)))();
      old.close();

      const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
      try {
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'log_records'").get()).toBeUndefined();
        const log = new EmbeddedLog(db);
        expect(log.describeTopic('a')?.endOffsets).toEqual([2_500, 3]);
        expect(log.describeTopic('b')?.endOffsets).toEqual([6]);
        const read = (topic: string) => {
          const reader = log.reader(topic, 'earliest');
          const out: SourceRecord[] = [];
          for (let batch = reader.readAvailable(999); batch.length > 0; batch = reader.readAvailable(999)) out.push(...batch);
          return out.sort((x, y) => x.partition - y.partition || x.offset - y.offset);
        };
        const expected = (topicId: number) =>
          rows
            .filter((r) => r[0] === topicId)
            .map(([, partition, offset, timestamp, key, value, headers]) =>
              show({
                topic: '',
                partition,
                offset,
                timestamp,
                key,
                value,
                ...(headers === null ? {} : { headers: (JSON.parse(headers) as [string, string | null][]).map(([k, v]) => ({ key: k, value: v === null ? null : Buffer.from(v, 'base64') })) }),
              }),
            );
        expect(read('a').map(show)).toEqual(expected(1));
        expect(read('b').map(show)).toEqual(expected(2));
        // Appends continue after the moved records.
        log.append([{ topic: 'b', timestamp: 9, key: null, value: bytes('next') }]);
        expect(log.describeTopic('b')?.endOffsets).toEqual([7]);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
