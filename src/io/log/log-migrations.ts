// LOG_MIGRATIONS: the SQLite tables of the embedded log (topics and their records), in order.

export const LOG_MIGRATIONS: readonly string[] = [
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
];
