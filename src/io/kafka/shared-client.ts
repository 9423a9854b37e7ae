// SharedClient: one kafkajs client shared by a process, connected on first use and replaced after a failed connect or once a deleted topic broke it.

import { healOnUnknownTopic } from './unknown-topic-healing.js';

interface Connectable {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export class SharedClient<T extends Connectable> {
  private current: Promise<T> | null = null;

  /** `retire` is handed a client that a deleted topic broke (calls in flight on it may still finish). */
  constructor(
    private readonly make: () => T,
    private readonly retire: (client: T) => void,
  ) {}

  get(): Promise<T> {
    if (this.current === null) {
      const client = this.make();
      const shared: Promise<T> = client.connect().then(() =>
        healOnUnknownTopic(client, () => {
          if (this.current === shared) this.current = null;
          this.retire(client);
        }),
      );
      this.current = shared;
      shared.catch(() => {
        if (this.current === shared) this.current = null;
        void client.disconnect().catch(() => undefined);
      });
    }
    return this.current;
  }

  /** Disconnects the current client, if any (the next `get` makes a new one). */
  async close(): Promise<void> {
    const current = this.current;
    this.current = null;
    await current?.then((c) => c.disconnect()).catch(() => undefined);
  }
}
