// MemoryStateStore: operator state for transient queries, which keep nothing across runs.

import type { KeyValueStore, StateStore } from '../exec/index.js';

export class MemoryStateStore implements StateStore {
  private readonly stores = new Map<string, Map<string, unknown>>();

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
}
