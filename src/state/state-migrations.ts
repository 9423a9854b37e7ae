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
  // 5: key-value state keyed by an integer store id (eddy_kv_stores) instead of the query id and
  // store name texts in every row; entries move over here, and state_kv stays readable as a view.
  `CREATE TABLE eddy_kv_stores (
     id INTEGER PRIMARY KEY AUTOINCREMENT, query_id TEXT NOT NULL, store TEXT NOT NULL, UNIQUE (query_id, store)
   );
   INSERT INTO eddy_kv_stores (query_id, store) SELECT DISTINCT query_id, store FROM state_kv ORDER BY query_id, store;
   CREATE TABLE eddy_kv_entries (
     store_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (store_id, key)
   ) WITHOUT ROWID;
   INSERT INTO eddy_kv_entries (store_id, key, value)
     SELECT s.id, k.key, k.value FROM state_kv k JOIN eddy_kv_stores s ON s.query_id = k.query_id AND s.store = k.store;
   DROP TABLE state_kv;
   CREATE VIEW state_kv AS
     SELECT s.query_id AS query_id, s.store AS store, e.key AS key, e.value AS value
     FROM eddy_kv_entries e JOIN eddy_kv_stores s ON s.id = e.store_id;`,
];
