// MemoryStateStore: operator state for transient queries, which keep nothing across runs.

import type { KeyValueStore, MaterializedTable, MaterializedTableSpec, StateStore, WindowEntry, WindowStore } from '../exec/index.js';

export class MemoryStateStore implements StateStore {
  private readonly stores = new Map<string, Map<string, unknown>>();
  private readonly windowStores = new Map<string, Map<string, WindowEntry>>();

  /** `tables`: where materialized tables are read (pull queries read the real SQLite tables). */
  constructor(private readonly tables?: (spec: MaterializedTableSpec) => MaterializedTable) {}

  keyValue(name: string): KeyValueStore {
    let store = this.stores.get(name);
    if (store === undefined) {
      store = new Map();
      this.stores.set(name, store);
    }
    const s = store;
    return {
      get: (key) => s.get(key),
      put: (key, value) => {
        s.set(key, value);
      },
      delete: (key) => {
        s.delete(key);
      },
    };
  }

  windows(name: string): WindowStore {
    let store = this.windowStores.get(name);
    if (store === undefined) {
      store = new Map();
      this.windowStores.set(name, store);
    }
    const s = store;
    const id = (key: string, start: number, end: number) => JSON.stringify([key, start, end]);
    return {
      get: (key, start, end) => s.get(id(key, start, end))?.value,
      put: (key, start, end, value) => {
        s.set(id(key, start, end), { key, start, end, value });
      },
      delete: (key, start, end) => {
        s.delete(id(key, start, end));
      },
      overlapping: (key, from, to) =>
        [...s.values()].filter((e) => e.key === key && e.start <= to && e.end >= from).sort((a, b) => a.start - b.start || a.end - b.end),
      endingBy: (bound) =>
        [...s.values()]
          .filter((e) => e.end <= bound)
          .sort((a, b) => a.end - b.end || a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    };
  }

  materialized(spec: MaterializedTableSpec): MaterializedTable {
    if (this.tables === undefined) throw new Error(`no materialized tables here (reading ${spec.name})`);
    return this.tables(spec);
  }
}
