// consumerGroupsOf: the cluster's consumer groups and, per topic, how many of each group's consumers read it (admin describe + committed offsets).

import type { Admin } from 'kafkajs';
import { kafkajs } from './kafkajs-client.js';
import type { ConsumerGroupInfo } from '../topics.js';

/**
 * Every consumer group of the cluster with the topics it reads: those its members are assigned
 * (counted per member) and those it has committed offsets on (with no member reading, 0).
 */
export async function consumerGroupsOf(admin: Admin): Promise<ConsumerGroupInfo[]> {
  const ids = (await admin.listGroups()).groups.filter((g) => g.protocolType === 'consumer' || g.protocolType === '').map((g) => g.groupId).sort();
  if (ids.length === 0) return [];
  const described = new Map((await admin.describeGroups(ids)).groups.map((g) => [g.groupId, g]));
  const out: ConsumerGroupInfo[] = [];
  for (const groupId of ids) {
    const consumersByTopic = new Map<string, number>();
    for (const member of described.get(groupId)?.members ?? []) {
      const assignment = member.memberAssignment.length === 0 ? null : kafkajs().AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      for (const [topic, partitions] of Object.entries(assignment?.assignment ?? {})) {
        if (partitions.length > 0) consumersByTopic.set(topic, (consumersByTopic.get(topic) ?? 0) + 1);
      }
    }
    const committed = await admin.fetchOffsets({ groupId }).catch(() => []);
    for (const { topic, partitions } of committed) {
      if (!consumersByTopic.has(topic) && partitions.some((p) => Number(p.offset) >= 0)) consumersByTopic.set(topic, 0);
    }
    if (consumersByTopic.size > 0) out.push({ groupId, consumersByTopic });
  }
  return out;
}

/** A group's committed positions on a topic (partition → next offset); partitions it never committed are left out. */
export async function committedOffsetsOf(admin: Admin, groupId: string, topic: string): Promise<Map<number, number>> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return new Map((offsets?.partitions ?? []).filter((p) => Number(p.offset) >= 0).map((p) => [p.partition, Number(p.offset)]));
}
