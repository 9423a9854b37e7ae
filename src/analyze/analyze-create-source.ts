// Analysis of CREATE STREAM|TABLE (…) WITH (…): columns, key constraints, topic and formats.

import type { SourceDefinition, SourceWindow } from '../catalog/index.js';
import { EngineError, formatSqlType, PSEUDO_COLUMNS, type Column, type FormatSpec, type Schema, type SourceSpan, type SqlType } from '../common/index.js';
import { joda } from '../functions/index.js';
import type { CreateSource, Duration } from '../sql/index.js';
import type { AnalysisContext } from './analysis-context.js';
import type { BoundCreateSource, TopicRequest } from './bound-statement.js';
import { timeUnitMs } from './analyze-window.js';
import { resolveType } from './resolve-type.js';
import { topicRequest } from './topic-request.js';
import { WithProperties } from './with-properties.js';

export function analyzeCreateSource(stmt: CreateSource, text: string, ctx: AnalysisContext): BoundCreateSource {
  const name = stmt.name.name;
  const existing = ctx.catalog.sources.get(name);
  if (existing !== undefined && !stmt.ifNotExists && !stmt.orReplace) {
    throw new EngineError('SOURCE_EXISTS', `A ${existing.kind.toLowerCase()} named ${name} already exists.`, stmt.name.span);
  }
  const props = new WithProperties(stmt.properties, stmt.span, 'CREATE');
  const schema = columnsSchema(stmt, ctx.catalog.types);
  const formats = sourceFormats(props, schema, stmt.span);
  const window = declaredWindow(props, stmt.span);
  const topicName = props.string('KAFKA_TOPIC');
  if (topicName === undefined) {
    throw new EngineError('INVALID_PROPERTY', `Missing KAFKA_TOPIC: say which topic ${name} reads, e.g. WITH (KAFKA_TOPIC='${name.toLowerCase()}', …).`, stmt.span);
  }
  const topic = ctx.topics.get(topicName);
  const partitions = props.int('PARTITIONS');
  let createTopic: TopicRequest | null = null;
  if (topic === undefined) {
    if (partitions === undefined) {
      throw new EngineError(
        'UNKNOWN_TOPIC',
        `Topic '${topicName}' does not exist. Add PARTITIONS=n to the WITH clause to create it.`,
        props.spanOf('KAFKA_TOPIC'),
      );
    }
    createTopic = topicRequest(props, topicName, partitions, { kind: stmt.sourceKind, windowed: window !== null });
  } else if (partitions !== undefined && partitions !== topic.partitions) {
    throw new EngineError(
      'TOPIC_MISMATCH',
      `Topic '${topicName}' already exists with ${topic.partitions} partition(s), not ${partitions}. Remove PARTITIONS or make it match.`,
      props.spanOf('PARTITIONS'),
    );
  }
  const source: SourceDefinition = {
    name,
    kind: stmt.sourceKind,
    topic: topicName,
    schema,
    formats,
    timestampColumn: timestampColumn(props, schema),
    timestampFormat: props.string('TIMESTAMP_FORMAT') ?? null,
    readOnly: stmt.readOnly,
    writtenBy: null,
    sql: text,
    ...(window === null ? {} : { window }),
  };
  if (stmt.sourceKind === 'TABLE' && existing !== undefined && stmt.orReplace) {
    const problem = tableReplacementProblem(existing, source);
    if (problem !== null) {
      throw new EngineError('NOT_SUPPORTED', `CREATE OR REPLACE TABLE ${name} can only add value columns after the existing ones (as ALTER TABLE … ADD COLUMN does): ${problem}. DROP TABLE ${name} first to change more.`, stmt.span);
    }
  }
  return { kind: 'BoundCreateSource', source, orReplace: stmt.orReplace, ifNotExists: stmt.ifNotExists, exists: existing !== undefined, createTopic };
}

