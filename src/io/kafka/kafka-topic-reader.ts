// KafkaTopicReader: exec's TopicReader port over one topic of a KafkaFeed (a consumer-group member).

import type { Positions, SourceRecord, TopicReader } from '../../exec/index.js';
import type { KafkaFeed } from './kafka-feed.js';

export class KafkaTopicReader implements TopicReader {
  constructor(
    private readonly feed: KafkaFeed,
    readonly topic: string,
  ) {}

  poll(maxRecords: number, waitMs: number, signal?: AbortSignal): Promise<readonly SourceRecord[]> {
    return this.feed.poll(this.topic, maxRecords, waitMs, signal);
  }

  positions(): Positions {
    return this.feed.positions(this.topic);
  }

  seek(positions: Positions): void {
    this.feed.seek(this.topic, positions);
  }

  caughtUp(since: number = Date.now()): boolean {
    return this.feed.caughtUp(this.topic, since);
  }

  close(): void {
    // The feed is shared by the query's readers; QueryIo.close() closes it.
  }
}
