// Test records: a topic's records as JSON (the ksql-test-runner record shape) — written as input, read back as output.

import type { BoundAssertSource, BoundAssertValues } from '../analyze/index.js';
import type { SourceDefinition } from '../catalog/index.js';
import { EngineError, type SqlType, type Value } from '../common/index.js';
import { compileExpr, encodeWindowedKey, type SourceRecord } from '../exec/index.js';
import { fromJson, JsonNumber, parseLosslessJson, toJson, type LosslessJson } from '../io/index.js';
import type { EngineContext } from './engine-context.js';

/** A record as test files write it; key and value are JSON with numbers kept as their exact text. */
export interface TestRecord {
  readonly topic: string;
  /** The key as JSON (null: no key); for a windowed key, see `keyBytes`. */
  readonly key: LosslessJson;
  readonly keyBytes: Uint8Array | null;
  /** null: a tombstone. A value that is not valid in the topic's format is its text as a string. */
  readonly value: LosslessJson;
  readonly timestamp: number;
  /** Header values in base64. */
  readonly headers: readonly { readonly key: string; readonly value: string | null }[];
  readonly partition: number;
  readonly offset: number;
}

/** An input record to write (a missing key is a null key). */
export interface TestInput {
  readonly topic: string;
  readonly key: LosslessJson;
  readonly value: LosslessJson;
  readonly timestamp: number;
  readonly headers?: readonly { readonly key: string; readonly value: string | null }[];
  /** The window of a windowed key (a topic read by a source declared with WINDOW_TYPE). */
  readonly window?: { readonly start: number; readonly end: number };
}

/** The SQL types of a topic's key and value as test JSON holds them (null when unknown). */
export interface TopicShape {
  readonly keyType: SqlType | null;
  readonly valueType: SqlType | null;
  /** null: the topic does not exist. */
  readonly partitions: number | null;
}

/** What an ASSERT statement expects. */
export type TestAssertion =
  | { readonly kind: 'record'; readonly sink: string; readonly topic: string; readonly key: LosslessJson; readonly value: LosslessJson; readonly timestamp: number | null }
  | { readonly kind: 'source'; readonly name: string; readonly problems: readonly string[] };

/** The source whose formats describe the topic (a sink's definition first). */
function sourceOfTopic(ctx: EngineContext, topic: string): SourceDefinition | undefined {
  const sources = [...ctx.catalog().sources.values()].filter((s) => s.topic === topic);
  return sources.find((s) => s.writtenBy !== null) ?? sources[0];
}

export async function topicShape(ctx: EngineContext, topic: string): Promise<TopicShape> {
  const source = sourceOfTopic(ctx, topic);
  const partitions = (await ctx.topics.describeTopic(topic))?.partitions ?? null;
  if (source === undefined) return { keyType: null, valueType: null, partitions };
  const keys = source.schema.columns.filter((c) => c.namespace === 'key');
  const values = source.schema.columns.filter((c) => c.namespace === 'value');
  const struct = (cols: typeof keys): SqlType => ({ kind: 'STRUCT', fields: cols.map((c) => ({ name: c.name, type: c.type })) });
  const keyType = keys.length === 0 ? null : keys.length === 1 ? (keys[0]?.type ?? null) : struct(keys);
  const valueType = values.length === 1 && !source.formats.wrapSingleValue ? (values[0]?.type ?? null) : struct(values);
  return { keyType, valueType, partitions };
}

/** Appends input records in order, encoding key and value in the formats of the stream or table over each topic. */
export async function appendTestInputs(ctx: EngineContext, inputs: readonly TestInput[]): Promise<void> {
  const records = inputs.map((input) => {
    const source = sourceOfTopic(ctx, input.topic);
    if (source === undefined) throw new EngineError('UNKNOWN_TOPIC', `Input topic '${input.topic}' is not the topic of any stream or table.`);
    return {
      topic: input.topic,
      timestamp: input.timestamp,
      key: windowedKey(source, encodeKey(ctx, source, input.key), input),
      value: input.value === null ? null : Buffer.from(formatLosslessJson(input.value), 'utf8'),
      headers: (input.headers ?? []).map((h) => ({ key: h.key, value: h.value === null ? null : new Uint8Array(Buffer.from(h.value, 'base64')) })),
    };
  });
  await ctx.topics.append(records);
}

/** The key with its window, for a windowed source's topic (which needs one); other topics take none. */
function windowedKey(source: SourceDefinition, key: Uint8Array | null, input: TestInput): Uint8Array | null {
  const kind = source.window?.kind;
  if (kind === undefined) {
    if (input.window !== undefined) throw new EngineError('INVALID_STATEMENT', `Input topic '${input.topic}' has no windowed keys (no stream or table over it declares WINDOW_TYPE), but a record gives a window.`);
    return key;
  }
  if (input.window === undefined) throw new EngineError('INVALID_STATEMENT', `Input topic '${input.topic}' has ${kind} windowed keys: give each record a "window".`);
  return encodeWindowedKey(key, input.window, kind);
}

