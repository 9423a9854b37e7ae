// EmbeddedLog: Kafka-like topics (partitions, offsets, keys, values, timestamps) in SQLite.

import type Database from 'better-sqlite3';
import { EngineError } from '../../common/index.js';
import type { Positions, RecordHeader, SinkRecord, SourceRecord } from '../../exec/index.js';
import { AppendSignal } from './append-signal.js';
import { CrossProcessWatch } from './cross-process-watch.js';
import { LogReader, type StartFrom } from './log-reader.js';
import { LogRecord, mayBeLossy } from './log-record.js';
import { partitionForKey } from './murmur2.js';
import { RecentReads } from './recent-reads.js';

export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  /** Records per partition (end offset: the offset the next record will get). */
  readonly endOffsets: readonly number[];
}

interface TopicRow {
  id: number;
  name: string;
  partitions: number;
}

/** A row of `read`, raw (an array: no object per row): offset, timestamp, key, value as text, headers. */
type RecordRow = [number, number, Buffer | null, string | null, string | null];

const INSERT = 'INSERT INTO log_records (topic_id, partition, offset, timestamp, key, value, headers) VALUES';
const ROW = '(?, ?, ?, ?, ?, ?, ?)';
const INSERT_COLUMNS = 7;
/** Rows per multi-row INSERT when appending. */
const INSERT_CHUNK = 64;

const perConnection = new WeakMap<Database.Database, { signal: AppendSignal; watch: CrossProcessWatch; recent: RecentReads }>();

export class EmbeddedLog {
  /** Shared by every EmbeddedLog on the same connection, so an append through one wakes readers of all. */
  readonly signal: AppendSignal;
  private readonly db: Database.Database;
  private readonly statements;
  private readonly watch: CrossProcessWatch;
  /** Shared by every EmbeddedLog on the same connection: what one reader read, the next reader of those offsets gets from memory. */
  private readonly recent: RecentReads;

  constructor(db: Database.Database) {
    this.db = db;
    let shared = perConnection.get(db);
    if (shared === undefined) {
      const signal = new AppendSignal();
      const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
      shared = { signal, watch: new CrossProcessWatch(db, () => signal.notifyAll()), recent: new RecentReads(() => dataVersion.get() as number) };
      perConnection.set(db, shared);
    }
    this.signal = shared.signal;
    this.watch = shared.watch;
    this.recent = shared.recent;
    this.statements = {
      topicByName: db.prepare<[string], TopicRow>('SELECT id, name, partitions FROM log_topics WHERE name = ?'),
      topics: db.prepare<[], TopicRow>('SELECT id, name, partitions FROM log_topics ORDER BY name'),
      insertTopic: db.prepare<[string, number, number]>('INSERT INTO log_topics (name, partitions, created_at) VALUES (?, ?, ?)'),
      deleteTopic: db.prepare<[number]>('DELETE FROM log_topics WHERE id = ?'),
      deleteRecords: db.prepare<[number]>('DELETE FROM log_records WHERE topic_id = ?'),
      endOffset: db.prepare<[number, number], { next: number }>(
        'SELECT COALESCE(MAX(offset) + 1, 0) AS next FROM log_records WHERE topic_id = ? AND partition = ?',
      ),
      insertRecord: db.prepare<[(number | Uint8Array | string | null)[]]>(`${INSERT} ${ROW}`),
      insertChunk: db.prepare<[(number | Uint8Array | string | null)[]]>(`${INSERT} ${Array.from({ length: INSERT_CHUNK }, () => ROW).join(', ')}`),
      read: db
        .prepare<[number, number, number, number], RecordRow>(
          'SELECT offset, timestamp, key, CAST(value AS TEXT), headers FROM log_records WHERE topic_id = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?',
        )
        .raw(true),
      valueBytes: db.prepare<[number, number, number], { value: Buffer | null }>(
        'SELECT value FROM log_records WHERE topic_id = ? AND partition = ? AND offset = ?',
      ),
    };
  }

  createTopic(name: string, partitions: number, now: number): void {
    if (this.topic(name) !== undefined) throw new EngineError('CONFLICT', `Topic '${name}' already exists.`);
    this.statements.insertTopic.run(name, partitions, now);
  }

  describeTopic(name: string): TopicDescription | undefined {
    const topic = this.topic(name);
    if (topic === undefined) return undefined;
    const endOffsets = Array.from({ length: topic.partitions }, (_, p) => this.statements.endOffset.get(topic.id, p)?.next ?? 0);
    return { name: topic.name, partitions: topic.partitions, endOffsets };
  }

  listTopics(): { name: string; partitions: number }[] {
    return this.statements.topics.all().map((t) => ({ name: t.name, partitions: t.partitions }));
  }

  deleteTopic(name: string): void {
    const topic = this.topic(name);
    if (topic === undefined) return;
    this.db.transaction(() => {
      this.statements.deleteRecords.run(topic.id);
      this.statements.deleteTopic.run(topic.id);
    })();
    // SQLite may give the id to the next topic created: no record of this one may be served again.
    this.recent.clear();
  }

