// messagesByTopic: groups a batch's sink records into kafkajs messages per topic, each with its partition.

import type { Message } from 'kafkajs';
import type { SinkRecord } from '../../exec/index.js';
import { toMessage } from './kafka-records.js';
import type { PartitionCounts } from './partition-counts.js';

export async function messagesByTopic(records: readonly SinkRecord[], counts: PartitionCounts): Promise<Map<string, Message[]>> {
  const out = new Map<string, Message[]>();
  for (const record of records) {
    const partitions = await counts.of(record.topic);
    let list = out.get(record.topic);
    if (list === undefined) out.set(record.topic, (list = []));
    list.push(toMessage(record, partitions));
  }
  return out;
}
