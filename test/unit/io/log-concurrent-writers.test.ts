// The embedded log beside another connection on the data directory: its append waits for the lock (never SQLITE_BUSY), and a waiting reader wakes on the other's commit.

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDataDirectory } from '../../../src/state/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../../src/io/index.js';

/** A writer on its own connection (a thread stands in for another process): short IMMEDIATE transactions until told to stop. */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 10000 });
db.exec('CREATE TABLE IF NOT EXISTS other_writes (n INTEGER)');
const insert = db.prepare('INSERT INTO other_writes VALUES (?)');
const write = db.transaction((n) => insert.run(n));
let stop = false;
parentPort.on('message', () => (stop = true));
let n = 0;
const loop = () => {
  for (let i = 0; i < 50; i++) write.immediate(n++);
  if (stop) { db.close(); parentPort.postMessage(n); } else setImmediate(loop);
};
parentPort.postMessage('started');
loop();
`;

describe('embedded log with another writer on the data directory', () => {
  it('appends while another connection commits between its reads and writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-log-writers-'));
    const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    try {
      const log = new EmbeddedLog(db);
      log.createTopic('t', 2, 0);
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WRITER, { eval: true, workerData: { file: join(dir, DATABASE_FILE), driver } });
      await new Promise((resolve) => worker.once('message', resolve));
      const appends = 3000;
      for (let i = 0; i < appends; i++) {
        log.append([{ topic: 't', timestamp: i, key: Buffer.from(`k${i % 7}`), value: Buffer.from(String(i)) }]);
        if (i % 100 === 0) await new Promise((r) => setImmediate(r));
      }
      worker.postMessage('stop');
      const otherWrites = await new Promise<number>((resolve) => worker.once('message', resolve));
      expect(otherWrites).toBeGreaterThan(0);
      const ends = log.describeTopic('t')?.endOffsets ?? [];
      expect(ends.reduce((a, b) => a + b, 0)).toBe(appends);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a reader waiting on the embedded log', () => {
  it('wakes when another connection appends, long before its wait would end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-log-watch-'));
    const db = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    const other = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    try {
      const log = new EmbeddedLog(db);
      log.createTopic('t', 1, 0);
      const writer = new EmbeddedLog(other);
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        const woke = log.waitForAppend('t', 30_000);
        setTimeout(() => writer.append([{ topic: 't', timestamp: round, key: null, value: Buffer.from(String(round)) }]), 20);
        await woke;
        // Woken by the append (a timeout would take 30 s), and the record is there to read.
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(log.describeTopic('t')?.endOffsets).toEqual([round + 1]);
      }
    } finally {
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
