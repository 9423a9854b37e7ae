// Topics: where a deployment's topics live (the embedded log or Apache Kafka) — the engine's one seam to them.

import type { BatchCommitter, SinkRecord, SourceRecord, TopicReader } from '../exec/index.js';

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

/** What CREATE … WITH (PARTITIONS, REPLICAS, RETENTION_MS, CLEANUP_POLICY) asks of a new topic. */
export interface TopicSettings {
  readonly partitions: number;
  readonly replicas?: number;
  readonly retentionMs?: number;
  readonly cleanupPolicy?: CleanupPolicy;
}

export interface TopicSummary {
  readonly name: string;
  readonly partitions: number;
}

export interface TopicStatus extends TopicSummary {
  /** Per partition, the offset the next record will get. */
  readonly endOffsets: readonly number[];
  readonly replicas?: number;
}

/** A consumer group and the topics it reads: on Kafka any group of the cluster, on the embedded log a persistent query's offsets. */
export interface ConsumerGroupInfo {
  readonly groupId: string;
  /** Per topic it reads (is assigned, or has committed offsets on), how many of its consumers read it now. */
  readonly consumersByTopic: ReadonlyMap<string, number>;
}

/** `exactly_once_v2` commits outputs and input offsets atomically; `at_least_once` may repeat a batch after a crash. */
export type ProcessingGuarantee = 'exactly_once_v2' | 'at_least_once';

export interface QueryIoOptions {
  /** The query id: a persistent query's consumer group (application id) derives from it. */
  readonly queryId: string;
  readonly topics: readonly string[];
  /** Where to start when the query has no committed positions. */
  readonly reset: 'earliest' | 'latest';
  /** Topics read from their start whatever `reset` says (a join's tables: a table is all of its topic). */
  readonly fromStart?: readonly string[];
  /** A persistent query commits batches with this guarantee; null: a transient (push/pull) query that never commits. */
  readonly guarantee: ProcessingGuarantee | null;
  /**
   * A persistent query with state. On Kafka one process at a time owns all its input partitions,
   * its batches' records for `changelogTopic(queryId)` commit with its outputs, and the restorer
   * rebuilds local state from that changelog when this process becomes the owner. The embedded log
   * ignores it: there state commits with outputs in one SQLite transaction.
   */
  readonly state?: StateRestorer;
}

/** How the io layer rebuilds a query's local state from its changelog topic (implemented over SQLite by state/). */
export interface StateRestorer {
  /** The changelog end offset the local state was checkpointed at (a clean stop), or null. */
  checkpoint(): number | null;
  /** Forgets the local state: the changelog is replayed into it next. */
  reset(): void;
  /** Applies changelog records (in offset order) to the local state. */
  apply(records: readonly SourceRecord[]): void;
  /**
   * Topics holding tables of the state in full (a C*AS table's sink topic): read (read_committed, to
   * their end) after the changelog at every restore, checkpoint or not.
   */
  tableTopics(): readonly string[];
  /** Forgets the tables of `tableTopics` (a checkpointed restore keeps the rest of the local state). */
  resetTableTopics(): void;
  /** Applies records of one of `tableTopics`, in offset order per partition. */
  applyTableTopic(topic: string, records: readonly SourceRecord[]): void;
  /** The local state now equals the changelog up to `end`; null: it is changing (no valid checkpoint). */
  recordCheckpoint(end: number | null): void;
  /** Told how this process came to own current state: `replayed` changelog records, or null when the checkpoint matched. */
  restored(topic: string, replayed: number | null): void;
}

/** The readers (one per topic, in `topics` order) and the committer a query runner needs. */
export interface QueryIo {
  readonly readers: readonly TopicReader[];
  readonly committer?: BatchCommitter;
  close(): Promise<void>;
}

export interface Topics {
  /** 'embedded' or 'kafka': for messages and DESCRIBE, never for branching in the engine. */
  readonly kind: 'embedded' | 'kafka';
  createTopic(name: string, settings: TopicSettings): Promise<void>;
  describeTopic(name: string): Promise<TopicStatus | undefined>;
  /** User topics (internal ones — `__consumer_offsets`, Eddy's own `_…` topics — are left out). */
  listTopics(): Promise<TopicSummary[]>;
  deleteTopic(name: string): Promise<void>;
  /** Appends records outside any query (INSERT … VALUES); keyed records go to murmur2(key) % partitions. */
  append(records: readonly SinkRecord[]): Promise<void>;
  /** Every record of a topic as of now, partition by partition (PRINT, tests). */
  readAll(topic: string): Promise<SourceRecord[]>;
  /** Opens the readers and committer of one run of a query. */
  openQuery(options: QueryIoOptions): Promise<QueryIo>;
  /** Records the topic's current end as the query's committed start (auto.offset.reset = latest at creation). */
  pinStart(queryId: string, topic: string): Promise<void>;
  /** The consumer group a persistent query commits its positions in (on the embedded log, the query id). */
  groupOf(queryId: string): string;
  /** A persistent query's committed positions on a topic (partition → next offset); empty before its first commit. */
  committedOffsets(queryId: string, topic: string): Promise<Map<number, number>>;
  /** Every consumer group reading a topic now, or having committed positions on one. */
  consumerGroups(): Promise<ConsumerGroupInfo[]>;
  /** The topic a persistent query's state changes go to (Kafka), or null (the embedded log needs none). */
  changelogTopic(queryId: string): string | null;
  /** Forgets a terminated query's committed positions (its consumer group) and its state changelog. */
  forgetQuery(queryId: string): Promise<void>;
  close(): Promise<void>;
}
