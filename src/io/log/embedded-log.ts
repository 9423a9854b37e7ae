// EmbeddedLog: Kafka-like topics (partitions, offsets, keys, values, timestamps) in SQLite.

import type Database from 'better-sqlite3';
import { EngineError } from '../../common/index.js';
import type { Positions, SinkRecord, SourceRecord } from '../../exec/index.js';
import { AppendSignal } from './append-signal.js';
import { CrossProcessWatch } from './cross-process-watch.js';
import { LogReader, type StartFrom } from './log-reader.js';
import { batchMaxTimestamp, decodeBatch, encodeBatch, MAX_BATCH_RECORDS, type BatchEntry } from './log-batch.js';
import type { LogRecord } from './log-record.js';
import { partitionForKey } from './murmur2.js';
import { ReadAhead } from './read-ahead.js';
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

/** A topic's settings the embedded log acts on (stored as JSON with the topic). */
export interface EmbeddedTopicConfig {
  /** Records older than this (by record time, against the clock) are deleted, a whole stored batch at a time. */
  readonly retentionMs?: number;
}

/** Batches the retention pass looks at per query, oldest first. */
const RETENTION_PAGE = 64;

/** A stored batch as `read` returns it, raw (an array: no object per row): base offset, last offset, packed records. */
type BatchRow = [number, number, Buffer];

/** What every EmbeddedLog on one connection shares. */
interface PerConnection {
  readonly signal: AppendSignal;
  readonly watch: CrossProcessWatch;
  readonly recent: RecentReads;
  readonly ahead: ReadAhead;
  /** The connection's `PRAGMA data_version` now (it changes when another connection commits). */
  readonly dataVersion: () => number;
  /** The data version `recent` and `ahead` hold records of (read from SQLite after it was). */
  keptAt: number | undefined;
}

const perConnection = new WeakMap<Database.Database, PerConnection>();

export class EmbeddedLog {
  /** Shared by every EmbeddedLog on the same connection, so an append through one wakes readers of all. */
  readonly signal: AppendSignal;
  private readonly db: Database.Database;
  private readonly statements;
  private readonly watch: CrossProcessWatch;
  /** Shared by every EmbeddedLog on the same connection: what one reader read, the next reader of those offsets gets from memory. */
  private readonly recent: RecentReads;
  /** Shared by every EmbeddedLog on the same connection: per reader and partition, the rest of the stored batch its last read stopped inside. */
  private readonly ahead: ReadAhead;
  private readonly shared: PerConnection;

  constructor(db: Database.Database) {
    this.db = db;
    let shared = perConnection.get(db);
    if (shared === undefined) {
      const signal = new AppendSignal();
      const version = db.prepare<[], number>('PRAGMA data_version').pluck();
      shared = {
        signal,
        watch: new CrossProcessWatch(db, () => signal.notifyAll()),
        recent: new RecentReads(),
        ahead: new ReadAhead(),
        dataVersion: () => version.get() as number,
        keptAt: undefined,
      };
      perConnection.set(db, shared);
    }
    this.signal = shared.signal;
    this.watch = shared.watch;
    this.recent = shared.recent;
    this.ahead = shared.ahead;
    this.shared = shared;
    this.statements = {
      topicByName: db.prepare<[string], TopicRow>('SELECT id, name, partitions FROM log_topics WHERE name = ?'),
      topics: db.prepare<[], TopicRow>('SELECT id, name, partitions FROM log_topics ORDER BY name'),
      insertTopic: db.prepare<[string, number, number, string]>('INSERT INTO log_topics (name, partitions, created_at, config) VALUES (?, ?, ?, ?)'),
      configured: db.prepare<[], TopicRow & { config: string }>("SELECT id, name, partitions, config FROM log_topics WHERE config <> '{}'"),
      oldest: db.prepare<[number, number, number, number], { last_offset: number; base_offset: number; records: Buffer }>(
        'SELECT last_offset, base_offset, records FROM eddy_log_batches WHERE topic_id = ? AND partition = ? AND last_offset > ? ORDER BY last_offset LIMIT ?',
      ),
      deleteUpTo: db.prepare<[number, number, number]>('DELETE FROM eddy_log_batches WHERE topic_id = ? AND partition = ? AND last_offset <= ?'),
      deleteTopic: db.prepare<[number]>('DELETE FROM log_topics WHERE id = ?'),
      deleteRecords: db.prepare<[number]>('DELETE FROM eddy_log_batches WHERE topic_id = ?'),
      endOffset: db.prepare<[number, number], { next: number }>(
        'SELECT COALESCE(MAX(last_offset) + 1, 0) AS next FROM eddy_log_batches WHERE topic_id = ? AND partition = ?',
      ),
      insertBatch: db.prepare<[number, number, number, number, Buffer]>(
        'INSERT INTO eddy_log_batches (topic_id, partition, last_offset, base_offset, records) VALUES (?, ?, ?, ?, ?)',
      ),
      read: db
        .prepare<[number, number, number, number], BatchRow>(
          'SELECT base_offset, last_offset, records FROM eddy_log_batches WHERE topic_id = ? AND partition = ? AND last_offset >= ? ORDER BY last_offset LIMIT ?',
        )
        .raw(true),
    };
  }

