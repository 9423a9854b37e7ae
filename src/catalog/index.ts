// catalog: the metastore model — streams, tables, persistent queries — as immutable data.

export * from './source-definition.js';
export * from './query-definition.js';
export * from './catalog.js';