/** Why `replacement` cannot replace the table `existing` in place (null: it only adds value columns at the end). */
function tableReplacementProblem(existing: SourceDefinition, replacement: SourceDefinition): string | null {
  if (existing.kind !== 'TABLE') return `${existing.name} is a stream`;
  if (existing.writtenBy !== null) return `it is written by query ${existing.writtenBy}`;
  if (existing.topic !== replacement.topic) return `the topic changes from '${existing.topic}' to '${replacement.topic}'`;
  if (JSON.stringify(existing.formats) !== JSON.stringify(replacement.formats)) return 'the formats change';
  if (existing.timestampColumn !== replacement.timestampColumn || (existing.timestampFormat ?? null) !== (replacement.timestampFormat ?? null)) return 'the event time changes';
  if (JSON.stringify(existing.window ?? null) !== JSON.stringify(replacement.window ?? null)) return 'the window changes';
  if (existing.readOnly !== replacement.readOnly) return existing.readOnly ? 'it was created with CREATE SOURCE' : 'CREATE SOURCE would make it read-only';
  const before = existing.schema.columns;
  const after = replacement.schema.columns;
  const text = (c: (typeof before)[number]): string => `${c.name} ${formatSqlType(c.type)}${c.namespace === 'key' ? ' PRIMARY KEY' : ''}`;
  for (let i = 0; i < before.length; i++) {
    const old = before[i]!;
    const now = after[i];
    if (now === undefined) return `column ${old.name} would be dropped`;
    if (JSON.stringify(old) !== JSON.stringify(now)) return `column ${i + 1} would change from ${text(old)} to ${text(now)}`;
  }
  const added = after.slice(before.length).find((c) => c.namespace !== 'value');
  return added === undefined ? null : `the new column ${added.name} is not a value column`;
}

const WINDOW_SIZE_TEXT = /^\s*(\d+)\s*(MILLISECONDS?|SECONDS?|MINUTES?|HOURS?|DAYS?)\s*$/i;

/** WINDOW_TYPE and WINDOW_SIZE: the topic's keys are windowed (as a windowed table's sink writes them); null without them. */
function declaredWindow(props: WithProperties, span: SourceSpan): SourceWindow | null {
  const kind = props.string('WINDOW_TYPE')?.toUpperCase() as SourceWindow['kind'] | undefined;
  const sizeText = props.string('WINDOW_SIZE');
  if (kind === undefined) {
    if (sizeText !== undefined) throw new EngineError('INVALID_PROPERTY', "WINDOW_SIZE needs WINDOW_TYPE: say how the keys are windowed, e.g. WINDOW_TYPE='TUMBLING'.", props.spanOf('WINDOW_SIZE'));
    return null;
  }
  if (kind === 'SESSION') {
    if (sizeText !== undefined) throw new EngineError('INVALID_PROPERTY', 'A SESSION window has no WINDOW_SIZE: its keys hold the start and the end.', props.spanOf('WINDOW_SIZE'));
    return { kind, sizeMs: null };
  }
  if (sizeText === undefined) {
    throw new EngineError('INVALID_PROPERTY', `A ${kind} window needs WINDOW_SIZE, e.g. WINDOW_SIZE='1 MINUTE': its keys hold only the start.`, props.spanOf('WINDOW_TYPE') ?? span);
  }
  const m = WINDOW_SIZE_TEXT.exec(sizeText);
  const sizeMs = m === null ? 0 : Number(m[1]) * timeUnitMs(m[2]!.toUpperCase().replace(/S?$/, 'S') as Duration['unit']);
  if (sizeMs <= 0) {
    throw new EngineError('INVALID_PROPERTY', `WINDOW_SIZE '${sizeText}' is not a positive duration such as '30 SECONDS' (units MILLISECONDS to DAYS).`, props.spanOf('WINDOW_SIZE'));
  }
  return { kind, sizeMs };
}

