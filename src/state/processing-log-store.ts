// ProcessingLogStore: skipped records, kept in SQLite (written inside the batch's transaction).

import type Database from 'better-sqlite3';
import type { ProcessingLogEntry } from '../exec/index.js';

export interface StoredProcessingLogEntry extends ProcessingLogEntry {
  readonly loggedAt: number;
}

export class ProcessingLogStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<[number, string, string, number, number, string, string | null]>(
        'INSERT INTO processing_log (logged_at, query_id, topic, partition, offset, message, record) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      recent: db.prepare<[number], { logged_at: number; query_id: string; topic: string; partition: number; offset: number; message: string; record: string | null }>(
        'SELECT logged_at, query_id, topic, partition, offset, message, record FROM processing_log ORDER BY id DESC LIMIT ?',
      ),
      countFor: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM processing_log WHERE query_id = ?'),
    };
  }

  append(entry: ProcessingLogEntry, now: number): void {
    this.statements.insert.run(now, entry.queryId, entry.topic, entry.partition, entry.offset, entry.message, entry.record);
  }

  recent(limit: number): StoredProcessingLogEntry[] {
    return this.statements.recent.all(limit).map((r) => ({
      loggedAt: r.logged_at,
      queryId: r.query_id,
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      message: r.message,
      record: r.record,
    }));
  }

  countFor(queryId: string): number {
    return this.statements.countFor.get(queryId)?.n ?? 0;
  }
}
