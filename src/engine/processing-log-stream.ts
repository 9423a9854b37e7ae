// ProcessingLogStream: the built-in EDDY_PROCESSING_LOG stream over an internal topic (of the embedded log, or of Kafka per service id).

import type { Catalog, SourceDefinition } from '../catalog/index.js';
import type { ProcessingLogEntry, SinkRecord } from '../exec/index.js';
import type { EmbeddedLog } from '../io/index.js';
import type { EngineContext } from './engine-context.js';

export const PROCESSING_LOG_STREAM = 'EDDY_PROCESSING_LOG';
export const PROCESSING_LOG_TOPIC = '_eddy_processing_log';

const SQL = `CREATE STREAM ${PROCESSING_LOG_STREAM} (QUERY_ID VARCHAR, SOURCE_TOPIC VARCHAR, SOURCE_PARTITION INT, SOURCE_OFFSET BIGINT, MESSAGE VARCHAR, RECORD VARCHAR) WITH (KAFKA_TOPIC = '${PROCESSING_LOG_TOPIC}', VALUE_FORMAT = 'JSON');`;

/** The stream's definition over its topic: one row per skipped record; ROWTIME is when it was logged. */
export const processingLogSource = (topic: string): SourceDefinition => ({
  name: PROCESSING_LOG_STREAM,
  kind: 'STREAM',
  topic,
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
  sql: SQL.replace(PROCESSING_LOG_TOPIC, topic),
});

/** Creates the internal topic in a data directory that does not have it yet. */
export function ensureProcessingLogTopic(log: EmbeddedLog, now: number): void {
  if (log.describeTopic(PROCESSING_LOG_TOPIC) === undefined) log.createTopic(PROCESSING_LOG_TOPIC, 1, now);
}

/** The catalog with the built-in stream added (it is not stored: DROP, apply --prune and SHOW STREAMS leave it alone). */
export function withProcessingLog(catalog: Catalog, topic: string): Catalog {
  if (catalog.sources.has(PROCESSING_LOG_STREAM)) return catalog;
  return { ...catalog, sources: new Map([...catalog.sources, [PROCESSING_LOG_STREAM, processingLogSource(topic)]]) };
}

/** How many records each query skipped, read from the processing log's topic (so every process of a service id agrees). */
export async function skippedRecordCounts(ctx: EngineContext): Promise<Map<string, number>> {
  await ctx.flushProcessingLog();
  const counts = new Map<string, number>();
  if ((await ctx.topics.describeTopic(ctx.processingLogTopic)) === undefined) return counts;
  for (const r of await ctx.topics.readAll(ctx.processingLogTopic)) {
    if (r.value === null) continue;
    try {
      const id = (JSON.parse(Buffer.from(r.value).toString('utf8')) as { QUERY_ID?: unknown }).QUERY_ID;
      if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
    } catch {
      // Not an entry Eddy wrote: not counted.
    }
  }
  return counts;
}

/** The record the stream holds for one skipped record. */
export function processingLogRecord(entry: ProcessingLogEntry, now: number, topic = PROCESSING_LOG_TOPIC): SinkRecord {
  const value = {
    QUERY_ID: entry.queryId,
    SOURCE_TOPIC: entry.topic,
    SOURCE_PARTITION: entry.partition,
    SOURCE_OFFSET: entry.offset,
    MESSAGE: entry.message,
    RECORD: entry.record,
  };
  return { topic, timestamp: now, key: null, value: Buffer.from(JSON.stringify(value), 'utf8') };
}
