// retryTransient: retries a Kafka call that fails with a retriable error (kafkajs leaves some unretried, e.g. sendOffsets).

const RETRIABLE = new Set(['CONCURRENT_TRANSACTIONS', 'COORDINATOR_LOAD_IN_PROGRESS', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR', 'REQUEST_TIMED_OUT']);

interface KafkaError {
  readonly type?: string;
  readonly retriable?: boolean;
}

export function isRetriable(e: unknown): boolean {
  const err = e as KafkaError;
  return err.retriable === true || (err.type !== undefined && RETRIABLE.has(err.type));
}

/** Fencing errors: another process now owns the transactional id (its input partition moved). */
export function isFenced(e: unknown): boolean {
  const type = (e as KafkaError).type;
  return type === 'INVALID_PRODUCER_EPOCH' || type === 'PRODUCER_FENCED' || type === 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED' || type === 'INVALID_PRODUCER_ID_MAPPING';
}

export async function retryTransient<T>(what: () => Promise<T>, attempts = 20, delayMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await what();
    } catch (e) {
      if (attempt >= attempts || !isRetriable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.min(delayMs * attempt, 1_000)));
    }
  }
}
