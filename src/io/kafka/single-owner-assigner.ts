// singleOwnerAssigner: a kafkajs partition assigner that gives every partition of a query with state to one member.

import { kafkajs } from './kafkajs-client.js';
import type { PartitionAssigner } from 'kafkajs';

export const SINGLE_OWNER_ASSIGNER = 'EddySingleOwner';

/**
 * A query with state keeps it per key across all its input partitions (an aggregation groups rows
 * from every partition), so one member at a time owns all of them; the others stand by and take
 * over when it leaves. The owner is the member that joined first (its `since`, sent as user data),
 * so a process joining later does not move the state.
 */
export function singleOwnerAssigner(since: number): PartitionAssigner {
  return ({ cluster }) => ({
    name: SINGLE_OWNER_ASSIGNER,
    version: 1,
    assign({ members, topics }) {
      const ranked = members
        .map((m) => ({ memberId: m.memberId, since: memberSince(m.memberMetadata) }))
        .sort((a, b) => a.since - b.since || a.memberId.localeCompare(b.memberId));
      const owner = ranked[0]?.memberId;
      const everything: Record<string, number[]> = {};
      for (const topic of topics) everything[topic] = cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId);
      return Promise.resolve(
        ranked.map((m) => ({
          memberId: m.memberId,
          memberAssignment: kafkajs().AssignerProtocol.MemberAssignment.encode({ version: 1, assignment: m.memberId === owner ? everything : {}, userData: Buffer.alloc(0) }),
        })),
      );
    },
    protocol({ topics }) {
      return {
        name: SINGLE_OWNER_ASSIGNER,
        metadata: kafkajs().AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.from(JSON.stringify({ since })) }),
      };
    },
  });
}

function memberSince(metadata: Buffer): number {
  try {
    const decoded = kafkajs().AssignerProtocol.MemberMetadata.decode(metadata);
    const since = (JSON.parse(decoded?.userData.toString('utf8') ?? '{}') as { since?: unknown }).since;
    return typeof since === 'number' ? since : Number.MAX_SAFE_INTEGER;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}
