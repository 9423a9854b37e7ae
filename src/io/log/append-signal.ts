// AppendSignal: wakes readers in this process as soon as a topic gets new records.

export class AppendSignal {
  private readonly waiters = new Map<string, Set<() => void>>();

  notify(topic: string): void {
    const set = this.waiters.get(topic);
    if (set === undefined) return;
    this.waiters.delete(topic);
    for (const wake of set) wake();
  }

  /** Wakes every waiting reader (another process appended somewhere; each reader looks for itself). */
  notifyAll(): void {
    for (const topic of [...this.waiters.keys()]) this.notify(topic);
  }

  /** Resolves on the next append to `topic`, after `ms`, or when `signal` aborts — whichever is first. */
  wait(topic: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let set = this.waiters.get(topic);
      if (set === undefined) {
        set = new Set();
        this.waiters.set(topic, set);
      }
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
