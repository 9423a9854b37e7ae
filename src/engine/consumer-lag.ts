// consumerLag: how far a persistent query's committed positions are behind the end of a topic, per partition.

import type { Catalog, QueryDefinition } from '../catalog/index.js';
import type { EngineContext } from './engine-context.js';

export interface PartitionLag {
  readonly partition: number;
  /** The next offset the query will read, as committed (null before its first commit on the partition). */
  readonly committed: number | null;
  readonly end: number;
  readonly lag: number;
}

/** The topics a persistent query reads (a table's materialization reads its own topic). */
export function inputTopics(catalog: Catalog, def: QueryDefinition): string[] {
  const names = def.kind === 'CT' ? [def.sink] : def.sources;
  return [...new Set(names.map((n) => catalog.sources.get(n)?.topic).filter((t): t is string => t !== undefined))];
}

/** Per partition of the topic: committed offset, end offset and lag (null when the topic is gone). */
export async function consumerLag(ctx: EngineContext, queryId: string, topic: string): Promise<PartitionLag[] | null> {
  const description = await ctx.topics.describeTopic(topic);
  if (description === undefined) return null;
  const committed = await ctx.topics.committedOffsets(queryId, topic);
  return description.endOffsets.map((end, partition) => {
    const at = committed.get(partition) ?? null;
    return { partition, committed: at, end, lag: Math.max(0, end - (at ?? 0)) };
  });
}

/** DESCRIBE EXTENDED's block: each reading query's consumer group and its lag per partition. */
export async function consumerLagLines(ctx: EngineContext, topic: string, readers: readonly QueryDefinition[]): Promise<string[]> {
  if (readers.length === 0) return [];
  const lines = [`Consumer lag on '${topic}' (each reading query's committed offset vs the partition's end offset):`];
  for (const q of readers) {
    const partitions = (await consumerLag(ctx, q.id, topic)) ?? [];
    const total = partitions.reduce((sum, p) => sum + p.lag, 0);
    lines.push(`  ${q.id} (consumer group ${ctx.topics.groupOf(q.id)}): total lag ${total}`);
    for (const p of partitions) lines.push(`    partition ${p.partition}: committed ${p.committed ?? '-'}, end ${p.end}, lag ${p.lag}`);
  }
  return lines;
}
