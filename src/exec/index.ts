// exec: operators, compiled expressions, the pipeline builder, the query runner, and the ports below.

export * from './operator.js';
export * from './build-pipeline.js';
export * from './query-runner.js';
export * from './commit-schedule.js';
export * from './expr/index.js';
export { eventTimeParser } from './event-time-format.js';
export { decodeWindowedKey, encodeWindowedKey } from './windowed-key.js';
export { AggregateOperator } from './operators/aggregate.js';
export { WindowAggregateOperator } from './operators/window-aggregate.js';
export type * from './ports/records.js';
export type * from './ports/topic-reader.js';
export type * from './ports/row-codec.js';
export type * from './ports/state-store.js';
export type * from './ports/materialized-table.js';
export type * from './ports/processing-log.js';
export type { BatchCommitter } from './ports/batch-committer.js';
export { FencedError } from './ports/batch-committer.js';
