// topicRequest: the topic a CREATE statement asks for — PARTITIONS plus REPLICAS, RETENTION_MS, CLEANUP_POLICY.

import { EngineError } from '../common/index.js';
import type { TopicRequest } from './bound-statement.js';
import type { WithProperties } from './with-properties.js';

const CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;

export function topicRequest(props: WithProperties, name: string, partitions: number): TopicRequest {
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
  return {
    name,
    partitions,
    ...(replicas === undefined ? {} : { replicas }),
    ...(retentionMs === undefined ? {} : { retentionMs }),
    ...(cleanupPolicy === undefined ? {} : { cleanupPolicy }),
  };
}
