// ChangelogStateStore: a query's SQLite state that also records each change as a changelog record (queries with state on Kafka).

import type Database from 'better-sqlite3';
import type { KeyCondition, KeyValueStore, MaterializedRow, MaterializedTable, MaterializedTableSpec, SinkRecord, StateStore, WindowStore } from '../exec/index.js';
import type { Row, WindowBounds } from '../common/index.js';
import { encodeText, kvRecordKey, materializedRecordKey, materializedRecordValue, windowRecordKey } from './changelog-record.js';
import { ensureMaterializedTable } from './materialized-tables.js';
import { SqliteStateStore } from './sqlite-state-store.js';

/**
 * Writes go to the local SQLite state as usual and are also kept, one per entry (the last change of
 * a batch wins), as records for the changelog topic; `drain` hands them to the batch's commit,
 * which writes them in the same Kafka transaction as the outputs and input offsets.
 */
export class ChangelogStateStore implements StateStore {
  private readonly local: SqliteStateStore;
  private readonly changes = new Map<string, string | null>();
  private readonly tables = new Map<string, MaterializedTable>();

  constructor(
    private readonly db: Database.Database,
    queryId: string,
    private readonly topic: string,
  ) {
    this.local = new SqliteStateStore(db, queryId);
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

  windows(name: string): WindowStore {
    const inner = this.local.windows(name);
    return {
      get: (key, start, end) => inner.get(key, start, end),
      put: (key, start, end, value) => {
        inner.put(key, start, end, value);
        this.changes.set(windowRecordKey(name, key, start, end), JSON.stringify(value));
      },
      delete: (key, start, end) => {
        inner.delete(key, start, end);
        this.changes.set(windowRecordKey(name, key, start, end), null);
      },
      overlapping: (key, from, to) => inner.overlapping(key, from, to),
      endingBy: (bound) => inner.endingBy(bound),
    };
  }

  materialized(spec: MaterializedTableSpec): MaterializedTable {
    let table = this.tables.get(spec.name);
    if (table === undefined) {
      // A process that learned of the table from the command topic has no SQLite table for it yet.
      ensureMaterializedTable(this.db, spec);
      table = new RecordingTable(this.local.materialized(spec), spec, this.changes);
      this.tables.set(spec.name, table);
    }
    return table;
  }

  /** The changelog records of the changes since the last call. */
  drain(): SinkRecord[] {
    const now = Date.now();
    const records = [...this.changes].map(([key, value]): SinkRecord => ({ topic: this.topic, timestamp: now, key: encodeText(key), value: encodeText(value) }));
    this.changes.clear();
    return records;
  }
}

class RecordingTable implements MaterializedTable {
  constructor(
    private readonly inner: MaterializedTable,
    private readonly spec: MaterializedTableSpec,
    private readonly changes: Map<string, string | null>,
  ) {}

  upsert(row: Row, rowtime: number, window: WindowBounds | undefined): void {
    this.inner.upsert(row, rowtime, window);
    this.changes.set(materializedRecordKey(this.spec, row, window), materializedRecordValue(this.spec, row, rowtime));
  }

  delete(row: Row, window: WindowBounds | undefined): void {
    this.inner.delete(row, window);
    this.changes.set(materializedRecordKey(this.spec, row, window), null);
  }

  scan(conditions: readonly KeyCondition[]): Iterable<MaterializedRow> {
    return this.inner.scan(conditions);
  }

  expireWindows(bound: number): void {
    if (this.spec.window === null) return;
    for (const r of this.inner.scan([{ column: 'WINDOWEND', op: '<', value: bound }])) {
      this.changes.set(materializedRecordKey(this.spec, r.row, r.window), null);
    }
    this.inner.expireWindows(bound);
  }
}
