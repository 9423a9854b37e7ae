// state: SQLite-backed persistence — the data directory, catalog, offsets, leases, operator state.

export { openDataDirectory, DATABASE_FILE } from './data-directory.js';
export { migrate } from './migrate.js';
export { CatalogStore } from './catalog-store.js';
export { OffsetStore } from './offset-store.js';
export { QueryLeases, type LeaseHolder } from './query-leases.js';
export { SqliteStateStore, dropQueryState, queryMetric } from './sqlite-state-store.js';
export { SqliteMaterializedTable, materializedTableDdl } from './sqlite-materialized-table.js';
export { ChangelogStateStore } from './changelog-state-store.js';
export { SqliteStateRestorer } from './sqlite-state-restorer.js';
export { replayMaterializedTable, replaySinkKeptTable } from './replay-materialized-table.js';
export { applySinkRecords, sinkFormatsKeepRows, type SinkKeptTable } from './sink-kept-table.js';
export { addMaterializedColumns, createMaterializedTable, dropMaterializedTable, dumpMaterializedTable, materializedNameProblem } from './materialized-tables.js';
export { ProcessingLogStore, type StoredProcessingLogEntry } from './processing-log-store.js';
export { MemoryStateStore } from './memory-state-store.js';
export { AppliedFilesStore, type AppliedFile } from './applied-files-store.js';
export { QueryMetricsStore, queryStateSize, RATE_WINDOW_MS, type BatchMetrics, type StoredQueryMetrics } from './query-metrics-store.js';
export { WalCheckpointer } from './wal-checkpointer.js';
