// common: leaf types shared by every module (types, values, schema, changes, errors, clock).

export * from './sql-type.js';
export * from './value.js';
export * from './schema.js';
export * from './change.js';
export * from './source-span.js';
export * from './engine-error.js';
export * from './clock.js';
export * from './decimal.js';
export * from './temporal-text.js';
export * from './format-spec.js';
export * from './assert-never.js';
export * from './window-spec.js';
export * from './value-json.js';
