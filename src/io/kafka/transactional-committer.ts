// TransactionalCommitter: exactly-once on Kafka — outputs and input offsets in one transaction, one batch or several (`stage` … `flush`).

import type { Producer, Transaction } from 'kafkajs';
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
  /** Told when a batch or commit failed (local state may now hold changes that never committed). */
  readonly onFailed?: () => void;
}

/** A producer's transaction kept open across batches until `flush`. */
interface OpenTransaction {
  readonly producer: Producer;
  readonly tx: Transaction;
  /** Input topic → partition → next offset: committed with the transaction (`sendOffsets`). */
  readonly offsets: Map<string, Map<number, number>>;
  /** `topic/partition` → where the records sent in this transaction end. */
  readonly sent: Map<string, SentRange>;
  /** Resolves once the transaction committed or aborted (`settle` resolves it). */
  readonly settled: Promise<void>;
  readonly settle: () => void;
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
  /** Per producer: its open transaction (batches staged, not committed). */
  private readonly open = new Map<string, OpenTransaction>();
  /** Per input topic: the offsets of staged batches (committed with the open transactions). */
  private readonly staged = new Map<string, Map<number, number>>();

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
    // This process's own open transaction on the partition commits (or aborts) first: until then
    // the group's committed offset is not where this process is.
    for (let open = this.open.get(key); open !== undefined; open = this.open.get(key)) await open.settled;
    await this.busy.get(key)?.catch(() => undefined);
    if (this.initialized.has(key)) return;
    const producer = await this.producer(key);
    const tx = await producer.transaction();
    await tx.abort();
    this.initialized.add(key);
  }

  /** One batch in its own transaction: staged, then committed at once. */
  async commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    await this.stage(topic, positions, process);
    await this.flush();
  }

  /**
   * Runs `process` and sends its records in the open transaction of the batch's producer (opening
   * one), noting the input positions to commit with it. Nothing is durable until `flush`; a failure
   * aborts every open transaction (the runner rewinds to the last commit).
   */
  stage(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    const changed = [...positions].filter(([p, offset]) => this.lastOffset(topic, p) !== offset);
    const key = this.keyOf(topic, changed[0]?.[0] ?? 0);
    const done = this.stageOn(key, topic, changed, process);
    this.busy.set(key, done);
    return done;
  }

  /** The offset last staged (or else committed) for an input partition. */
  private lastOffset(topic: string, partition: number): number | undefined {
    return this.staged.get(topic)?.get(partition) ?? this.committed.get(topic)?.get(partition);
  }

  private async stageOn(key: string, topic: string, changed: [number, number][], process: () => readonly SinkRecord[]): Promise<void> {
    let open = this.open.get(key);
    try {
      if (open === undefined) {
        const producer = await this.producer(key);
        this.initialized.add(key);
        let settle = (): void => undefined;
        const settled = new Promise<void>((resolve) => (settle = resolve));
        open = { producer, tx: await producer.transaction(), offsets: new Map(), sent: new Map(), settled, settle };
        this.open.set(key, open);
      }
      const byTopic = await messagesByTopic(process(), this.counts);
      if (byTopic.length > 0) {
        // Every topic's messages in one produce request (and one AddPartitionsToTxn), not one per topic.
        const results = await open.tx.sendBatch({ topicMessages: byTopic, acks: -1 });
        for (const r of results) {
          if (r.baseOffset === undefined) continue;
          let count = 0;
          for (const m of byTopic.find((g) => g.topic === r.topicName)?.messages ?? []) if (m.partition === r.partition) count++;
          open.sent.set(`${r.topicName}/${r.partition}`, { topic: r.topicName, partition: r.partition, nextOffset: Number(r.baseOffset) + count });
        }
      }
    } catch (e) {
      await this.abortAll();
      throw isFenced(e) ? new Error(`input partition ${key} moved to another process (producer fenced)`) : e;
    }
    if (changed.length === 0) return;
    const offsets = open.offsets.get(topic) ?? new Map<number, number>();
    const staged = this.staged.get(topic) ?? new Map<number, number>();
    for (const [p, offset] of changed) {
      offsets.set(p, offset);
      staged.set(p, offset);
    }
    open.offsets.set(topic, offsets);
    this.staged.set(topic, staged);
  }

  /**
   * Commits every open transaction: each with the input offsets of its staged batches
   * (`sendOffsets`). Producers commit in parallel; when one fails, the others' commits stand (the
   * runner rewinds to the group's committed offsets) and the error is thrown.
   */
  async flush(): Promise<void> {
    const opens = [...this.open];
    this.open.clear();
    this.staged.clear();
    if (opens.length === 0) return;
    const outcomes = await Promise.allSettled(
      opens.map(([key, open]) => {
        const done = this.commitOpen(open);
        this.busy.set(key, done);
        return done;
      }),
    );
    for (const [, open] of opens) open.settle();
    const sent: SentRange[] = [];
    let failure: { key: string; error: unknown } | null = null;
    for (const [i, outcome] of outcomes.entries()) {
      const [key, open] = opens[i]!;
      if (outcome.status === 'fulfilled') {
        for (const [topic, offsets] of open.offsets) {
          const last = this.committed.get(topic) ?? new Map<number, number>();
          for (const [p, offset] of offsets) last.set(p, offset);
          this.committed.set(topic, last);
        }
        sent.push(...open.sent.values());
      } else {
        await open.tx.abort().catch(() => undefined);
        this.dropProducer(key, open.producer);
        failure ??= { key, error: outcome.reason };
      }
    }
    if (sent.length > 0 || failure === null) this.options.onCommitted?.(sent);
    if (failure !== null) {
      this.options.onFailed?.();
      throw isFenced(failure.error) ? new Error(`input partition ${failure.key} moved to another process (producer fenced)`) : failure.error;
    }
  }

  private async commitOpen(open: OpenTransaction): Promise<void> {
    if (open.offsets.size > 0) {
      const topics = [...open.offsets].map(([topic, offsets]) => ({ topic, partitions: [...offsets].map(([partition, offset]) => ({ partition, offset: String(offset) })) }));
      await retryTransient(() => open.tx.sendOffsets({ consumerGroupId: this.groupId, topics }));
    }
    await open.tx.commit();
  }

  /** After a failed batch: aborts every open transaction; their producers start over (kafkajs cannot recover one). */
  private async abortAll(): Promise<void> {
    this.options.onFailed?.();
    const opens = [...this.open];
    this.open.clear();
    this.staged.clear();
    await Promise.all(
      opens.map(async ([key, open]) => {
        await open.tx.abort().catch(() => undefined);
        this.dropProducer(key, open.producer);
        open.settle();
      }),
    );
  }

  private dropProducer(key: string, producer: Producer): void {
    this.producers.delete(key);
    this.initialized.delete(key);
    void producer.disconnect().catch(() => undefined);
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
    // Batches staged but never flushed (the query was fenced, say) did not commit: neither may their local state.
    if (this.open.size > 0) await this.abortAll();
    const all = [...this.producers.values()];
    this.producers.clear();
    await Promise.all(all.map((p) => p.then((x) => x.disconnect()).catch(() => undefined)));
  }
}