  /**
   * Appends records, each to the partition its key hashes to (records without a key hash their
   * value), with the next offsets. Joins the caller's transaction when there is one.
   */
  append(records: readonly SinkRecord[]): void {
    if (records.length === 0) return;
    const touched = new Set<string>();
    // Rows go in INSERT_CHUNK at a time (one statement step instead of one per row); the rest one by one.
    const params: (number | Uint8Array | string | null)[] = [];
    this.db.transaction(() => {
      const next = new Map<string, number[]>();
      const topics = new Map<string, TopicRow>();
      for (const record of records) {
        let topic = topics.get(record.topic);
        if (topic === undefined) {
          topic = this.topic(record.topic);
          if (topic === undefined) throw new EngineError('UNKNOWN_TOPIC', `Topic '${record.topic}' does not exist.`);
          topics.set(record.topic, topic);
        }
        let offsets = next.get(topic.name);
        if (offsets === undefined) {
          offsets = Array.from({ length: topic.partitions }, (_, p) => this.statements.endOffset.get(topic.id, p)?.next ?? 0);
          next.set(topic.name, offsets);
        }
        const basis = record.key ?? record.value;
        const partition = topic.partitions === 1 || basis === null ? 0 : partitionForKey(basis, topic.partitions);
        const offset = offsets[partition] ?? 0;
        offsets[partition] = offset + 1;
        params.push(topic.id, partition, offset, record.timestamp, record.key, record.value, encodeHeaders(record.headers));
        if (params.length === INSERT_CHUNK * INSERT_COLUMNS) {
          this.statements.insertChunk.run(params);
          params.length = 0;
        }
        touched.add(topic.name);
      }
      for (let i = 0; i < params.length; i += INSERT_COLUMNS) this.statements.insertRecord.run(params.slice(i, i + INSERT_COLUMNS));
    })();
    for (const topic of touched) this.signal.notify(topic);
  }

  /**
   * Resolves on the next append to `topic` by this process, soon after a commit by another one
   * (which may or may not concern `topic`), after `ms`, or when `signal` aborts.
   */
  async waitForAppend(topic: string, ms: number, signal?: AbortSignal): Promise<void> {
    this.watch.begin();
    try {
      await this.signal.wait(topic, ms, signal);
    } finally {
      this.watch.end();
    }
  }

  /** A reader of `topic` starting at committed positions, or the earliest / latest offsets. */
  reader(name: string, start: Positions | StartFrom): LogReader {
    const topic = this.topic(name);
    if (topic === undefined) throw new EngineError('UNKNOWN_TOPIC', `Topic '${name}' does not exist.`);
    return new LogReader(this, topic.name, topic.id, topic.partitions, start);
  }

  /**
   * Up to `max` records of one partition from `offset` on: those another reader of this connection
   * read recently from memory, the rest from SQLite. Inside a transaction (whose appends may yet be
   * rolled back) only SQLite is read, and nothing is kept.
   */
  readPartition(topicId: number, topic: string, partition: number, offset: number, max: number): SourceRecord[] {
    if (this.db.inTransaction) return this.readStored(topicId, topic, partition, offset, max);
    const kept = this.recent.get(topicId, partition, offset, max);
    if (kept.length === max) return kept;
    const read = this.readStored(topicId, topic, partition, offset + kept.length, max - kept.length);
    this.recent.put(topicId, partition, read);
    return kept.length === 0 ? read : [...kept, ...read];
  }

  private readStored(topicId: number, topic: string, partition: number, offset: number, max: number): LogRecord[] {
    const rows = this.statements.read.all(topicId, partition, offset, max);
    const out: LogRecord[] = new Array<LogRecord>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [at, timestamp, key, text, headers] = rows[i] as RecordRow;
      const bytes = text !== null && mayBeLossy(text) ? (this.statements.valueBytes.get(topicId, partition, at)?.value ?? undefined) : undefined;
      out[i] = new LogRecord(topic, partition, at, timestamp, key, text, bytes, headers === null ? undefined : decodeHeaders(headers));
    }
    return out;
  }

  endOffset(topicId: number, partition: number): number {
    return this.statements.endOffset.get(topicId, partition)?.next ?? 0;
  }

  private topic(name: string): TopicRow | undefined {
    return this.statements.topicByName.get(name);
  }
}

function encodeHeaders(headers: readonly RecordHeader[] | undefined): string | null {
  if (headers === undefined || headers.length === 0) return null;
  return JSON.stringify(headers.map((h) => [h.key, h.value === null ? null : Buffer.from(h.value).toString('base64')]));
}

function decodeHeaders(text: string): RecordHeader[] {
  return (JSON.parse(text) as [string, string | null][]).map(([key, value]) => ({
    key,
    value: value === null ? null : new Uint8Array(Buffer.from(value, 'base64')),
  }));
}
