// StateStore: the port through which operators keep state (implemented over SQLite by state/).

export interface KeyValueStore {
  get(key: string): unknown;
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface StateStore {
  /** A named key-value store owned by one operator of one query. */
  keyValue(name: string): KeyValueStore;
}
