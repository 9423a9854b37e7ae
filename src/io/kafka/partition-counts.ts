// PartitionCounts: how many partitions each topic has, cached (a record's partition is murmur2(key) % count).

import type { KafkaConnection } from './kafka-connection.js';

export class PartitionCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly connection: KafkaConnection) {}

  async of(topic: string): Promise<number> {
    const known = this.counts.get(topic);
    if (known !== undefined) return known;
    const admin = await this.connection.sharedAdmin();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const count = metadata.topics[0]?.partitions.length ?? 0;
    if (count === 0) throw new Error(`Topic '${topic}' does not exist on the Kafka cluster.`);
    this.counts.set(topic, count);
    return count;
  }

  forget(topic: string): void {
    this.counts.delete(topic);
  }
}
