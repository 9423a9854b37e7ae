// healOnUnknownTopic: a shared kafkajs client that is replaced once a topic it knew is deleted by someone else (kafkajs then fails every metadata refresh).

/**
 * kafkajs's admin and producer refresh the metadata of every topic they ever touched. Once one of
 * those topics is deleted by another client (another Eddy process's DROP … DELETE TOPIC or
 * TERMINATE, a Kafka tool), every later refresh fails with UNKNOWN_TOPIC_OR_PARTITION — for good,
 * whatever topic the call is about. The returned proxy calls `retire` on such a failure (the error
 * still reaches the caller), so that the owner hands out a new client, which knows no topic yet,
 * to the next caller.
 */
export function healOnUnknownTopic<T extends object>(client: T, retire: () => void): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((e: unknown) => {
          if (isUnknownTopic(e)) retire();
          throw e;
        });
      };
    },
  });
}

/** UNKNOWN_TOPIC_OR_PARTITION, also as the cause of kafkajs's "retries exceeded" error. */
export function isUnknownTopic(e: unknown): boolean {
  for (let err = e as { type?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; err !== undefined && err !== null && depth < 4; depth++) {
    if (err.type === 'UNKNOWN_TOPIC_OR_PARTITION') return true;
    err = (err.originalError ?? err.cause) as typeof err;
  }
  return false;
}
