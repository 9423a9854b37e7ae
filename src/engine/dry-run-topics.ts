// DryRunTopics: real topics read through, but nothing written — what `eddy check` and `eddy explain` use.

import type { SinkRecord, SourceRecord } from '../exec/index.js';
import type { ConsumerGroupInfo, QueryIo, QueryIoOptions, TopicSettings, TopicStatus, TopicSummary, Topics } from '../io/index.js';

export class DryRunTopics implements Topics {
  private readonly created = new Map<string, TopicSummary>();
  private readonly deleted = new Set<string>();

  constructor(private readonly real: Topics) {}

  get kind(): Topics['kind'] {
    return this.real.kind;
  }

  createTopic(name: string, settings: TopicSettings): Promise<void> {
    this.deleted.delete(name);
    this.created.set(name, { name, partitions: settings.partitions });
    return Promise.resolve();
  }

  async describeTopic(name: string): Promise<TopicStatus | undefined> {
    if (this.deleted.has(name)) return undefined;
    const created = this.created.get(name);
    if (created !== undefined) return { ...created, endOffsets: Array.from({ length: created.partitions }, () => 0) };
    return this.real.describeTopic(name);
  }

  async listTopics(): Promise<TopicSummary[]> {
    const real = (await this.real.listTopics()).filter((t) => !this.deleted.has(t.name) && !this.created.has(t.name));
    return [...real, ...this.created.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  deleteTopic(name: string): Promise<void> {
    this.created.delete(name);
    this.deleted.add(name);
    return Promise.resolve();
  }

  append(_records: readonly SinkRecord[]): Promise<void> {
    return Promise.resolve();
  }

  readAll(_topic: string): Promise<SourceRecord[]> {
    return Promise.resolve([]);
  }

  openQuery(_options: QueryIoOptions): Promise<QueryIo> {
    return Promise.reject(new Error('queries do not run in a dry run'));
  }

  groupOf(queryId: string): string {
    return this.real.groupOf(queryId);
  }

  committedOffsets(queryId: string, topic: string): Promise<Map<number, number>> {
    return this.real.committedOffsets(queryId, topic);
  }

  consumerGroups(): Promise<ConsumerGroupInfo[]> {
    return this.real.consumerGroups();
  }

  pinStart(): Promise<void> {
    return Promise.resolve();
  }

  changelogTopic(queryId: string): string | null {
    return this.real.changelogTopic(queryId);
  }

  forgetQuery(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return this.real.close();
  }
}
