// Analysis of CREATE STREAM … AS SELECT: the query, and the sink's topic, formats and schema.

import type { SourceDefinition } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import type { CreateAsSelect } from '../sql/index.js';
import type { AnalysisContext } from './analysis-context.js';
import { analyzeCreateSourceFormats } from './sink-formats.js';
import { analyzeQuery } from './analyze-query.js';
import type { BoundCreateAsSelect, TopicRequest } from './bound-statement.js';
import { topicRequest } from './topic-request.js';
import { WithProperties } from './with-properties.js';

export function analyzeCreateAsSelect(stmt: CreateAsSelect, text: string, ctx: AnalysisContext): BoundCreateAsSelect {
  const name = stmt.name.name;
  const existing = ctx.catalog.sources.get(name);
  if (existing !== undefined && !stmt.ifNotExists && !stmt.orReplace) {
    throw new EngineError('SOURCE_EXISTS', `A ${existing.kind.toLowerCase()} named ${name} already exists.`, stmt.name.span);
  }
  const query = analyzeQuery(stmt.query, ctx.catalog, name);
  if (query.resultKind !== stmt.sourceKind) {
    throw new EngineError(
      'INVALID_STATEMENT',
      query.resultKind === 'TABLE'
        ? `This query produces a TABLE (it ${query.aggregation !== null ? 'aggregates' : `reads the table ${query.source.name}`}): use CREATE TABLE ${name} AS SELECT.`
        : `This query produces a STREAM: use CREATE STREAM ${name} AS SELECT, or aggregate with GROUP BY to build a table.`,
      stmt.span,
    );
  }
  if (stmt.query.from.name.name === name) {
    throw new EngineError('INVALID_STATEMENT', `${name} cannot read from itself.`, stmt.query.from.span);
  }
  const props = new WithProperties(stmt.properties, stmt.span, 'CREATE_AS');
  const topicName = props.string('KAFKA_TOPIC') ?? name;
  const inputTopic = ctx.topics.get(query.source.topic);
  const topic = ctx.topics.get(topicName);
  const partitions = props.int('PARTITIONS') ?? topic?.partitions ?? inputTopic?.partitions ?? 1;
  if (topic !== undefined && partitions !== topic.partitions) {
    throw new EngineError(
      'TOPIC_MISMATCH',
      `Topic '${topicName}' already exists with ${topic.partitions} partition(s), not ${partitions}.`,
      props.spanOf('PARTITIONS'),
    );
  }
  if (topicName === query.source.topic) {
    throw new EngineError('INVALID_STATEMENT', `${name} cannot write to '${topicName}', the topic it reads from.`, props.spanOf('KAFKA_TOPIC'));
  }
  const window = query.aggregation?.window ?? null;
  const windowed = window !== null || (query.source.window ?? null) !== null;
  const createTopic: TopicRequest | null = topic === undefined ? topicRequest(props, topicName, partitions, { kind: stmt.sourceKind, windowed }) : null;
  const sink: SourceDefinition = {
    name,
    kind: stmt.sourceKind,
    topic: topicName,
    schema: { columns: query.outputSchema.columns },
    formats: analyzeCreateSourceFormats(props, query.outputSchema, stmt.span, query.source.formats),
    timestampColumn: null,
    readOnly: false,
    writtenBy: null,
    sql: text,
    window: window === null ? (query.source.window ?? null) : { kind: window.kind, sizeMs: window.kind === 'SESSION' ? null : window.sizeMs },
  };
  return { kind: 'BoundCreateAsSelect', sink, query, orReplace: stmt.orReplace, ifNotExists: stmt.ifNotExists, exists: existing !== undefined, createTopic };
}
