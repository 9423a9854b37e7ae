// KafkaProcessingLog: the processing log's topic on Kafka — entries appended as they are logged (at least once), flushed before they are read.

import { EngineError } from '../common/index.js';
import type { SinkRecord } from '../exec/index.js';
import type { Topics } from '../io/index.js';

/** The processing log topic of a service id on Kafka (internal: SHOW TOPICS leaves `_` topics out). */
export function kafkaProcessingLogTopic(serviceId: string): string {
  return `_eddy-${serviceId}-processing-log`;
}

export class KafkaProcessingLog {
  private readonly pending = new Set<Promise<void>>();
  private ensured: Promise<void> | null = null;

  constructor(
    private readonly topics: Topics,
    readonly topic: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** Creates the topic (one partition) unless it exists; another process creating it at the same moment is fine. */
  ensureTopic(): Promise<void> {
    this.ensured ??= (async () => {
      if ((await this.topics.describeTopic(this.topic)) !== undefined) return;
      await this.topics.createTopic(this.topic, { partitions: 1 }).catch(async (e: unknown) => {
        // Another process may have created it at the same moment (Kafka answers "already exists" in more than one way).
        if (e instanceof EngineError && e.code === 'CONFLICT') return;
        if ((await this.topics.describeTopic(this.topic)) === undefined) throw e;
      });
    })().catch((e: unknown) => {
      this.ensured = null;
      throw e;
    });
    return this.ensured;
  }

  /** Appends one entry in the background; a failure is a warning (the entry is still in the data directory's processing_log table). */
  append(record: SinkRecord): void {
    const write = this.ensureTopic()
      .then(() => this.topics.append([record]))
      .catch((e: unknown) => this.warn(`cannot write the processing log topic '${this.topic}': ${(e as Error).message}`))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for the entries appended so far to be written (or to have failed); what close waits for. */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Waits for the topic and for every entry appended so far. */
  async flush(): Promise<void> {
    await this.ensureTopic();
    await Promise.all([...this.pending]);
  }
}
