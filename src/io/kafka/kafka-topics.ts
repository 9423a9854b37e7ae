// KafkaTopics: the Topics seam over an Apache Kafka cluster — admin, appends, and each query's consumer group and committer.

import { randomUUID } from 'node:crypto';
import type { IResourceConfigEntry } from 'kafkajs';
import { EngineError } from '../../common/index.js';
import type { SinkRecord, SourceRecord } from '../../exec/index.js';
import type { ConsumerGroupInfo, QueryIo, QueryIoOptions, StateRestorer, TopicSettings, TopicStatus, TopicSummary, Topics } from '../topics.js';
import { AtLeastOnceCommitter } from './at-least-once-committer.js';
import { committedOffsetsOf, consumerGroupsOf } from './consumer-groups.js';
import { KafkaCommandLog } from './kafka-command-log.js';
import { KafkaConnection, type KafkaConnectionOptions } from './kafka-connection.js';
import { KafkaFeed } from './kafka-feed.js';
import { KafkaTopicReader } from './kafka-topic-reader.js';
import { messagesByTopic } from './messages-by-topic.js';
import { PartitionCounts } from './partition-counts.js';
import { StateChangelog } from './state-changelog.js';
import { TransactionalCommitter } from './transactional-committer.js';

export class KafkaTopics implements Topics {
  readonly kind = 'kafka';
  readonly connection: KafkaConnection;
  private readonly counts: PartitionCounts;

  constructor(options: KafkaConnectionOptions) {
    this.connection = new KafkaConnection(options);
    this.counts = new PartitionCounts(this.connection);
  }

  /** The consumer group (ksqlDB's application id) of a persistent query; its transactional ids start with it. */
  groupOf(queryId: string): string {
    return `eddy-${this.connection.serviceId}-query-${queryId}`;
  }

  /** The service id's command topic (the shared catalog), as a new follower. */
  commandLog(readOnly = false): KafkaCommandLog {
    return new KafkaCommandLog(this.connection, readOnly);
  }

