// topicSettings: what the analyzer's topic request asks of the Topics seam (partitions, replicas, retention, cleanup).

import type { TopicRequest } from '../analyze/index.js';
import type { TopicSettings } from '../io/index.js';

export function topicSettings(request: TopicRequest): TopicSettings {
  return {
    partitions: request.partitions,
    ...(request.replicas === undefined ? {} : { replicas: request.replicas }),
    ...(request.retentionMs === undefined ? {} : { retentionMs: request.retentionMs }),
    ...(request.cleanupPolicy === undefined ? {} : { cleanupPolicy: request.cleanupPolicy }),
  };
}
