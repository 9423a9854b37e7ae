// SqliteWindowStore: exec's WindowStore port over the eddy_state_windows table.

import type Database from 'better-sqlite3';
import type { WindowEntry, WindowStore } from '../exec/index.js';

interface EntryRow {
  key: string;
  start_ms: number;
  end_ms: number;
  value: string;
}

/** Told of each write with the entry's stored JSON, or null when it was deleted (the changelog records them). */
export type WindowWriteListener = (key: string, start: number, end: number, json: string | null) => void;

/** The prepared statements of all window stores of one database. */
export class WindowStatements {
  readonly get;
  readonly put;
  readonly delete;
  readonly overlapping;
  readonly endingBy;
  readonly keysEndingBy;
  readonly deleteEndingBy;
  readonly dropQuery;

  constructor(db: Database.Database) {
    this.get = db.prepare<[string, string, string, number, number], { value: string }>(
      'SELECT value FROM eddy_state_windows WHERE query_id = ? AND store = ? AND key = ? AND start_ms = ? AND end_ms = ?',
    );
    // An update rewrites only the value in the primary key's B-tree (INSERT OR REPLACE would delete
    // and re-insert the row in both B-trees): most puts update a window a previous batch wrote.
    this.put = db.prepare<[string, string, string, number, number, string]>(
      'INSERT INTO eddy_state_windows (query_id, store, key, start_ms, end_ms, value) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    );
    this.delete = db.prepare<[string, string, string, number, number]>(
      'DELETE FROM eddy_state_windows WHERE query_id = ? AND store = ? AND key = ? AND start_ms = ? AND end_ms = ?',
    );
    this.overlapping = db.prepare<[string, string, string, number, number], EntryRow>(
      'SELECT key, start_ms, end_ms, value FROM eddy_state_windows WHERE query_id = ? AND store = ? AND key = ? AND start_ms <= ? AND end_ms >= ? ORDER BY start_ms, end_ms',
    );
    this.endingBy = db.prepare<[string, string, number], EntryRow>(
      'SELECT key, start_ms, end_ms, value FROM eddy_state_windows WHERE query_id = ? AND store = ? AND end_ms <= ? ORDER BY end_ms, start_ms, key',
    );
    // Read from the by-end index alone (it holds every column but the value), as arrays.
    this.keysEndingBy = db
      .prepare<[string, string, number], [string, number, number]>('SELECT key, start_ms, end_ms FROM eddy_state_windows WHERE query_id = ? AND store = ? AND end_ms <= ?')
      .raw(true);
    this.deleteEndingBy = db.prepare<[string, string, number]>('DELETE FROM eddy_state_windows WHERE query_id = ? AND store = ? AND end_ms <= ?');
    this.dropQuery = db.prepare<[string]>('DELETE FROM eddy_state_windows WHERE query_id = ?');
  }
}

export function sqliteWindowStore(statements: WindowStatements, queryId: string, name: string, onWrite?: WindowWriteListener): WindowStore {
  const entry = (r: EntryRow): WindowEntry => ({ key: r.key, start: r.start_ms, end: r.end_ms, value: JSON.parse(r.value) as unknown });
  return {
    get: (key, start, end) => {
      const row = statements.get.get(queryId, name, key, start, end);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    put: (key, start, end, value) => {
      const json = JSON.stringify(value);
      statements.put.run(queryId, name, key, start, end, json);
      onWrite?.(key, start, end, json);
    },
    delete: (key, start, end) => {
      statements.delete.run(queryId, name, key, start, end);
      onWrite?.(key, start, end, null);
    },
    overlapping: (key, from, to) => statements.overlapping.all(queryId, name, key, to, from).map(entry),
    endingBy: (bound) => statements.endingBy.all(queryId, name, bound).map(entry),
    deleteEndingBy: (bound) => {
      if (onWrite !== undefined) {
        for (const [key, start, end] of statements.keysEndingBy.iterate(queryId, name, bound)) onWrite(key, start, end, null);
      }
      statements.deleteEndingBy.run(queryId, name, bound);
    },
  };
}
