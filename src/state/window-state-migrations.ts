// WINDOW_STATE_MIGRATIONS: the window stores of windowed and session aggregations (component `state-windows`).
//
// Eddy's own tables added from here on start with `eddy_`; that prefix is reserved, so a user's
// table (materialized under its own name) can never collide with a later internal table.

export const WINDOW_STATE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE eddy_state_windows (
     query_id TEXT NOT NULL, store TEXT NOT NULL, key TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (query_id, store, key, start_ms, end_ms)
   ) WITHOUT ROWID;
   CREATE INDEX eddy_state_windows_by_end ON eddy_state_windows (query_id, store, end_ms, start_ms, key);`,
];
