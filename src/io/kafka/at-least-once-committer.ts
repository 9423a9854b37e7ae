// AtLeastOnceCommitter: outputs first (acknowledged by all replicas), then the input offsets; a crash between repeats a batch.

import type { BatchCommitter, Positions, SinkRecord } from '../../exec/index.js';
import type { KafkaConnection } from './kafka-connection.js';
import type { KafkaFeed } from './kafka-feed.js';
import { messagesByTopic } from './messages-by-topic.js';
import type { PartitionCounts } from './partition-counts.js';

export class AtLeastOnceCommitter implements BatchCommitter {
  constructor(
    private readonly connection: KafkaConnection,
    private readonly feed: KafkaFeed,
    private readonly counts: PartitionCounts,
  ) {}

  async commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    const byTopic = await messagesByTopic(process(), this.counts);
    if (byTopic.length > 0) {
      const producer = await this.connection.sharedProducer();
      await producer.sendBatch({ topicMessages: byTopic, acks: -1 });
    }
    await this.feed.commitOffsets(topic, positions);
  }
}
