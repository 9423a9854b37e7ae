// TransactionalCommitter: exactly-once on Kafka — a batch's outputs and its input offsets in one transaction.

import type { Producer } from 'kafkajs';
import type { BatchCommitter, Positions, SinkRecord } from '../../exec/index.js';
import type { KafkaConnection } from './kafka-connection.js';
import { messagesByTopic } from './messages-by-topic.js';
import type { PartitionCounts } from './partition-counts.js';
import { isFenced, retryTransient } from './transient-retry.js';

/** How long the broker keeps a transaction of a dead process open before aborting it. */
const TRANSACTION_TIMEOUT_MS = 10_000;

/**
 * kafkajs fences with the transactional id only (no KIP-447), so each input partition gets its own
 * transactional producer (`<group>-<topic>-<partition>`): when a partition moves to another process,
 * that process's producer fences this one, and a late commit from here fails instead of duplicating.
 */
export class TransactionalCommitter implements BatchCommitter {
  private readonly producers = new Map<string, Promise<Producer>>();
  private readonly committed = new Map<string, Map<number, number>>();
  /** Per input partition: the commit in flight (a new assignment's `prepare` waits for it). */
  private readonly busy = new Map<string, Promise<unknown>>();
  private readonly initialized = new Set<string>();

  constructor(
    private readonly connection: KafkaConnection,
    private readonly groupId: string,
    private readonly counts: PartitionCounts,
  ) {}

  /**
   * Before a newly assigned partition is read: waits for this process's commit in flight on it, and
   * initializes its transactional producer — which fences a previous owner and completes (aborts)
   * its open transaction, so that the committed offsets read next are final.
   */
  async prepare(topic: string, partition: number): Promise<void> {
    const key = `${topic}-${partition}`;
    await this.busy.get(key)?.catch(() => undefined);
    if (this.initialized.has(key)) return;
    const producer = await this.producer(key);
    const tx = await producer.transaction();
    await tx.abort();
    this.initialized.add(key);
  }

  commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    const last = this.committed.get(topic) ?? new Map<number, number>();
    const changed = [...positions].filter(([p, offset]) => last.get(p) !== offset);
    const partition = changed[0]?.[0] ?? 0;
    const key = `${topic}-${partition}`;
    const done = this.commitOn(key, topic, changed, process);
    this.busy.set(key, done);
    return done;
  }

  private async commitOn(key: string, topic: string, changed: [number, number][], process: () => readonly SinkRecord[]): Promise<void> {
    const last = this.committed.get(topic) ?? new Map<number, number>();
    const producer = await this.producer(key);
    this.initialized.add(key);
    const byTopic = await messagesByTopic(process(), this.counts);
    const tx = await producer.transaction();
    try {
      for (const [sinkTopic, messages] of byTopic) await tx.send({ topic: sinkTopic, messages, acks: -1 });
      if (changed.length > 0) {
        const offsets = { topics: [{ topic, partitions: changed.map(([p, offset]) => ({ partition: p, offset: String(offset) })) }] };
        await retryTransient(() => tx.sendOffsets({ consumerGroupId: this.groupId, ...offsets }));
      }
      await tx.commit();
    } catch (e) {
      await tx.abort().catch(() => undefined);
      // After fencing (or any failed transaction) start over with a fresh producer: kafkajs cannot recover one.
      this.producers.delete(key);
      this.initialized.delete(key);
      void producer.disconnect().catch(() => undefined);
      throw isFenced(e) ? new Error(`input partition ${key} moved to another process (producer fenced)`) : e;
    }
    for (const [p, offset] of changed) last.set(p, offset);
    this.committed.set(topic, last);
  }

  private producer(key: string): Promise<Producer> {
    let producer = this.producers.get(key);
    if (producer === undefined) {
      const p = this.connection.newProducer({
        transactionalId: `${this.groupId}-${key}`,
        idempotent: true,
        maxInFlightRequests: 1,
        transactionTimeout: TRANSACTION_TIMEOUT_MS,
      });
      producer = p.connect().then(() => p);
      producer.catch(() => {
        this.producers.delete(key);
        void p.disconnect().catch(() => undefined);
      });
      this.producers.set(key, producer);
    }
    return producer;
  }

  async close(): Promise<void> {
    const all = [...this.producers.values()];
    this.producers.clear();
    await Promise.all(all.map((p) => p.then((x) => x.disconnect()).catch(() => undefined)));
  }
}