function columnsSchema(stmt: CreateSource, types: ReadonlyMap<string, SqlType>): Schema {
  if (stmt.columns.length === 0) {
    throw new EngineError('INVALID_STATEMENT', `${stmt.name.name} declares no columns: list them, e.g. (ID STRING KEY, TEMP DOUBLE).`, stmt.span);
  }
  const seen = new Set<string>();
  const keys: Column[] = [];
  const values: Column[] = [];
  for (const def of stmt.columns) {
    const colName = def.name.name;
    if (seen.has(colName)) throw new EngineError('INVALID_STATEMENT', `Column ${colName} is declared twice.`, def.name.span);
    if ((PSEUDO_COLUMNS as readonly string[]).includes(colName) || colName === 'WINDOWSTART' || colName === 'WINDOWEND') {
      throw new EngineError('INVALID_STATEMENT', `${colName} is a reserved system column name; choose another name.`, def.name.span);
    }
    seen.add(colName);
    if (def.constraint === 'PRIMARY KEY' && stmt.sourceKind === 'STREAM') {
      throw new EngineError('INVALID_STATEMENT', `Streams have KEY columns, not PRIMARY KEY: write ${colName} ${'…'} KEY.`, def.span);
    }
    if (def.constraint === 'KEY' && stmt.sourceKind === 'TABLE') {
      throw new EngineError('INVALID_STATEMENT', `Tables have PRIMARY KEY columns: write ${colName} … PRIMARY KEY.`, def.span);
    }
    const column = declaredColumn(def, resolveType(def.type, types));
    if (column.namespace === 'header') checkHeaderColumn(def, column.type, stmt.sourceKind);
    (column.namespace === 'key' ? keys : values).push(column);
  }
  if (stmt.sourceKind === 'TABLE' && keys.length === 0) {
    throw new EngineError('INVALID_STATEMENT', `Table ${stmt.name.name} needs a PRIMARY KEY column, e.g. (ID STRING PRIMARY KEY, …).`, stmt.span);
  }
  return { columns: [...keys, ...values] };
}

