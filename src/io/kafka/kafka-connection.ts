// KafkaConnection: the kafkajs client of one Eddy process — settings, one shared admin and one plain producer.

import kafkajs from './kafkajs-client.js';
import type { Admin, Consumer, ConsumerConfig, Kafka, Producer, ProducerConfig } from 'kafkajs';
import { healOnUnknownTopic } from './unknown-topic-healing.js';

const { Kafka: KafkaClient, logLevel, Partitioners } = kafkajs;

/** A retired shared client is disconnected this long after it was replaced (calls in flight on it finish first). */
const RETIRED_CLIENT_GRACE_MS = 30_000;

export interface KafkaConnectionOptions {
  /** Bootstrap servers, `host:port`. */
  readonly brokers: readonly string[];
  /** Names consumer groups, transactional ids and Eddy's own topics (`--service-id`, default `eddy`). */
  readonly serviceId: string;
  /** Called with what the client is waiting for (a broker that is away), at most once per few seconds. */
  readonly onWait?: (message: string) => void;
}

/** Test-friendly but production-sane client timings (kafkajs's defaults wait seconds per fetch and rebalance). */
const CONSUMER_DEFAULTS: Omit<ConsumerConfig, 'groupId'> = {
  sessionTimeout: 10_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 100,
  allowAutoTopicCreation: false,
  readUncommitted: false,
  retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5_000 },
};

export class KafkaConnection {
  readonly kafka: Kafka;
  readonly serviceId: string;
  readonly brokers: readonly string[];
  private admin: Promise<Admin> | null = null;
  private producer: Promise<Producer> | null = null;
  /** Shared clients replaced after a deleted topic broke their metadata, until they are disconnected. */
  private readonly retired = new Set<Admin | Producer>();

  constructor(options: KafkaConnectionOptions) {
    this.serviceId = options.serviceId;
    this.brokers = options.brokers;
    this.kafka = new KafkaClient({
      clientId: `eddy-${options.serviceId}`,
      brokers: [...options.brokers],
      // kafkajs logs every retried request as an error; Eddy reports what matters itself.
      logLevel: process.env.EDDY_KAFKAJS_LOG === '1' ? logLevel.INFO : logLevel.NOTHING,
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
  }

  /** The shared admin client, connected on first use (and again after a failed connect, or after a deleted topic broke it). */
  async sharedAdmin(): Promise<Admin> {
    if (this.admin === null) {
      const admin = this.kafka.admin();
      const shared: Promise<Admin> = admin.connect().then(() =>
        healOnUnknownTopic(admin, () => {
          if (this.admin === shared) this.admin = null;
          this.retire(admin);
        }),
      );
      this.admin = shared;
      shared.catch(() => {
        if (this.admin === shared) this.admin = null;
        void admin.disconnect().catch(() => undefined);
      });
    }
    return this.admin;
  }

  /** The shared idempotent producer for appends outside queries (INSERT … VALUES); replaced as the admin is. */
  async sharedProducer(): Promise<Producer> {
    if (this.producer === null) {
      const producer = this.newProducer({ idempotent: true, maxInFlightRequests: 1 });
      const shared: Promise<Producer> = producer.connect().then(() =>
        healOnUnknownTopic(producer, () => {
          if (this.producer === shared) this.producer = null;
          this.retire(producer);
        }),
      );
      this.producer = shared;
      shared.catch(() => {
        if (this.producer === shared) this.producer = null;
        void producer.disconnect().catch(() => undefined);
      });
    }
    return this.producer;
  }

  /** Disconnects a replaced shared client once the calls in flight on it had time to finish (or at close). */
  private retire(client: Admin | Producer): void {
    if (this.retired.has(client)) return;
    this.retired.add(client);
    const timer = setTimeout(() => {
      if (this.retired.delete(client)) void client.disconnect().catch(() => undefined);
    }, RETIRED_CLIENT_GRACE_MS);
    timer.unref();
  }

  /** A producer that always gets explicit partitions (Eddy partitions by murmur2 itself, as the embedded log does). */
  newProducer(config: ProducerConfig): Producer {
    return this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 }, ...config });
  }

  /** A group member; `assigners` replaces kafkajs's round-robin assignment (queries with state: one owner). */
  newConsumer(groupId: string, assigners?: ConsumerConfig['partitionAssigners']): Consumer {
    return this.kafka.consumer({ ...CONSUMER_DEFAULTS, groupId, ...(assigners === undefined ? {} : { partitionAssigners: assigners }) });
  }

  async close(): Promise<void> {
    const admin = this.admin;
    const producer = this.producer;
    this.admin = null;
    this.producer = null;
    const retired = [...this.retired];
    this.retired.clear();
    await Promise.all([
      admin?.then((a) => a.disconnect()).catch(() => undefined),
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      ...retired.map((c) => c.disconnect().catch(() => undefined)),
    ]);
  }
}
