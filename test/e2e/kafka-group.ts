// Watching a query's consumer group on the real test broker: members and their partitions, committed input, waiting for a condition.

import kafkajs from 'kafkajs';
import type { CliProcess } from './cli-process.js';
import { sleep } from './cli-process.js';

/** The partitions each member of a Stable group was assigned (empty while it rebalances). */
export async function groupMembers(admin: kafkajs.Admin, group: string): Promise<number[]> {
  const described = await admin.describeGroups([group]);
  const g = described.groups[0];
  if (g === undefined || g.state !== 'Stable') return [];
  return g.members.map((m) => {
    const assignment = kafkajs.AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
    return Object.values(assignment?.assignment ?? {}).reduce((n, ps) => n + ps.length, 0);
  });
}

/** How many input records of `topic` the group has committed, over all partitions. */
export async function committedInput(admin: kafkajs.Admin, group: string, topic: string): Promise<number> {
  const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return (offsets[0]?.partitions ?? []).reduce((n, p) => n + Math.max(Number(p.offset), 0), 0);
}

/** Polls `probe` until true; fails at once if one of `procs` died, or after `timeoutMs` with their output. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, procs: readonly CliProcess[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    for (const p of procs) p.assertRunning('eddy serve');
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${procs.map((p) => p.describe()).join('\n')}`);
    await sleep(250);
  }
}