/** Formats from FORMAT / KEY_FORMAT / VALUE_FORMAT, checked against the key columns. */
export function sourceFormats(props: WithProperties, schema: Schema, span: SourceSpan, inherited?: FormatSpec): FormatSpec {
  const both = props.format('FORMAT');
  if (both !== undefined && (props.has('KEY_FORMAT') || props.has('VALUE_FORMAT'))) {
    throw new EngineError('INVALID_PROPERTY', 'FORMAT sets both key and value formats: use it alone, or KEY_FORMAT and VALUE_FORMAT.', props.spanOf('FORMAT'));
  }
  const valueFormat = both ?? props.format('VALUE_FORMAT') ?? inherited?.valueFormat;
  if (valueFormat === undefined) {
    throw new EngineError('INVALID_PROPERTY', "Missing VALUE_FORMAT: add VALUE_FORMAT='JSON' (or FORMAT='JSON') to the WITH clause.", span);
  }
  const keyColumns = schema.columns.filter((c) => c.namespace === 'key');
  const keyFormat = both ?? props.format('KEY_FORMAT') ?? inherited?.keyFormat ?? (keyColumns.length > 1 ? 'JSON' : 'KAFKA');
  const valueColumns = schema.columns.filter((c) => c.namespace === 'value');
  const valueRole = both === undefined ? 'VALUE_FORMAT' : 'FORMAT';
  if (valueFormat === 'NONE') {
    throw new EngineError('INVALID_PROPERTY', "NONE is a key format only (no key); a value needs JSON, DELIMITED or KAFKA.", props.spanOf(valueRole));
  }
  if (valueFormat === 'KAFKA') {
    if (valueColumns.length !== 1) {
      throw new EngineError('INVALID_PROPERTY', `The KAFKA value format holds one column, but there are ${valueColumns.length} value columns. Use JSON or DELIMITED.`, props.spanOf(valueRole));
    }
    const t = valueColumns[0]?.type.kind ?? '';
    if (!['INT', 'BIGINT', 'DOUBLE', 'STRING'].includes(t)) {
      throw new EngineError('INVALID_PROPERTY', `The KAFKA format cannot hold a ${t} value (only INT, BIGINT, DOUBLE, STRING). Use JSON.`, props.spanOf(valueRole));
    }
  }
  for (const [format, columns, role] of [[valueFormat, valueColumns, valueRole], [keyFormat, keyColumns, 'KEY_FORMAT']] as const) {
    const nested = format === 'DELIMITED' ? columns.find((c) => c.type.kind === 'ARRAY' || c.type.kind === 'MAP' || c.type.kind === 'STRUCT') : undefined;
    if (nested !== undefined) {
      throw new EngineError('INVALID_PROPERTY', `The DELIMITED format holds primitive columns only, but ${nested.name} is ${nested.type.kind}. Use JSON.`, props.spanOf(role));
    }
  }
  const delimiters = {
    keyDelimiter: delimiter(props, 'KEY_DELIMITER', keyFormat, inherited?.keyDelimiter),
    valueDelimiter: delimiter(props, 'VALUE_DELIMITER', valueFormat, inherited?.valueDelimiter),
  };
  if (keyFormat === 'KAFKA' && keyColumns.length > 1) {
    throw new EngineError(
      'INVALID_PROPERTY',
      `The KAFKA key format holds one column, but there are ${keyColumns.length} key columns. Use KEY_FORMAT='JSON'.`,
      props.spanOf('KEY_FORMAT'),
    );
  }
  if (props.has('WRAP_SINGLE_VALUE') && valueFormat !== 'JSON') {
    throw new EngineError('INVALID_PROPERTY', `WRAP_SINGLE_VALUE applies to the JSON format only, not ${valueFormat}.`, props.spanOf('WRAP_SINGLE_VALUE'));
  }
  if (keyFormat === 'KAFKA') {
    const keyType = keyColumns[0]?.type.kind;
    if (keyType !== undefined && !['INT', 'BIGINT', 'DOUBLE', 'STRING'].includes(keyType)) {
      throw new EngineError('INVALID_PROPERTY', `The KAFKA key format cannot hold a ${keyType} key. Use KEY_FORMAT='JSON'.`, props.spanOf('KEY_FORMAT'));
    }
  }
  if (keyFormat === 'NONE' && keyColumns.length > 0) {
    throw new EngineError('INVALID_PROPERTY', "KEY_FORMAT 'NONE' means no key, but key columns are declared.", props.spanOf('KEY_FORMAT'));
  }
  const wrap = props.boolean('WRAP_SINGLE_VALUE');
  if (wrap === false && schema.columns.filter((c) => c.namespace === 'value').length !== 1) {
    throw new EngineError('INVALID_PROPERTY', 'WRAP_SINGLE_VALUE=false needs exactly one value column.', props.spanOf('WRAP_SINGLE_VALUE'));
  }
  const spec: FormatSpec = { keyFormat, valueFormat, wrapSingleValue: wrap ?? inherited?.wrapSingleValue ?? true };
  return {
    ...spec,
    ...(delimiters.keyDelimiter === undefined ? {} : { keyDelimiter: delimiters.keyDelimiter }),
    ...(delimiters.valueDelimiter === undefined ? {} : { valueDelimiter: delimiters.valueDelimiter }),
  };
}

/** KEY_DELIMITER / VALUE_DELIMITER: one character, SPACE or TAB, and only with the DELIMITED format. */
function delimiter(props: WithProperties, name: 'KEY_DELIMITER' | 'VALUE_DELIMITER', format: string, inherited: string | undefined): string | undefined {
  const raw = props.string(name);
  if (raw === undefined) return format === 'DELIMITED' ? (inherited ?? ',') : undefined;
  if (format !== 'DELIMITED') {
    throw new EngineError('INVALID_PROPERTY', `${name} applies to the DELIMITED format only, not ${format}.`, props.spanOf(name));
  }
  const upper = raw.toUpperCase();
  if (upper === 'SPACE') return ' ';
  if (upper === 'TAB') return '\t';
  if ([...raw].length !== 1) {
    throw new EngineError('INVALID_PROPERTY', `${name} must be one character, SPACE or TAB, not '${raw}'.`, props.spanOf(name));
  }
  return raw;
}

