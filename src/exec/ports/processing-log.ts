// ProcessingLogger: where a query reports a record it had to skip (bad data, failed expression).

export interface ProcessingLogEntry {
  readonly queryId: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly message: string;
  /** The raw record, truncated, as text. */
  readonly record: string | null;
}

export interface ProcessingLogger {
  log(entry: ProcessingLogEntry): void;
}
