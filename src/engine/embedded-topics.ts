// EmbeddedTopics: the Topics seam over the data directory's embedded log, offsets and leases (all one SQLite database).

import type Database from 'better-sqlite3';
import type { Clock } from '../common/index.js';
import type { SinkRecord, SourceRecord } from '../exec/index.js';
import type { ConsumerGroupInfo, EmbeddedLog, QueryIo, QueryIoOptions, TopicSettings, TopicStatus, TopicSummary, Topics } from '../io/index.js';
import type { OffsetStore, QueryLeases } from '../state/index.js';
import { EmbeddedCommitter } from './embedded-committer.js';

export class EmbeddedTopics implements Topics {
  readonly kind = 'embedded';

  constructor(
    private readonly db: Database.Database,
    readonly log: EmbeddedLog,
    private readonly offsets: OffsetStore,
    private readonly leases: QueryLeases,
    private readonly clock: Clock,
  ) {}

  /**
   * RETENTION_MS deletes old records (unless CLEANUP_POLICY is only `compact`: the embedded log does
   * not compact, so such a topic keeps every record); REPLICAS only matters on Kafka.
   */
  createTopic(name: string, settings: TopicSettings): Promise<void> {
    const deletes = settings.retentionMs !== undefined && settings.cleanupPolicy !== 'compact';
    this.log.createTopic(name, settings.partitions, this.clock.now(), deletes ? { retentionMs: settings.retentionMs } : {});
    return Promise.resolve();
  }

  describeTopic(name: string): Promise<TopicStatus | undefined> {
    return Promise.resolve(this.log.describeTopic(name));
  }

  listTopics(): Promise<TopicSummary[]> {
    return Promise.resolve(this.log.listTopics());
  }

  deleteTopic(name: string): Promise<void> {
    this.log.deleteTopic(name);
    return Promise.resolve();
  }

  append(records: readonly SinkRecord[]): Promise<void> {
    this.db.transaction(() => this.log.append(records)).immediate();
    return Promise.resolve();
  }

  readAll(topic: string): Promise<SourceRecord[]> {
    const reader = this.log.reader(topic, 'earliest');
    const out: SourceRecord[] = [];
    for (;;) {
      const batch = reader.readAvailable(10_000);
      if (batch.length === 0) return Promise.resolve(out);
      out.push(...batch);
    }
  }

  /** Every guarantee is exactly-once here: outputs and offsets commit in one SQLite transaction. */
  openQuery(options: QueryIoOptions): Promise<QueryIo> {
    const persistent = options.guarantee !== null;
    const readers = options.topics.map((topic) => {
      const committed = persistent ? this.offsets.load(options.queryId, topic) : null;
      return this.log.reader(topic, committed ?? (options.fromStart?.includes(topic) === true ? 'earliest' : options.reset));
    });
    const io: QueryIo = {
      readers,
      close: () => {
        for (const r of readers) r.close();
        return Promise.resolve();
      },
    };
    return Promise.resolve(persistent ? { ...io, committer: new EmbeddedCommitter(this.db, this.log, this.offsets, this.leases, options.queryId) } : io);
  }

  pinStart(queryId: string, topic: string): Promise<void> {
    const input = this.log.describeTopic(topic);
    if (input !== undefined) this.offsets.save(queryId, input.name, new Map(input.endOffsets.map((o, p) => [p, o])));
    return Promise.resolve();
  }

  changelogTopic(): null {
    return null;
  }

  groupOf(queryId: string): string {
    return queryId;
  }

  committedOffsets(queryId: string, topic: string): Promise<Map<number, number>> {
    return Promise.resolve(new Map(this.offsets.load(queryId, topic) ?? []));
  }

  /** One group per persistent query with committed positions; its one consumer reads while a process holds the query's lease. */
  consumerGroups(): Promise<ConsumerGroupInfo[]> {
    const groups = new Map<string, Map<string, number>>();
    for (const { group, topic } of this.offsets.groups()) {
      const topics = groups.get(group) ?? new Map<string, number>();
      topics.set(topic, this.leases.holder(group) === undefined ? 0 : 1);
      groups.set(group, topics);
    }
    return Promise.resolve([...groups].map(([groupId, consumersByTopic]) => ({ groupId, consumersByTopic })));
  }

  forgetQuery(queryId: string): Promise<void> {
    this.offsets.drop(queryId);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
