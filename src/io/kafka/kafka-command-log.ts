// KafkaCommandLog: the command topic of one service id (compacted, one partition), appended to and followed.

import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { CatalogCommand, CommandLog } from '../command-log.js';
import type { KafkaConnection } from './kafka-connection.js';

const CATCH_UP_POLL_MS = 20;

export class KafkaCommandLog implements CommandLog {
  readonly topic: string;
  private consumer: Consumer | null = null;
  /** The offset after the last command applied (−1 until the first assignment has been seen). */
  private next = -1;
  private failure: Error | null = null;
  private closed = false;

  /** `readOnly` (eddy check / explain): never creates the command topic; a missing one is an empty catalog. */
  constructor(
    private readonly connection: KafkaConnection,
    private readonly readOnly = false,
  ) {
    this.topic = `_eddy-${connection.serviceId}-commands`;
  }

  /** Creates the command topic when it does not exist yet (one partition keeps one order; compaction keeps the latest of each key). */
  private async ensureTopic(): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    if ((await admin.listTopics()).includes(this.topic)) return;
    await admin
      .createTopics({
        waitForLeaders: true,
        topics: [{ topic: this.topic, numPartitions: 1, replicationFactor: -1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
      })
      .catch((e: unknown) => {
        // Another process may have created it at the same moment.
        if ((e as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw e;
      });
  }

  async append(commands: readonly CatalogCommand[]): Promise<void> {
    if (commands.length === 0) return;
    await this.ensureTopic();
    const producer = await this.connection.sharedProducer();
    await producer.send({ topic: this.topic, acks: -1, messages: commands.map((c) => ({ partition: 0, key: c.key, value: c.value })) });
  }

  async follow(apply: (commands: readonly CatalogCommand[], first: boolean) => void): Promise<void> {
    const admin = await this.connection.sharedAdmin();
    if (this.readOnly && !(await admin.listTopics()).includes(this.topic)) {
      apply([], true);
      this.next = 0;
      return;
    }
    await this.ensureTopic();
    const initialEnd = await this.endOffset();
    // A group of its own per process: every process reads every command (nothing is committed).
    const consumer = this.connection.newConsumer(`eddy-${this.connection.serviceId}-catalog-${randomUUID()}`);
    this.consumer = consumer;
    let first = true;
    const buffered: CatalogCommand[] = [];
    const deliver = (commands: readonly CatalogCommand[]): void => {
      try {
        apply(commands, first);
        first = false;
      } catch (e) {
        this.failure = e as Error;
      }
    };
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    } catch (e) {
      this.consumer = null;
      await consumer.disconnect().catch(() => undefined);
      throw e;
    }
    await consumer.run({
      autoCommit: false,
      eachBatch: ({ batch }) => {
        const commands = batch.messages.map((m) => ({ key: m.key?.toString('utf8') ?? '', value: m.value === null ? null : m.value.toString('utf8') }));
        const end = Number(batch.lastOffset()) + 1;
        // The commands present at start are applied together, so the cache is rebuilt in one step.
        if (first && end < initialEnd) buffered.push(...commands);
        else deliver(buffered.splice(0).concat(commands));
        this.next = Math.max(this.next, end);
        return Promise.resolve();
      },
    });
    if (initialEnd === 0) {
      deliver([]);
      this.next = Math.max(this.next, 0);
    }
  }

  async catchUp(): Promise<void> {
    if (this.consumer === null && !this.closed) return;
    const end = await this.endOffset();
    while (!this.closed && this.next < end) {
      if (this.failure !== null) throw this.failure;
      await new Promise((r) => setTimeout(r, CATCH_UP_POLL_MS));
    }
    if (this.failure !== null) throw this.failure;
  }

  /** The offset the next command will get. Right after creation the admin's metadata may not list the partition yet: retried. */
  private async endOffset(): Promise<number> {
    const admin = await this.connection.sharedAdmin();
    for (let attempt = 1; ; attempt++) {
      try {
        return Number((await admin.fetchTopicOffsets(this.topic)).find((o) => o.partition === 0)?.high ?? 0);
      } catch (e) {
        if (attempt >= 30) throw e;
        await new Promise((r) => setTimeout(r, 100 * Math.min(attempt, 5)));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = null;
  }
}
