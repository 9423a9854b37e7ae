// ChangelogStateStore: a query's SQLite state that also records each change as a changelog record (queries with state on Kafka).

import type Database from 'better-sqlite3';
import type { KeyCondition, KeyValueStore, MaterializedRow, MaterializedTable, MaterializedTableSpec, SinkRecord, StateStore, WindowStore } from '../exec/index.js';
import type { Row, Value, WindowBounds } from '../common/index.js';
import { encodeText, kvRecordKey, MaterializedRecordEncoder, windowRecordKey, windowRecordKeyPrefix } from './changelog-record.js';
import { ensureMaterializedTable } from './materialized-tables.js';
import { SqliteStateStore } from './sqlite-state-store.js';
import { sqliteWindowStore, WindowStatements, type WindowWriteListener } from './sqlite-window-store.js';

/**
 * Writes go to the local SQLite state as usual and are also kept, one per entry (the last change of
 * a batch wins), as records for the changelog topic; `drain` hands them to the batch's commit,
 * which writes them in the same Kafka transaction as the outputs and input offsets.
 */
export class ChangelogStateStore implements StateStore {
  private readonly local: SqliteStateStore;
  private readonly windowStatements: WindowStatements;
  private readonly changes = new Map<string, ChangelogValue>();
  private readonly windowListeners = new Map<string, WindowWriteListener>();
  private readonly tables = new Map<string, MaterializedTable>();

  constructor(
    private readonly db: Database.Database,
    private readonly queryId: string,
    private readonly topic: string,
    /** Tables whose sink topic keeps their rows (restored from it): their changes need no changelog record. */
    private readonly sinkKept: ReadonlySet<string> = new Set(),
  ) {
    this.local = new SqliteStateStore(db, queryId);
    this.windowStatements = new WindowStatements(db);
  }

  keyValue(name: string): KeyValueStore {
    const inner = this.local.keyValue(name);
    return {
      get: (key) => inner.get(key),
      put: (key, value) => {
        inner.put(key, value);
        this.changes.set(kvRecordKey(name, key), JSON.stringify(value));
      },
      delete: (key) => {
        inner.delete(key);
        this.changes.set(kvRecordKey(name, key), null);
      },
    };
  }

  /** The SQLite window store, told of each write with the JSON it stored (encoded once for both). */
  windows(name: string): WindowStore {
    let listener = this.windowListeners.get(name);
    if (listener === undefined) {
      const prefix = windowRecordKeyPrefix(name);
      const changes = this.changes;
      listener = (key, start, end, json) => {
        changes.set(windowRecordKey(prefix, key, start, end), json);
      };
      this.windowListeners.set(name, listener);
    }
    // A new store object each time (callers ask once per batch): its store id is looked up again.
    return sqliteWindowStore(this.windowStatements, this.queryId, name, listener);
  }

  materialized(spec: MaterializedTableSpec): MaterializedTable {
    let table = this.tables.get(spec.name);
    if (table === undefined) {
      // A process that learned of the table from the command topic has no SQLite table for it yet.
      ensureMaterializedTable(this.db, spec);
      const local = this.local.materialized(spec);
      table = this.sinkKept.has(spec.name) ? local : new RecordingTable(local, spec, new MaterializedRecordEncoder(spec), this.changes);
      this.tables.set(spec.name, table);
    }
    return table;
  }

  /** The changelog records of the changes since the last call. */
  drain(): SinkRecord[] {
    const now = Date.now();
    const topic = this.topic;
    const records: SinkRecord[] = [];
    for (const [key, value] of this.changes) {
      const text = value === null || typeof value === 'string' ? value : value.encoder.value(value.row, value.rowtime);
      records.push({ topic, timestamp: now, key: encodeText(key), value: encodeText(text) });
    }
    this.changes.clear();
    return records;
  }
}

/**
 * A changelog record's value: its JSON, null for a tombstone, or a materialized row encoded only at
 * `drain` (a batch often upserts a row several times: only the last one becomes a record).
 */
type ChangelogValue = string | null | { readonly encoder: MaterializedRecordEncoder; readonly row: Row; readonly rowtime: number };

class RecordingTable implements MaterializedTable {
  constructor(
    private readonly inner: MaterializedTable,
    private readonly spec: MaterializedTableSpec,
    private readonly encoder: MaterializedRecordEncoder,
    private readonly changes: Map<string, ChangelogValue>,
  ) {}

  upsert(row: Row, rowtime: number, window: WindowBounds | undefined): void {
    this.inner.upsert(row, rowtime, window);
    this.changes.set(this.encoder.key(row, window), { encoder: this.encoder, row, rowtime });
  }

  delete(row: Row, window: WindowBounds | undefined): void {
    this.inner.delete(row, window);
    this.changes.set(this.encoder.key(row, window), null);
  }

  get(key: readonly Value[]): MaterializedRow | undefined {
    return this.inner.get(key);
  }

  scan(conditions: readonly KeyCondition[]): Iterable<MaterializedRow> {
    return this.inner.scan(conditions);
  }

  expireWindows(bound: number): void {
    if (this.spec.window === null) return;
    for (const r of this.inner.scan([{ column: 'WINDOWEND', op: '<', value: bound }])) {
      this.changes.set(this.encoder.key(r.row, r.window), null);
    }
    this.inner.expireWindows(bound);
  }
}