  createTopic(name: string, partitions: number, now: number, config: EmbeddedTopicConfig = {}): void {
    if (this.topic(name) !== undefined) throw new EngineError('CONFLICT', `Topic '${name}' already exists.`);
    this.statements.insertTopic.run(name, partitions, now, JSON.stringify(config));
  }

  /**
   * Deletes, in every topic with a retention, the oldest stored batches whose newest record is
   * older than `now − retentionMs` — as Kafka deletes whole segments — up to the first batch that
   * is not, and never a partition's last batch (its end offset stays). Readers behind the new
   * start of a partition go on from there. Returns how many records were deleted.
   */
  enforceRetention(now: number): number {
    let deleted = 0;
    for (const topic of this.statements.configured.all()) {
      const retentionMs = (JSON.parse(topic.config) as EmbeddedTopicConfig).retentionMs;
      if (retentionMs === undefined) continue;
      for (let p = 0; p < topic.partitions; p++) {
        this.db
          .transaction(() => {
            const last = this.endOffset(topic.id, p) - 1;
            let upTo = -1;
            let first: number | null = null;
            for (let after = -1; ; ) {
              const rows = this.statements.oldest.all(topic.id, p, after, RETENTION_PAGE);
              let expired = true;
              for (const row of rows) {
                if (row.last_offset >= last || batchMaxTimestamp(row.records) >= now - retentionMs) {
                  expired = false;
                  break;
                }
                first ??= row.base_offset;
                upTo = row.last_offset;
              }
              if (!expired || rows.length < RETENTION_PAGE) break;
              after = upTo;
            }
            if (upTo < 0 || first === null) return;
            this.statements.deleteUpTo.run(topic.id, p, upTo);
            deleted += upTo - first + 1;
            this.ahead.clear();
          })
          .immediate();
      }
    }
    return deleted;
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
    }).immediate();
    // SQLite may give the id to the next topic created: no record of this one may be served again.
    this.recent.clear();
    this.ahead.clear();
  }

  /**
   * Appends records, each to the partition its key hashes to (records without a key hash their
   * value), with the next offsets: per partition one stored batch (log-batch.ts) of up to
   * MAX_BATCH_RECORDS records. Joins the caller's transaction when there is one.
   */
  append(records: readonly SinkRecord[]): void {
    if (records.length === 0) return;
    const touched = new Set<string>();
    this.db.transaction(() => {
      // Per topic, per partition: the records in append order.
      const pending = new Map<string, { topic: TopicRow; partitions: BatchEntry[][] }>();
      for (const record of records) {
        let target = pending.get(record.topic);
        if (target === undefined) {
          const topic = this.topic(record.topic);
          if (topic === undefined) throw new EngineError('UNKNOWN_TOPIC', `Topic '${record.topic}' does not exist.`);
          target = { topic, partitions: Array.from({ length: topic.partitions }, () => []) };
          pending.set(record.topic, target);
        }
        const basis = record.key ?? record.value;
        const partition = target.topic.partitions === 1 || basis === null ? 0 : partitionForKey(basis, target.topic.partitions);
        (target.partitions[partition] as BatchEntry[]).push(record);
      }
      for (const { topic, partitions } of pending.values()) {
        partitions.forEach((entries, partition) => {
          if (entries.length === 0) return;
          let next = this.endOffset(topic.id, partition);
          for (let i = 0; i < entries.length; i += MAX_BATCH_RECORDS) {
            const chunk = entries.length <= MAX_BATCH_RECORDS ? entries : entries.slice(i, i + MAX_BATCH_RECORDS);
            this.statements.insertBatch.run(topic.id, partition, next + chunk.length - 1, next, encodeBatch(chunk));
            next += chunk.length;
          }
        });
        touched.add(topic.name);
      }
      // IMMEDIATE on its own: it reads the partitions' ends before writing, and a deferred transaction
      // that another process's commit overtakes between the two fails with SQLITE_BUSY at once.
    }).immediate();
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
   * Up to `max` records of one partition from `offset` on, for the reader numbered `reader`: those
   * another reader of this connection read recently from memory, the rest from SQLite. Inside a
   * transaction (whose appends may yet be rolled back) only SQLite is read, and nothing is kept.
   */
  readPartition(reader: number, topicId: number, topic: string, partition: number, offset: number, max: number): SourceRecord[] {
    this.dropKeptIfStale();
    if (this.db.inTransaction) return this.readStored(reader, topicId, topic, partition, offset, max);
    const kept = this.recent.get(topicId, partition, offset, max);
    if (kept.length === max) return kept;
    const read = this.readStored(reader, topicId, topic, partition, offset + kept.length, max - kept.length);
    this.recent.put(topicId, partition, read);
    return kept.length === 0 ? read : [...kept, ...read];
  }

  /**
   * Up to `max` records of one partition from `offset` on, from the stored batches: a stored batch at
   * a time (one may hold more records than a read wants). Outside a transaction, the rest of the last
   * batch when the read stops inside it is kept for `reader`'s next read of the partition (ReadAhead).
   */
  private readStored(reader: number, topicId: number, topic: string, partition: number, offset: number, max: number): LogRecord[] {
    const out: LogRecord[] = [];
    let from = offset + this.ahead.take(reader, topicId, partition, offset, max, out);
    if (out.length >= max) return out;
    // Stepped a row at a time: no stored batch is fetched that the read does not use (each holds one record at least).
    for (const [base, last, packed] of this.statements.read.iterate(topicId, partition, from, max - out.length)) {
      const start = Math.max(from, base);
      const wanted = max - out.length;
      if (last - start < wanted || this.db.inTransaction) {
        from = start + decodeBatch(topic, partition, base, packed, from, wanted, out);
        if (out.length >= max) break;
        continue;
      }
      const decoded: LogRecord[] = [];
      decodeBatch(topic, partition, base, packed, from, last - start + 1, decoded);
      for (let i = 0; i < wanted; i++) out.push(decoded[i] as LogRecord);
      this.ahead.keep(reader, topicId, partition, decoded.slice(wanted));
      break;
    }
    return out;
  }

  /**
   * Forgets the records readers of this connection keep in memory when another connection has
   * committed since they were read (it may have deleted a topic, and SQLite can give its id to a new
   * one). Asked before SQLite is read: a commit in between makes what is read now look older, never
   * newer, so it is dropped at the next read.
   */
  private dropKeptIfStale(): void {
    const version = this.shared.dataVersion();
    if (version === this.shared.keptAt) return;
    this.shared.keptAt = version;
    this.recent.clear();
    this.ahead.clear();
  }

  endOffset(topicId: number, partition: number): number {
    return this.statements.endOffset.get(topicId, partition)?.next ?? 0;
  }

  private topic(name: string): TopicRow | undefined {
    return this.statements.topicByName.get(name);
  }
}
