// topicRequest: the topic a CREATE statement asks for — PARTITIONS plus REPLICAS, RETENTION_MS, CLEANUP_POLICY (a table's compacted by default).

import { EngineError } from '../common/index.js';
import type { TopicRequest } from './bound-statement.js';
import type { WithProperties } from './with-properties.js';

const CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;

/**
 * Without CLEANUP_POLICY a stream's topic takes the cluster's default (delete after its retention)
 * and a table's is compacted, as in ksqlDB: a table's topic keeps each key's last row however old
 * (a table on Kafka is restored from it). A windowed table's topic, and a table's with
 * RETENTION_MS, is `compact,delete`: rows older than the retention (old windows) go.
 */
export function topicRequest(props: WithProperties, name: string, partitions: number, of: { kind: 'STREAM' | 'TABLE'; windowed: boolean }): TopicRequest {
  const replicas = props.int('REPLICAS');
  const retentionMs = props.int('RETENTION_MS');
  const policy = props.string('CLEANUP_POLICY');
  let cleanupPolicy: TopicRequest['cleanupPolicy'];
  if (policy !== undefined) {
    const normalized = policy.toLowerCase().replace(/\s+/g, '').split(',').sort().join(',');
    cleanupPolicy = CLEANUP_POLICIES.find((p) => p === normalized);
    if (cleanupPolicy === undefined) {
      throw new EngineError('INVALID_PROPERTY', `CLEANUP_POLICY must be 'delete', 'compact' or 'compact,delete', not '${policy}'.`, props.spanOf('CLEANUP_POLICY'));
    }
  }
  if (cleanupPolicy === undefined && of.kind === 'TABLE') cleanupPolicy = of.windowed || retentionMs !== undefined ? 'compact,delete' : 'compact';
  return {
    name,
    partitions,
    ...(replicas === undefined ? {} : { replicas }),
    ...(retentionMs === undefined ? {} : { retentionMs }),
    ...(cleanupPolicy === undefined ? {} : { cleanupPolicy }),
  };
}
