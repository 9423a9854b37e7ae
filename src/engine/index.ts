// engine: Eddy's public API — open a data directory, execute statements, drain, close.

export { Engine, type EngineOptions } from './engine.js';
export type { PrintEnd, StatementResult, TopicPrint, TransientQuery } from './statement-result.js';
export { PRINT_LATEST_HINT, printSummary } from './print-topic.js';
export type { EngineLogger } from './engine-context.js';
export { PROPERTY_SPECS } from './session-properties.js';
export type { TestRecord, TestInput, TestAssertion, TopicShape } from './test-records.js';
export { formatLosslessJson } from './test-records.js';
export { parseLosslessJson, JsonNumber, type LosslessJson } from '../io/index.js';
export { DefinitionError, type ApplyAction, type Definition } from './apply-plan.js';
export type { AppliedFile } from '../state/index.js';
export { statusLine, type QueryStatus } from './query-status.js';
export { PROCESSING_LOG_STREAM } from './processing-log-stream.js';
export { LATEST_OFFSET_HINT } from './transient-query.js';
