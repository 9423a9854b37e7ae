// messagesByTopic: groups a batch's sink records into kafkajs messages per topic, each with its partition.

import type { Message } from 'kafkajs';
import type { SinkRecord } from '../../exec/index.js';
import { toMessage } from './kafka-records.js';
import type { PartitionCounts } from './partition-counts.js';

/** A topic's messages of one batch (kafkajs's `topicMessages`). */
export interface TopicMessages {
  readonly topic: string;
  readonly messages: Message[];
}

export async function messagesByTopic(records: readonly SinkRecord[], counts: PartitionCounts): Promise<TopicMessages[]> {
  const byTopic = new Map<string, TopicGroup>();
  // A batch writes to a few topics, in runs (the sink's records, then the changelog's): the partition
  // count is looked up (awaited) once per topic, not once per record.
  let last: TopicGroup | undefined;
  for (const record of records) {
    let group = last !== undefined && last.topic === record.topic ? last : byTopic.get(record.topic);
    if (group === undefined) {
      group = { topic: record.topic, messages: [], partitions: await counts.of(record.topic) };
      byTopic.set(record.topic, group);
    }
    group.messages.push(toMessage(record, group.partitions));
    last = group;
  }
  return [...byTopic.values()].map(({ topic, messages }) => ({ topic, messages }));
}

interface TopicGroup extends TopicMessages {
  readonly partitions: number;
}
