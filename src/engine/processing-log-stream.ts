// ProcessingLogStream: the built-in EDDY_PROCESSING_LOG stream over an internal topic of the embedded log.

import type { Catalog, SourceDefinition } from '../catalog/index.js';
import type { ProcessingLogEntry, SinkRecord } from '../exec/index.js';
import type { EmbeddedLog } from '../io/index.js';

export const PROCESSING_LOG_STREAM = 'EDDY_PROCESSING_LOG';
export const PROCESSING_LOG_TOPIC = '_eddy_processing_log';

const SQL = `CREATE STREAM ${PROCESSING_LOG_STREAM} (QUERY_ID VARCHAR, SOURCE_TOPIC VARCHAR, SOURCE_PARTITION INT, SOURCE_OFFSET BIGINT, MESSAGE VARCHAR, RECORD VARCHAR) WITH (KAFKA_TOPIC = '${PROCESSING_LOG_TOPIC}', VALUE_FORMAT = 'JSON');`;

/** The stream's definition: one row per skipped record; ROWTIME is when it was logged. */
export const processingLogSource: SourceDefinition = {
  name: PROCESSING_LOG_STREAM,
  kind: 'STREAM',
  topic: PROCESSING_LOG_TOPIC,
  schema: {
    columns: [
      { name: 'QUERY_ID', type: { kind: 'STRING' }, namespace: 'value' },
      { name: 'SOURCE_TOPIC', type: { kind: 'STRING' }, namespace: 'value' },
      { name: 'SOURCE_PARTITION', type: { kind: 'INT' }, namespace: 'value' },
      { name: 'SOURCE_OFFSET', type: { kind: 'BIGINT' }, namespace: 'value' },
      { name: 'MESSAGE', type: { kind: 'STRING' }, namespace: 'value' },
      { name: 'RECORD', type: { kind: 'STRING' }, namespace: 'value' },
    ],
  },
  formats: { keyFormat: 'NONE', valueFormat: 'JSON', wrapSingleValue: true },
  timestampColumn: null,
  readOnly: true,
  writtenBy: null,
  sql: SQL,
};

/** Creates the internal topic in a data directory that does not have it yet. */
export function ensureProcessingLogTopic(log: EmbeddedLog, now: number): void {
  if (log.describeTopic(PROCESSING_LOG_TOPIC) === undefined) log.createTopic(PROCESSING_LOG_TOPIC, 1, now);
}

/** The catalog with the built-in stream added (it is not stored: DROP, apply --prune and SHOW STREAMS leave it alone). */
export function withProcessingLog(catalog: Catalog): Catalog {
  if (catalog.sources.has(PROCESSING_LOG_STREAM)) return catalog;
  return { ...catalog, sources: new Map([...catalog.sources, [PROCESSING_LOG_STREAM, processingLogSource]]) };
}

/** The record the stream holds for one skipped record. */
export function processingLogRecord(entry: ProcessingLogEntry, now: number): SinkRecord {
  const value = {
    QUERY_ID: entry.queryId,
    SOURCE_TOPIC: entry.topic,
    SOURCE_PARTITION: entry.partition,
    SOURCE_OFFSET: entry.offset,
    MESSAGE: entry.message,
    RECORD: entry.record,
  };
  return { topic: PROCESSING_LOG_TOPIC, timestamp: now, key: null, value: Buffer.from(JSON.stringify(value), 'utf8') };
}
