// The test broker the Kafka global setup provided (or why there is none), and unique names for topics and services.

import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

/** Bootstrap servers of the real test broker, or null when the Kafka tests are skipped. */
export const BROKERS: string | null = inject('kafkaBrokers');
export const SKIP_REASON: string = inject('kafkaSkipReason');

/** Test files use `describe.skipIf(NO_KAFKA)`; the global setup printed the one-line reason. */
export const NO_KAFKA = BROKERS === null;

export function brokerList(): string[] {
  if (BROKERS === null) throw new Error(`no Kafka broker: ${SKIP_REASON}`);
  return BROKERS.split(',');
}

/** A name no other test (or earlier run against the same broker) uses. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