  async createTopic(name: string, settings: TopicSettings): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    const configEntries: IResourceConfigEntry[] = [];
    if (settings.retentionMs !== undefined) configEntries.push({ name: 'retention.ms', value: String(settings.retentionMs) });
    if (settings.cleanupPolicy !== undefined) configEntries.push({ name: 'cleanup.policy', value: settings.cleanupPolicy });
    let created: boolean;
    try {
      created = await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: name, numPartitions: settings.partitions, replicationFactor: settings.replicas ?? -1, configEntries }],
      });
    } catch (e) {
      // Created, but its leaders were not yet known when kafkajs looked (a busy broker): wait for them.
      if (!/UNKNOWN_TOPIC_OR_PARTITION|LEADER_NOT_AVAILABLE/.test(kafkaMessage(e)) || !(await this.leadersElected(name))) {
        throw new EngineError('IO_ERROR', `Kafka could not create topic '${name}': ${kafkaMessage(e)}`);
      }
      created = true;
    }
    if (!created) throw new EngineError('CONFLICT', `Topic '${name}' already exists.`);
    this.counts.forget(name);
  }

  /** Waits (up to 30 s) until every partition of a just-created topic has a leader. */
  private async leadersElected(name: string): Promise<boolean> {
    const admin = await this.connection.sharedAdmin();
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const metadata = await admin.fetchTopicMetadata({ topics: [name] }).catch(() => null);
      const partitions = metadata?.topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return true;
    }
    return false;
  }

  async describeTopic(name: string): Promise<TopicStatus | undefined> {
    const admin = await this.connection.sharedAdmin();
    if (!(await admin.listTopics()).includes(name)) return undefined;
    const [metadata, offsets] = await Promise.all([admin.fetchTopicMetadata({ topics: [name] }), admin.fetchTopicOffsets(name)]);
    const partitions = metadata.topics[0]?.partitions ?? [];
    const endOffsets = Array.from({ length: partitions.length }, (_, p) => Number(offsets.find((o) => o.partition === p)?.high ?? 0));
    return { name, partitions: partitions.length, endOffsets, replicas: partitions[0]?.replicas.length ?? 0 };
  }

  async listTopics(): Promise<TopicSummary[]> {
    const admin = await this.connection.sharedAdmin();
    const names = (await admin.listTopics()).filter((n) => !n.startsWith('_')).sort();
    if (names.length === 0) return [];
    const metadata = await admin.fetchTopicMetadata({ topics: names });
    return metadata.topics.map((t) => ({ name: t.name, partitions: t.partitions.length })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async deleteTopic(name: string): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    await admin.deleteTopics({ topics: [name] });
    this.counts.forget(name);
  }

  async append(records: readonly SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byTopic = await messagesByTopic(records, this.counts);
    const producer = await this.connection.sharedProducer();
    await producer.sendBatch({ topicMessages: byTopic, acks: -1 });
  }

  async readAll(topic: string): Promise<SourceRecord[]> {
    const out: SourceRecord[] = [];
    await this.readChunks(topic, (records) => out.push(...records));
    return out.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  }

  /** Reads a topic (read_committed) from its start to its end as of now, a polled chunk at a time. */
  private async readChunks(topic: string, onChunk: (records: readonly SourceRecord[]) => void): Promise<void> {
    const io = await this.openQuery({ queryId: `read-${randomUUID()}`, topics: [topic], reset: 'earliest', guarantee: null });
    const reader = io.readers[0];
    const since = Date.now();
    try {
      while (reader !== undefined && !reader.caughtUp(since)) {
        const records = await reader.poll(10_000, 50);
        if (records.length > 0) onChunk(records);
      }
    } finally {
      await io.close();
    }
  }

  changelogTopic(queryId: string): string {
    return `_eddy-${this.connection.serviceId}-query-${queryId}-changelog`;
  }

  /**
   * A persistent query is a member of its consumer group. One with state (`options.state`) also has
   * a changelog topic (compacted, one partition) and one owner at a time: the owner replays the
   * changelog into local state before its first batch, and (exactly-once) one transactional
   * producer commits outputs, changelog records and input offsets together.
   */
  async openQuery(options: QueryIoOptions): Promise<QueryIo> {
    const transient = options.guarantee === null;
    const groupId = transient ? `eddy-${this.connection.serviceId}-transient-${options.queryId}-${randomUUID()}` : this.groupOf(options.queryId);
    const changelog = options.state === undefined || transient ? null : await this.openChangelog(options.queryId, options.guarantee === 'exactly_once_v2', options.state);
    const feedOptions = { groupId, topics: options.topics, reset: options.reset, fromStart: options.fromStart ?? [], singleOwner: changelog !== null };
    if (options.guarantee !== 'exactly_once_v2') {
      const feed = await KafkaFeed.open(this.connection, changelog === null ? feedOptions : { ...feedOptions, prepare: () => changelog.restore() });
      const readers = options.topics.map((t) => new KafkaTopicReader(feed, t));
      if (options.guarantee === null) return { readers, close: () => feed.close() };
      return { readers, committer: new AtLeastOnceCommitter(this.connection, feed, this.counts), close: () => feed.close() };
    }
    const committer = new TransactionalCommitter(
      this.connection,
      groupId,
      this.counts,
      changelog === null ? {} : { singleProducer: true, onCommitted: (sent) => changelog.onCommitted(sent), onFailed: () => changelog.onFailed() },
    );
    const prepare = async (t: string, p: number): Promise<void> => {
      await committer.prepare(t, p);
      await changelog?.restore();
    };
    const feed = await KafkaFeed.open(this.connection, { ...feedOptions, prepare });
    const readers = options.topics.map((t) => new KafkaTopicReader(feed, t));
    return {
      readers,
      committer,
      close: async () => {
        await feed.close();
        await committer.close();
        await changelog?.close();
      },
    };
  }

  private async openChangelog(queryId: string, exactlyOnce: boolean, restorer: StateRestorer): Promise<StateChangelog> {
    const topic = this.changelogTopic(queryId);
    await this.ensureChangelog(topic);
    return new StateChangelog(this.connection, topic, restorer, (t, onChunk) => this.readChunks(t, onChunk), exactlyOnce);
  }

  private async ensureChangelog(topic: string): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    if ((await admin.listTopics()).includes(topic)) return;
    await admin
      .createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: -1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] })
      .catch((e: unknown) => {
        // Another process of the deployment may have created it a moment ago.
        if (!/exist/i.test(kafkaMessage(e))) throw e;
      });
  }

  async pinStart(queryId: string, topic: string): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId: this.groupOf(queryId), topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })) });
  }

  async committedOffsets(queryId: string, topic: string): Promise<Map<number, number>> {
    return committedOffsetsOf(await this.connection.sharedAdmin(), this.groupOf(queryId), topic);
  }

  async consumerGroups(): Promise<ConsumerGroupInfo[]> {
    return consumerGroupsOf(await this.connection.sharedAdmin());
  }

  async forgetQuery(queryId: string): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    await admin.deleteGroups([this.groupOf(queryId)]).catch(() => undefined);
    const changelog = this.changelogTopic(queryId);
    if ((await admin.listTopics()).includes(changelog)) await admin.deleteTopics({ topics: [changelog] }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

function kafkaMessage(e: unknown): string {
  const err = e as { message?: string; type?: string; errors?: { type?: string; message?: string }[] };
  if (Array.isArray(err.errors) && err.errors.length > 0) return err.errors.map((x) => x.message ?? x.type ?? '').join('; ');
  return err.type !== undefined ? `${err.type}: ${err.message ?? ''}` : String(err.message ?? e);
}
