// SinkRecorder: collects the records appended to a set of topics, in the order they appear across drains.

import type { Engine, TestRecord } from '../engine/index.js';

export class SinkRecorder {
  private readonly topics = new Map<string, { positions: Map<number, number>; records: TestRecord[] }>();

  constructor(private readonly engine: Engine) {}

  /** Starts recording a topic (from its first record) if it is not recorded yet. */
  watch(topic: string): void {
    if (!this.topics.has(topic)) this.topics.set(topic, { positions: new Map(), records: [] });
  }

  /** Watches the sink topic of every persistent query in the catalog. */
  watchSinks(): void {
    const catalog = this.engine.catalog();
    for (const query of catalog.queries.values()) {
      const sink = catalog.sources.get(query.sink);
      if (sink !== undefined) this.watch(sink.topic);
    }
  }

  /** Reads what was appended since the last call, topic by topic, partition by partition. */
  async collect(): Promise<void> {
    for (const [topic, state] of this.topics) {
      if ((await this.engine.topicShape(topic)).partitions === null) continue;
      for (const r of await this.engine.readTestRecords(topic, state.positions)) {
        state.records.push(r);
        state.positions.set(r.partition, r.offset + 1);
      }
    }
  }

  watched(): string[] {
    return [...this.topics.keys()];
  }

  records(topic: string): readonly TestRecord[] {
    return this.topics.get(topic)?.records ?? [];
  }
}
