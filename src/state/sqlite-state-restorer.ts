// SqliteStateRestorer: rebuilds a query's local SQLite state from its changelog topic, and keeps its checkpoint.

import type Database from 'better-sqlite3';
import { assertNever } from '../common/index.js';
import type { MaterializedTableSpec, SourceRecord } from '../exec/index.js';
import { applyMaterializedEntry, decodeChangelogRecord } from './changelog-record.js';
import { ensureMaterializedTable } from './materialized-tables.js';
import { applySinkRecords, type SinkKeptTable } from './sink-kept-table.js';
import { quoteSqlName } from './sqlite-values.js';
import { dropQueryState, SqliteStateStore } from './sqlite-state-store.js';

/**
 * The io layer's StateRestorer over the data directory's database. The checkpoint (the changelog's
 * end offset when local state last equalled it) is written only at a clean stop and cleared as soon
 * as the query runs again, so after a crash the state is always rebuilt from the changelog.
 */
export class SqliteStateRestorer {
  private readonly store: SqliteStateStore;
  private readonly specs: ReadonlyMap<string, MaterializedTableSpec>;
  /** Sink topic → the table it keeps. */
  private readonly sinkKept: ReadonlyMap<string, SinkKeptTable>;

  constructor(
    private readonly db: Database.Database,
    private readonly queryId: string,
    /** The tables the query materializes (its changelog holds their rows too). */
    tables: readonly MaterializedTableSpec[],
    /** Reports how the state was brought up to date (the engine logs it). */
    private readonly onRestored: (topic: string, replayed: number | null) => void,
    /**
     * Tables among `tables` whose sink topics keep their rows: rebuilt from those topics, so the
     * changelog's 'm' records for them (written by older versions) are skipped.
     */
    sinkKept: readonly SinkKeptTable[] = [],
  ) {
    this.store = new SqliteStateStore(db, queryId);
    this.specs = new Map(tables.map((t) => [t.name, t]));
    this.sinkKept = new Map(sinkKept.map((k) => [k.topic, k]));
  }

  checkpoint(): number | null {
    const row = this.db.prepare<[string], { changelog_end: number }>('SELECT changelog_end FROM state_checkpoints WHERE query_id = ?').get(this.queryId);
    return row === undefined ? null : row.changelog_end;
  }

  recordCheckpoint(end: number | null): void {
    if (end === null) this.db.prepare('DELETE FROM state_checkpoints WHERE query_id = ?').run(this.queryId);
    else this.db.prepare('INSERT OR REPLACE INTO state_checkpoints (query_id, changelog_end) VALUES (?, ?)').run(this.queryId, end);
  }

  restored(topic: string, replayed: number | null): void {
    this.onRestored(topic, replayed);
  }

  reset(): void {
    this.db.transaction(() => {
      dropQueryState(this.db, this.queryId);
      for (const spec of this.specs.values()) {
        ensureMaterializedTable(this.db, spec);
        this.db.exec(`DELETE FROM ${quoteSqlName(spec.name)}`);
      }
    }).immediate();
  }

  tableTopics(): readonly string[] {
    return [...this.sinkKept.keys()];
  }

  resetTableTopics(): void {
    this.db.transaction(() => {
      for (const kept of this.sinkKept.values()) {
        ensureMaterializedTable(this.db, kept.spec);
        this.db.exec(`DELETE FROM ${quoteSqlName(kept.spec.name)}`);
      }
    }).immediate();
  }

  applyTableTopic(topic: string, records: readonly SourceRecord[]): void {
    const kept = this.sinkKept.get(topic);
    if (kept === undefined) return;
    const table = this.store.materialized(kept.spec);
    this.db.transaction(() => applySinkRecords(table, kept, records)).immediate();
  }

  apply(records: readonly SourceRecord[]): void {
    const keptNames = new Set([...this.sinkKept.values()].map((k) => k.spec.name));
    this.db.transaction(() => {
      for (const record of records) {
        const entry = decodeChangelogRecord(record);
        if (entry === null) continue;
        switch (entry.kind) {
          case 'kv':
            if (entry.value === null) this.store.keyValue(entry.store).delete(entry.key);
            else this.store.keyValue(entry.store).put(entry.key, entry.value);
            break;
          case 'w':
            if (entry.value === null) this.store.windows(entry.store).delete(entry.key, entry.start, entry.end);
            else this.store.windows(entry.store).put(entry.key, entry.start, entry.end, entry.value);
            break;
          case 'm': {
            const spec = this.specs.get(entry.table);
            if (spec === undefined || keptNames.has(entry.table)) break;
            applyMaterializedEntry(this.store.materialized(spec), spec, entry);
            break;
          }
          default:
            assertNever(entry, 'changelog entry');
        }
      }
    }).immediate();
  }
}
