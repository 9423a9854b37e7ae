// BatchCommitter: the port that makes one batch's outputs, state and input positions durable together.

import type { Positions, SinkRecord } from './records.js';

export interface BatchCommitter {
  /**
   * Atomically: runs `process` (operators update state through the state store inside it), appends
   * the sink records it returns, and records `positions` as the query's committed input positions.
   * Throws `FencedError` when another process now owns the query; nothing is committed then.
   * The embedded log commits synchronously; Kafka returns a promise (a transaction round trip).
   */
  commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): void | Promise<void>;
  /**
   * Committers whose transaction runs `process` synchronously (the embedded log): like `commit`, for
   * batches of any of the query's inputs. `positions` (topic → positions) is read only once
   * `process` has returned, so `process` may read and process further batches and record where
   * each input it read stands: a group of batches, one transaction.
   */
  commitGroup?(positions: ReadonlyMap<string, Positions>, process: () => readonly SinkRecord[]): void | Promise<void>;
  /**
   * Committers that can keep one transaction open across batches (Kafka, exactly-once): like
   * `commit`, but the batch joins the open transaction (opening one if needed) and becomes durable
   * only with the next `flush`. A failure (here or in `flush`) aborts every staged batch.
   */
  stage?(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void>;
  /** Commits the open transaction (outputs and the input positions of every staged batch); no-op when none is open. */
  flush?(): Promise<void>;
}

/** The query's lease moved to another process: stop without committing. */
export class FencedError extends Error {
  constructor(queryId: string) {
    super(`query ${queryId} is now run by another process`);
    this.name = 'FencedError';
  }
}
