// Batch SQL over the log's records: a TEMP table `log_records` (topic_id, partition, offset, timestamp, key, value) copied from the embedded log.

import type Database from 'better-sqlite3';
import { EmbeddedLog } from '../../src/io/index.js';

/**
 * The embedded log stores packed batches, which SQL cannot read; the gates' batch SQL reads one
 * row per record from `log_records`, so this copies every topic's records into a TEMP table of that
 * name on `db` (the gate's own connection; gone when it closes).
 */
export function recordsForBatchSql(db: Database.Database): void {
  db.exec(`CREATE TEMP TABLE log_records (topic_id INTEGER, partition INTEGER, offset INTEGER, timestamp INTEGER, key BLOB, value BLOB)`);
  const log = new EmbeddedLog(db);
  const ids = db.prepare<[string], { id: number }>('SELECT id FROM log_topics WHERE name = ?');
  const insert = db.prepare<[number, number, number, number, Uint8Array | null, Uint8Array | null]>('INSERT INTO temp.log_records VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const { name } of log.listTopics()) {
      const id = ids.get(name)?.id as number;
      const reader = log.reader(name, 'earliest');
      for (;;) {
        const records = reader.readAvailable(50_000);
        if (records.length === 0) break;
        for (const r of records) insert.run(id, r.partition, r.offset, r.timestamp, r.key, r.value);
      }
    }
  })();
}
