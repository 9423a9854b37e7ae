// TopicReader: the port through which a query reads one topic from given positions.

import type { Positions, SourceRecord } from './records.js';

export interface TopicReader {
  readonly topic: string;
  /**
   * The next records after the current positions (at most `maxRecords`, in offset order within each
   * partition), advancing the positions in memory. When there are none, waits up to `waitMs` for new
   * ones (or until `signal` aborts) and returns what arrived, possibly nothing.
   */
  poll(maxRecords: number, waitMs: number, signal?: AbortSignal): Promise<readonly SourceRecord[]>;
  /**
   * Readers of a log in this process (the embedded log): the next records there are now (at most
   * `maxRecords`), read synchronously, never waiting; nothing when the positions are at the end.
   */
  readAvailable?(maxRecords: number): readonly SourceRecord[];
  /** The next offset per partition: where the following poll starts. */
  positions(): Positions;
  /** Moves the positions back, e.g. to the last committed ones after a failed commit. */
  seek(positions: Positions): void;
  /**
   * True when the positions are at the end of every partition as of `since` (epoch ms; default:
   * now) or later: everything written to the topic before then has been read. A reader that must
   * ask elsewhere for the ends (Kafka) answers false until it has ends fetched at `since` or later —
   * a caller waiting to catch up asks again with the same `since`.
   */
  caughtUp(since?: number): boolean;
  close(): void;
}