/** The TIMESTAMP column, which must exist and hold epoch milliseconds. */
export function timestampColumn(props: WithProperties, schema: Schema): string | null {
  const raw = props.string('TIMESTAMP');
  if (raw === undefined) {
    if (props.has('TIMESTAMP_FORMAT')) throw new EngineError('INVALID_PROPERTY', 'TIMESTAMP_FORMAT needs TIMESTAMP: the column it applies to.', props.spanOf('TIMESTAMP_FORMAT'));
    return null;
  }
  const name = /^`.*`$|^".*"$/.test(raw) ? raw.slice(1, -1) : raw.toUpperCase();
  const column = schema.columns.find((c) => c.name === name);
  if (column === undefined) {
    throw new EngineError('UNKNOWN_COLUMN', `TIMESTAMP names column ${name}, which is not in the schema.`, props.spanOf('TIMESTAMP'));
  }
  const format = props.string('TIMESTAMP_FORMAT');
  if (format !== undefined) {
    if (column.type.kind !== 'STRING') {
      throw new EngineError('TYPE_MISMATCH', `TIMESTAMP_FORMAT reads event times from a STRING column, but ${name} is ${column.type.kind}.`, props.spanOf('TIMESTAMP_FORMAT'));
    }
    try {
      joda().DateTimeFormatter.ofPattern(format);
    } catch (e) {
      throw new EngineError('INVALID_PROPERTY', `TIMESTAMP_FORMAT '${format}' is not a valid pattern: ${(e as Error).message}`, props.spanOf('TIMESTAMP_FORMAT'));
    }
    return name;
  }
  if (column.type.kind !== 'BIGINT' && column.type.kind !== 'TIMESTAMP') {
    throw new EngineError(
      'TYPE_MISMATCH',
      `The TIMESTAMP column ${name} must be BIGINT or TIMESTAMP (epoch milliseconds), not ${column.type.kind}.`,
      props.spanOf('TIMESTAMP'),
    );
  }
  return name;
}

/** A column as its declaration gives it: KEY / PRIMARY KEY, HEADERS, HEADER('k'), or a value column. */
export function declaredColumn(def: Pick<CreateSource['columns'][number], 'name' | 'constraint' | 'headerKey'>, type: SqlType): Column {
  const name = def.name.name;
  switch (def.constraint) {
    case 'KEY':
    case 'PRIMARY KEY':
      return { name, type, namespace: 'key' };
    case 'HEADERS':
      return { name, type, namespace: 'header' };
    case 'HEADER':
      return def.headerKey === null ? { name, type, namespace: 'header' } : { name, type, namespace: 'header', headerKey: def.headerKey };
    case null:
      return { name, type, namespace: 'value' };
  }
}

/** `HEADERS` must be ARRAY<STRUCT<KEY STRING, VALUE BYTES>> and `HEADER('k')` BYTES, on a stream. */
function checkHeaderColumn(def: CreateSource['columns'][number], type: SqlType, sourceKind: CreateSource['sourceKind']): void {
  const expected = def.constraint === 'HEADERS' ? 'ARRAY<STRUCT<KEY STRING, VALUE BYTES>>' : 'BYTES';
  if (formatSqlType(type) !== expected) {
    throw new EngineError('TYPE_MISMATCH', `A ${def.constraint} column must be ${expected}, not ${formatSqlType(type)}.`, def.type.span);
  }
  if (sourceKind === 'TABLE') {
    throw new EngineError('NOT_SUPPORTED', `Header columns on tables are not supported yet (a table's rows keep only key and value): declare ${def.name.name} on a stream.`, def.span);
  }
}
