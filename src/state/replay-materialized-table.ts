// replayMaterializedTable: a table's rows rebuilt from its query's changelog (or its sink topic) in a scratch SQLite database (pull queries on Kafka).

import Database from 'better-sqlite3';
import type { MaterializedTable, MaterializedTableSpec, SourceRecord } from '../exec/index.js';
import { applyMaterializedEntry, decodeChangelogRecord } from './changelog-record.js';
import { ensureMaterializedTable } from './materialized-tables.js';
import { applySinkRecords, type SinkKeptTable } from './sink-kept-table.js';
import { SqliteMaterializedTable } from './sqlite-materialized-table.js';

/**
 * When the query keeping a table current runs in another process, this process's SQLite table is
 * not current; the changelog topic (read_committed) is. Its rows for `spec` are replayed into an
 * in-memory database, which the caller closes with `close` when the pull query is done.
 */
export function replayMaterializedTable(spec: MaterializedTableSpec, records: readonly SourceRecord[]): { table: MaterializedTable; close: () => void } {
  const db = new Database(':memory:');
  ensureMaterializedTable(db, spec);
  const table = new SqliteMaterializedTable(db, spec);
  db.transaction(() => {
    for (const record of records) {
      const entry = decodeChangelogRecord(record);
      if (entry?.kind === 'm' && entry.table === spec.name) applyMaterializedEntry(table, spec, entry);
    }
  })();
  return { table, close: () => db.close() };
}

/** The same for a table its sink topic keeps: `records` are the sink topic's (read_committed, in offset order per partition). */
export function replaySinkKeptTable(kept: SinkKeptTable, records: readonly SourceRecord[]): { table: MaterializedTable; close: () => void } {
  const db = new Database(':memory:');
  ensureMaterializedTable(db, kept.spec);
  const table = new SqliteMaterializedTable(db, kept.spec);
  db.transaction(() => applySinkRecords(table, kept, records))();
  return { table, close: () => db.close() };
}
