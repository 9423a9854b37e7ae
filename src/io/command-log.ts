// CommandLog: a deployment's shared, ordered log of catalog commands (on Kafka, the service id's command topic).

/** One command: the entity it sets (`source:NAME`, `query:ID`, …) and its new definition as JSON (null: removed). */
export interface CatalogCommand {
  readonly key: string;
  readonly value: string | null;
}

export interface CommandLog {
  /** Appends commands in order (durably, acknowledged by every in-sync replica). */
  append(commands: readonly CatalogCommand[]): Promise<void>;
  /**
   * Starts following the log from its beginning: `apply` gets every command in log order, the
   * first call with `first` true (also when the log is empty, then with no commands).
   */
  follow(apply: (commands: readonly CatalogCommand[], first: boolean) => void): Promise<void>;
  /** Resolves once everything appended to the log before the call has been applied. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}
