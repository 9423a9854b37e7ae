// The embedded log's retention: RETENTION_MS deletes whole old batches (never a partition's last), readers go on from the new start, and the engine applies it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { openDataDirectory } from '../../../src/state/index.js';

const record = (t: number, v: string) => ({ topic: 'events', timestamp: t, key: null, value: Buffer.from(v) });
const values = (log: EmbeddedLog, start: 'earliest' | Map<number, number>) =>
  log
    .reader('events', start)
    .readAvailable(100)
    .map((r) => `${r.offset}:${Buffer.from(r.value ?? new Uint8Array()).toString()}`);

describe('embedded log retention', () => {
  it('deletes the batches whose newest record is older than the retention, up to the first that is not, never the last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-retention-'));
    const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    try {
      const log = new EmbeddedLog(db);
      log.createTopic('events', 1, 0, { retentionMs: 1_000 });
      log.createTopic('kept', 1, 0);
      log.append([record(100, 'a'), record(200, 'b')]);
      // A batch with one recent record is kept whole, and so is everything after it.
      log.append([record(300, 'c'), record(5_000, 'd')]);
      log.append([record(400, 'e')]);
      log.append([record(500, 'f')]);
      log.append([{ ...record(100, 'old'), topic: 'kept' }]);
      expect(log.enforceRetention(5_200)).toBe(2);
      expect(values(log, 'earliest')).toEqual(['2:c', '3:d', '4:e', '5:f']);
      // A reader whose position was deleted goes on from the new start.
      expect(values(log, new Map([[0, 1]]))).toEqual(['2:c', '3:d', '4:e', '5:f']);
      expect(log.enforceRetention(100_000)).toBe(3);
      // The last batch holds the end offset: appends go on from there.
      expect(values(log, 'earliest')).toEqual(['5:f']);
      log.append([record(100_000, 'g')]);
      expect(log.describeTopic('events')?.endOffsets).toEqual([7]);
      expect(values(log, 'earliest')).toEqual(['5:f', '6:g']);
      // A topic without retention keeps everything.
      expect(log.reader('kept', 'earliest').readAvailable(10)).toHaveLength(1);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is applied by a running engine to topics created WITH (RETENTION_MS = …), not to compact-only or unset ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-retention-engine-'));
    let now = 1_000;
    const open = () => Engine.open({ dataDir: dir, clock: { now: () => now }, logger: { info: () => undefined, warn: () => undefined } });
    const run = async (engine: Engine, sql: string) => {
      for (const s of engine.parse(sql)) await engine.execute(s);
    };
    try {
      const first = open();
      await run(
        first,
        `CREATE STREAM short (v INT) WITH (KAFKA_TOPIC = 'short', PARTITIONS = 1, VALUE_FORMAT = 'JSON', RETENTION_MS = 1000);
         CREATE STREAM compacted (k INT KEY, v INT) WITH (KAFKA_TOPIC = 'compacted', PARTITIONS = 1, VALUE_FORMAT = 'JSON', RETENTION_MS = 1000, CLEANUP_POLICY = 'compact');
         CREATE STREAM forever (v INT) WITH (KAFKA_TOPIC = 'forever', PARTITIONS = 1, VALUE_FORMAT = 'JSON');`,
      );
      for (const v of [1, 2, 3]) {
        now += 1_000;
        await run(first, `INSERT INTO short (v) VALUES (${v}); INSERT INTO compacted (k, v) VALUES (${v}, ${v}); INSERT INTO forever (v) VALUES (${v});`);
      }
      await first.close();
      now += 1_500;
      const second = open();
      await second.close();
      const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
      try {
        const log = new EmbeddedLog(db);
        const count = (topic: string) => log.reader(topic, 'earliest').readAvailable(100).length;
        expect([count('short'), count('compacted'), count('forever')]).toEqual([1, 3, 3]);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
