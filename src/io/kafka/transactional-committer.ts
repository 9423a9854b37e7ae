// TransactionalCommitter: exactly-once on Kafka — a batch's outputs and its input offsets in one transaction.

import type { Producer } from 'kafkajs';
import type { BatchCommitter, Positions, SinkRecord } from '../../exec/index.js';
import type { KafkaConnection } from './kafka-connection.js';
import { messagesByTopic } from './messages-by-topic.js';
import type { PartitionCounts } from './partition-counts.js';
import { isFenced, retryTransient } from './transient-retry.js';

/** How long the broker keeps a transaction of a dead process open before aborting it. */
const TRANSACTION_TIMEOUT_MS = 10_000;

/** Records of one topic partition a committed transaction wrote: they end just before `nextOffset`. */
export interface SentRange {
  readonly topic: string;
  readonly partition: number;
  readonly nextOffset: number;
}

export interface TransactionalOptions {
  /** One producer for every input partition (a query with state, owned by one process at a time). */
  readonly singleProducer?: boolean;
  /** Told what each committed transaction wrote (the state changelog tracks its end). */
  readonly onCommitted?: (sent: readonly SentRange[]) => void;
  /** Told when a batch failed after `process` ran (local state may now hold changes that never committed). */
  readonly onFailed?: () => void;
}

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
  private readonly preparing = new Map<string, Promise<void>>();

  constructor(
    private readonly connection: KafkaConnection,
    private readonly groupId: string,
    private readonly counts: PartitionCounts,
    private readonly options: TransactionalOptions = {},
  ) {}

  /** The transactional producer a partition's batches commit through. */
  private keyOf(topic: string, partition: number): string {
    return this.options.singleProducer === true ? 'state' : `${topic}-${partition}`;
  }

  /**
   * Before a newly assigned partition is read: waits for this process's commit in flight on it, and
   * initializes its transactional producer — which fences a previous owner and completes (aborts)
   * its open transaction, so that the committed offsets read next are final.
   */
  prepare(topic: string, partition: number): Promise<void> {
    const key = this.keyOf(topic, partition);
    // Partitions are fetched concurrently: those sharing a producer share its one initialization.
    let preparing = this.preparing.get(key);
    if (preparing === undefined) {
      preparing = this.initialize(key).finally(() => this.preparing.delete(key));
      this.preparing.set(key, preparing);
    }
    return preparing;
  }

  private async initialize(key: string): Promise<void> {
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
    const key = this.keyOf(topic, changed[0]?.[0] ?? 0);
    const done = this.commitOn(key, topic, changed, process);
    this.busy.set(key, done);
    return done;
  }

  private async commitOn(key: string, topic: string, changed: [number, number][], process: () => readonly SinkRecord[]): Promise<void> {
    const last = this.committed.get(topic) ?? new Map<number, number>();
    const producer = await this.producer(key);
    this.initialized.add(key);
    let byTopic: Awaited<ReturnType<typeof messagesByTopic>>;
    let tx: Awaited<ReturnType<Producer['transaction']>>;
    try {
      byTopic = await messagesByTopic(process(), this.counts);
      tx = await producer.transaction();
    } catch (e) {
      this.options.onFailed?.();
      throw e;
    }
    const sent: SentRange[] = [];
    try {
      if (byTopic.length > 0) {
        // Every topic's messages in one produce request (and one AddPartitionsToTxn), not one per topic.
        const results = await tx.sendBatch({ topicMessages: byTopic, acks: -1 });
        for (const r of results) {
          if (r.baseOffset === undefined) continue;
          let count = 0;
          for (const m of byTopic.find((g) => g.topic === r.topicName)?.messages ?? []) if (m.partition === r.partition) count++;
          sent.push({ topic: r.topicName, partition: r.partition, nextOffset: Number(r.baseOffset) + count });
        }
      }
      if (changed.length > 0) {
        const offsets = { topics: [{ topic, partitions: changed.map(([p, offset]) => ({ partition: p, offset: String(offset) })) }] };
        await retryTransient(() => tx.sendOffsets({ consumerGroupId: this.groupId, ...offsets }));
      }
      await tx.commit();
    } catch (e) {
      this.options.onFailed?.();
      await tx.abort().catch(() => undefined);
      // After fencing (or any failed transaction) start over with a fresh producer: kafkajs cannot recover one.
      this.producers.delete(key);
      this.initialized.delete(key);
      void producer.disconnect().catch(() => undefined);
      throw isFenced(e) ? new Error(`input partition ${key} moved to another process (producer fenced)`) : e;
    }
    for (const [p, offset] of changed) last.set(p, offset);
    this.committed.set(topic, last);
    this.options.onCommitted?.(sent);
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
