// LogRetention: applies the embedded log's per-topic retention (RETENTION_MS) when the engine starts and every minute after.

import type { Clock } from '../common/index.js';
import type { EmbeddedLog } from '../io/index.js';
import type { EngineLogger } from './engine-context.js';

/** How often a running engine deletes the embedded log's expired batches. */
export const RETENTION_CHECK_MS = 60_000;

export class LogRetention {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly log: EmbeddedLog,
    private readonly clock: Clock,
    private readonly logger: EngineLogger,
  ) {
    this.run();
    this.timer = setInterval(() => this.run(), RETENTION_CHECK_MS);
    this.timer.unref();
  }

  /** One pass; a failure (a busy database, say) is reported and retried at the next. */
  run(): number {
    try {
      const deleted = this.log.enforceRetention(this.clock.now());
      if (deleted > 0) this.logger.info(`Retention deleted ${deleted} record${deleted === 1 ? '' : 's'} from the embedded log.`);
      return deleted;
    } catch (e) {
      this.logger.warn(`log retention failed, will retry: ${(e as Error).message}`);
      return 0;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
