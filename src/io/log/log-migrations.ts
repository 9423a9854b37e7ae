// LOG_MIGRATIONS: the SQLite tables of the embedded log (topics and their records), in order.

import type Database from 'better-sqlite3';
import { decodeHeaders, encodeBatch, MAX_BATCH_RECORDS, type BatchEntry } from './log-batch.js';

/** A schema step: SQL, or a function run in the migrating transaction (for data SQL alone cannot move). */
export type LogMigration = string | ((db: Database.Database) => void);

export const LOG_MIGRATIONS: readonly LogMigration[] = [
  // 1: one row per record (until version 2).
  `CREATE TABLE log_topics (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     partitions INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     config TEXT NOT NULL DEFAULT '{}'
   );
   CREATE TABLE log_records (
     topic_id INTEGER NOT NULL,
     partition INTEGER NOT NULL,
     offset INTEGER NOT NULL,
     timestamp INTEGER NOT NULL,
     key BLOB,
     value BLOB,
     headers TEXT,
     PRIMARY KEY (topic_id, partition, offset)
   ) WITHOUT ROWID;`,
  // 2: one row per appended batch of a partition (log-batch.ts), keyed by its last offset; the records move over.
  (db) => {
    db.exec(`CREATE TABLE eddy_log_batches (
       topic_id INTEGER NOT NULL,
       partition INTEGER NOT NULL,
       last_offset INTEGER NOT NULL,
       base_offset INTEGER NOT NULL,
       records BLOB NOT NULL,
       PRIMARY KEY (topic_id, partition, last_offset)
     )`);
    moveRecordsToBatches(db);
    db.exec('DROP TABLE log_records');
  },
];

interface RecordRow {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: string | null;
}

/** Version 1's records, per partition in offset order, as batches of up to MAX_BATCH_RECORDS consecutive offsets. */
function moveRecordsToBatches(db: Database.Database): void {
  const partitions = db.prepare<[], { topic_id: number; partition: number }>('SELECT DISTINCT topic_id, partition FROM log_records').all();
  const page = db.prepare<[number, number, number, number], RecordRow>(
    'SELECT offset, timestamp, key, value, headers FROM log_records WHERE topic_id = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?',
  );
  const insert = db.prepare<[number, number, number, number, Buffer]>('INSERT INTO eddy_log_batches (topic_id, partition, last_offset, base_offset, records) VALUES (?, ?, ?, ?, ?)');
  for (const { topic_id: topic, partition } of partitions) {
    let from = 0;
    for (;;) {
      const rows = page.all(topic, partition, from, MAX_BATCH_RECORDS);
      if (rows.length === 0) break;
      // A batch's offsets are consecutive: a gap (never written by Eddy, but possible by hand) starts a new one.
      let start = 0;
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && (rows[i] as RecordRow).offset === (rows[i - 1] as RecordRow).offset + 1) continue;
        const run = rows.slice(start, i);
        insert.run(topic, partition, (run[run.length - 1] as RecordRow).offset, (run[0] as RecordRow).offset, encodeBatch(run.map(entry)));
        start = i;
      }
      from = (rows[rows.length - 1] as RecordRow).offset + 1;
    }
  }
}

function entry(r: RecordRow): BatchEntry {
  return { timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers === null ? undefined : decodeHeaders(r.headers) };
}
