// STATE_MIGRATIONS: catalog, consumer offsets, query leases, operator state, the processing log, applied files.

export const STATE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE catalog_sources (name TEXT PRIMARY KEY, definition TEXT NOT NULL);
   CREATE TABLE catalog_queries (id TEXT PRIMARY KEY, definition TEXT NOT NULL);
   CREATE TABLE catalog_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
   CREATE TABLE consumer_offsets (
     group_id TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, next_offset INTEGER NOT NULL,
     PRIMARY KEY (group_id, topic, partition)
   ) WITHOUT ROWID;
   CREATE TABLE query_leases (
     query_id TEXT PRIMARY KEY, owner TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL, heartbeat_at INTEGER NOT NULL
   );
   CREATE TABLE state_kv (
     query_id TEXT NOT NULL, store TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
     PRIMARY KEY (query_id, store, key)
   ) WITHOUT ROWID;
   CREATE TABLE processing_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT, logged_at INTEGER NOT NULL, query_id TEXT NOT NULL, topic TEXT NOT NULL,
     partition INTEGER NOT NULL, offset INTEGER NOT NULL, message TEXT NOT NULL, record TEXT
   );`,
  // 2: the definition files `eddy apply` applied (path, content hash, when).
  `CREATE TABLE applied_files (
     path TEXT PRIMARY KEY, hash TEXT NOT NULL, applied_at INTEGER NOT NULL, statements INTEGER NOT NULL
   );`,
  // 3: CREATE TYPE aliases.
  `CREATE TABLE catalog_types (name TEXT PRIMARY KEY, definition TEXT NOT NULL);`,
  // 4: per query with state on Kafka, the changelog end its local state was checkpointed at (a clean stop).
  `CREATE TABLE state_checkpoints (query_id TEXT PRIMARY KEY, changelog_end INTEGER NOT NULL);`,
];
