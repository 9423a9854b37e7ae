// StateChangelog: a query's state changelog topic on Kafka — replayed into local state when this process becomes the owner, checkpointed at a clean stop.

import type { SourceRecord } from '../../exec/index.js';
import type { StateRestorer } from '../topics.js';
import type { KafkaConnection } from './kafka-connection.js';
import type { SentRange } from './transactional-committer.js';

/** Reads a topic from its start to its end as of now, handing over records a chunk at a time. */
export type ChunkReader = (topic: string, onChunk: (records: readonly SourceRecord[]) => void) => Promise<void>;

export class StateChangelog {
  private restored: Promise<void> | null = null;
  /** The changelog's end offset as this process's local state knows it; null until it owns the query. */
  private expectedEnd: number | null = null;

  constructor(
    private readonly connection: KafkaConnection,
    readonly topic: string,
    private readonly restorer: StateRestorer,
    private readonly read: ChunkReader,
    /** Only exactly-once changelogs end where the local state does: at-least-once ones always replay. */
    private readonly exactlyOnce: boolean,
  ) {}

  /**
   * Before this process first processes a batch as the owner (after fencing the previous owner, so
   * the changelog is final): keeps the local state when its checkpoint equals the changelog's end,
   * otherwise rebuilds it from the changelog; tables kept by their sink topics are read from those. Runs once per feed; the feed fails when ownership moves.
   */
  restore(): Promise<void> {
    this.restored ??= this.replay();
    return this.restored;
  }

  private async replay(): Promise<void> {
    const end = await this.endOffset();
    let replayed: number | null = null;
    if (!this.exactlyOnce || this.restorer.checkpoint() !== end) {
      this.restorer.reset();
      replayed = 0;
      if (end > 0) {
        await this.read(this.topic, (records) => {
          this.restorer.apply(records);
          replayed! += records.length;
        });
      }
    } else {
      this.restorer.resetTableTopics();
    }
    // A sink topic changes without the changelog when nothing else of the state did: read in full.
    for (const topic of this.restorer.tableTopics()) {
      await this.read(topic, (records) => this.restorer.applyTableTopic(topic, records));
    }
    this.restorer.restored(this.topic, replayed);
    // From here on local state runs ahead of any checkpoint: a crash means replaying next time.
    this.restorer.recordCheckpoint(null);
    this.expectedEnd = end;
  }

  /** After each committed transaction: where the changelog ends now (past the commit marker). */
  onCommitted(sent: readonly SentRange[]): void {
    for (const s of sent) if (s.topic === this.topic) this.expectedEnd = s.nextOffset + 1;
  }

  /** A batch failed after changing local state: no checkpoint until the state is rebuilt. */
  onFailed(): void {
    this.expectedEnd = null;
  }

  /** At a clean stop: records the checkpoint if nothing but this process's commits changed the changelog. */
  async close(): Promise<void> {
    if (this.expectedEnd === null || !this.exactlyOnce) return;
    const end = await this.endOffset().catch(() => -1);
    if (end === this.expectedEnd) this.restorer.recordCheckpoint(end);
  }

  private async endOffset(): Promise<number> {
    const admin = await this.connection.sharedAdmin();
    const offsets = await admin.fetchTopicOffsets(this.topic);
    return Number(offsets.find((o) => o.partition === 0)?.high ?? 0);
  }
}
