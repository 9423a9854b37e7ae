// KafkaConnection: the kafkajs client of one Eddy process — settings, one shared admin and one plain producer.

import { kafkajs } from './kafkajs-client.js';
import type { Admin, Consumer, ConsumerConfig, Kafka, Producer, ProducerConfig } from 'kafkajs';
import { SharedClient } from './shared-client.js';

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
  private readonly admin: SharedClient<Admin>;
  private readonly producer: SharedClient<Producer>;
  /** Shared clients replaced after a deleted topic broke their metadata, until they are disconnected. */
  private readonly retired = new Set<Admin | Producer>();

  constructor(options: KafkaConnectionOptions) {
    this.serviceId = options.serviceId;
    this.brokers = options.brokers;
    const { Kafka: KafkaClient, logLevel } = kafkajs();
    this.kafka = new KafkaClient({
      clientId: `eddy-${options.serviceId}`,
      brokers: [...options.brokers],
      // kafkajs logs every retried request as an error; Eddy reports what matters itself.
      logLevel: process.env.EDDY_KAFKAJS_LOG === '1' ? logLevel.INFO : logLevel.NOTHING,
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
    this.admin = new SharedClient(() => this.kafka.admin(), (c) => this.retire(c));
    this.producer = new SharedClient(() => this.newProducer({ idempotent: true, maxInFlightRequests: 1 }), (c) => this.retire(c));
  }

  /** The shared admin client, connected on first use (and again after a failed connect, or after a deleted topic broke it). */
  sharedAdmin(): Promise<Admin> {
    return this.admin.get();
  }

  /** The shared idempotent producer for appends outside queries (INSERT … VALUES); replaced as the admin is. */
  sharedProducer(): Promise<Producer> {
    return this.producer.get();
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
    return this.kafka.producer({ createPartitioner: kafkajs().Partitioners.DefaultPartitioner, retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 }, ...config });
  }

  /** A group member; `assigners` replaces kafkajs's round-robin assignment (queries with state: one owner). */
  newConsumer(groupId: string, assigners?: ConsumerConfig['partitionAssigners']): Consumer {
    return this.kafka.consumer({ ...CONSUMER_DEFAULTS, groupId, ...(assigners === undefined ? {} : { partitionAssigners: assigners }) });
  }

  async close(): Promise<void> {
    const retired = [...this.retired];
    this.retired.clear();
    await Promise.all([this.admin.close(), this.producer.close(), ...retired.map((c) => c.disconnect().catch(() => undefined))]);
  }
}
