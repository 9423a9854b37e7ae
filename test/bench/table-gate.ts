// W9's and W11's correctness gate: the engine's SQLite table `OUT` against SQLite batch SQL over the raw bids.

import { LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import { recordsForBatchSql } from './batch-sql-input.js';
import type { TableKey } from './workloads.js';

/** The engine's SQLite table equals `COUNT(*)` and `MAX(price)` per key computed by batch SQL over every bid in the log. */
export function tableMatchesBatchSql(dataDir: string, key: TableKey): { correct: boolean; keys: number } {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  try {
    recordsForBatchSql(db);
    const actual = db.prepare(`SELECT ${key.column}, N, MAXPRICE FROM OUT ORDER BY ${key.column}`).raw(true).all();
    const expected = db
      .prepare(
        `SELECT ${key.batchSql} AS b, COUNT(*), MAX(json_extract(CAST(value AS TEXT), '$.price'))
         FROM log_records WHERE topic_id = (SELECT id FROM log_topics WHERE name = 'bid') GROUP BY b ORDER BY b`,
      )
      .raw(true)
      .all();
    return { correct: JSON.stringify(actual) === JSON.stringify(expected), keys: actual.length };
  } finally {
    db.close();
  }
}