function encodeKey(ctx: EngineContext, source: SourceDefinition, key: LosslessJson): Uint8Array | null {
  if (key === null || source.formats.keyFormat === 'NONE') return null;
  if (source.formats.keyFormat === 'JSON') return Buffer.from(formatLosslessJson(key), 'utf8');
  const index = source.schema.columns.findIndex((c) => c.namespace === 'key');
  const column = source.schema.columns[index];
  if (column === undefined) return Buffer.from(formatLosslessJson(key), 'utf8');
  const row: Value[] = source.schema.columns.map(() => null);
  try {
    row[index] = fromJson(key, column.type);
  } catch (e) {
    throw new EngineError('SERIALIZATION_ERROR', `Cannot write key ${formatLosslessJson(key)} to '${source.topic}': ${(e as Error).message}`);
  }
  return ctx.codecs.encoder(source.schema, source.formats).encode(row, true).key;
}

/** The topic's records from `from` (partition → next offset) on, partition by partition. */
export async function readTestRecords(ctx: EngineContext, topic: string, from: ReadonlyMap<number, number>): Promise<TestRecord[]> {
  const records = await ctx.topics.readAll(topic);
  return records.filter((r) => r.offset >= (from.get(r.partition) ?? 0)).map((r) => toTestRecord(ctx, r));
}

function toTestRecord(ctx: EngineContext, r: SourceRecord): TestRecord {
  return {
    topic: r.topic,
    key: decodeTestKey(ctx, r.topic, r.key),
    keyBytes: r.key,
    value: r.value === null ? null : parseOrText(Buffer.from(r.value).toString('utf8')),
    timestamp: r.timestamp,
    headers: (r.headers ?? []).map((h) => ({ key: h.key, value: h.value === null ? null : Buffer.from(h.value).toString('base64') })),
    partition: r.partition,
    offset: r.offset,
  };
}

/** Key bytes as JSON, in the key format of the topic's source; undecodable bytes become `0x…` text. */
export function decodeTestKey(ctx: EngineContext, topic: string, bytes: Uint8Array | null): LosslessJson {
  if (bytes === null) return null;
  const source = sourceOfTopic(ctx, topic);
  const text = Buffer.from(bytes).toString('utf8');
  if (source === undefined || source.formats.keyFormat === 'JSON') return parseOrText(text);
  const index = source.schema.columns.findIndex((c) => c.namespace === 'key');
  const column = source.schema.columns[index];
  if (column === undefined) return parseOrText(text);
  const row: Value[] = [];
  const record: SourceRecord = { topic, partition: 0, offset: 0, timestamp: 0, key: bytes, value: null };
  const error = ctx.codecs.decoder(source.schema, source.formats, [index]).decode(record, row);
  if (error !== null) return `0x${Buffer.from(bytes).toString('hex')}`;
  return parseLosslessJson(toJson(row[index] ?? null, column.type));
}

function parseOrText(text: string): LosslessJson {
  try {
    return parseLosslessJson(text);
  } catch {
    return text;
  }
}

/** What an ASSERT statement expects: the record encoded as the sink would write it, read back as JSON. */
export function testAssertion(ctx: EngineContext, bound: BoundAssertValues | BoundAssertSource): TestAssertion {
  if (bound.kind === 'BoundAssertSource') return { kind: 'source', name: bound.source.name, problems: bound.problems };
  const { target } = bound;
  const row = bound.values.map((v) => compileExpr(v)([]));
  const rowtime = bound.rowtime === null ? null : Number(compileExpr(bound.rowtime)([]));
  const encoded = ctx.codecs.encoder(target.schema, target.formats).encode(row, bound.tombstone);
  return {
    kind: 'record',
    sink: target.name,
    topic: target.topic,
    key: decodeTestKey(ctx, target.topic, encoded.key),
    value: encoded.value === null ? null : parseOrText(Buffer.from(encoded.value).toString('utf8')),
    timestamp: rowtime,
  };
}

/** JSON text of a lossless JSON value (numbers verbatim). */
export function formatLosslessJson(node: LosslessJson): string {
  if (node === null) return 'null';
  if (node instanceof JsonNumber) return node.text;
  if (typeof node === 'string' || typeof node === 'boolean') return JSON.stringify(node);
  if (Array.isArray(node)) return `[${node.map(formatLosslessJson).join(',')}]`;
  return `{${Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${formatLosslessJson(v)}`).join(',')}}`;
}
