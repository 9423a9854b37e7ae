// KafkaFeed: one consumer-group member turned from kafkajs's push callbacks into pull batches, one partition at a time.

import type { Admin, Batch, Consumer } from 'kafkajs';
import type { Positions, SourceRecord } from '../../exec/index.js';
import type { KafkaConnection } from './kafka-connection.js';
import { fromMessage } from './kafka-records.js';
import { singleOwnerAssigner } from './single-owner-assigner.js';

/** A fetched batch of one partition, waiting for the query runner to take it. */
interface PendingBatch {
  readonly topic: string;
  readonly partition: number;
  records: readonly SourceRecord[];
  /** The offset after the batch, past any trailing transaction markers. */
  readonly endOffset: number;
  /** Lets kafkajs go on fetching (called when the batch is fully taken or dropped). */
  readonly release: () => void;
  /** Tells kafkajs to fetch after this batch next (not a commit: offsets are committed with the outputs). */
  readonly resolve: () => void;
}

export interface FeedOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly reset: 'earliest' | 'latest';
  /** Topics read from their start whatever `reset` says (a join's tables). */
  readonly fromStart?: readonly string[];
  /**
   * For committing groups: called before the first batch of a partition after each assignment. The
   * transactional committer initializes that partition's producer there, which fences a previous
   * owner and waits for its open transaction to end — only then are the committed offsets final.
   */
  readonly prepare?: (topic: string, partition: number) => Promise<void>;
  /**
   * A query with state: one member owns every partition (the others stand by), and losing a
   * partition fails the feed — the query then reopens and rebuilds its state from the changelog.
   */
  readonly singleOwner?: boolean;
}

/** How many partitions may each have a fetched batch waiting for the runner at once. */
const MAX_PARTITIONS_IN_FLIGHT = 64;

/** How old the end and committed offsets may get while `caughtUp` keeps answering that a topic is behind. */
const RESNAPSHOT_MS = 1_000;

/** While a fetched batch waits for the runner, kafkajs's heartbeats are sent this often. */
const HEARTBEAT_WHILE_WAITING_MS = 1_000;

export class KafkaFeed {
  private readonly pending: PendingBatch[] = [];
  private wakeUps: (() => void)[] = [];
  /** topic → partitions assigned to this member (known after the first group join). */
  private assigned: Map<string, Set<number>> | null = null;
  /** topic → partition → the next offset to read (after what was handed out). */
  private readonly next = new Map<string, Map<number, number>>();
  /** topic → partition → end offset (high watermark), with when the snapshot was requested. */
  private ends = new Map<string, Map<number, number>>();
  private starts = new Map<string, Map<number, number>>();
  private endsRequestedAt = -1;
  /** When the last snapshot arrived (a topic still behind asks for a new one once this is RESNAPSHOT_MS old). */
  private endsRefreshedAt = -1;
  private endsRefresh: Promise<void> | null = null;
  /** Per topic: the positions a failed commit sends it back to (before its next poll). */
  private readonly rewinds = new Map<string, Positions>();
  private stopped = false;
  /** `topic/partition` whose start was checked against the committed offset since the last assignment. */
  private verified = new Set<string>();
  /**
   * `topic/partition` → its preparation begun when the partition was assigned (with the committed
   * offset read after it), so that its first records do not wait for it; the first batch takes it.
   */
  private early = new Map<string, Promise<{ committed: number | undefined }>>();
  /** Those preparations still running, whichever assignment began them (`close` waits for them). */
  private readonly preparing = new Set<Promise<unknown>>();
  /** The last error kafkajs's consumer crashed with (it restarts itself); surfaced by `poll`. */
  private crash: Error | null = null;
  /** Set when a single-owner feed loses partitions: every poll fails from then on. */
  private revoked: Error | null = null;

  private constructor(
    private readonly connection: KafkaConnection,
    private readonly consumer: Consumer,
    readonly options: FeedOptions,
  ) {}

  static async open(connection: KafkaConnection, options: FeedOptions): Promise<KafkaFeed> {
    const consumer = connection.newConsumer(options.groupId, options.singleOwner === true ? [singleOwnerAssigner(Date.now())] : undefined);
    const feed = new KafkaFeed(connection, consumer, options);
    feed.listen();
    try {
      await consumer.connect();
      const fromStart = options.topics.filter((t) => options.reset === 'earliest' || options.fromStart?.includes(t) === true);
      const fromEnd = options.topics.filter((t) => !fromStart.includes(t));
      if (fromStart.length > 0) await consumer.subscribe({ topics: fromStart, fromBeginning: true });
      if (fromEnd.length > 0) await consumer.subscribe({ topics: fromEnd, fromBeginning: false });
    } catch (e) {
      await consumer.disconnect().catch(() => undefined);
      throw e;
    }
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Each partition's fetched batch waits for the runner on its own: a batch of one topic must not
      // hold back fetching another (a join loads its table topic before it reads its stream).
      partitionsConsumedConcurrently: MAX_PARTITIONS_IN_FLIGHT,
      eachBatch: async (payload) =>
        feed.onBatch(
          payload.batch,
          (offset) => payload.resolveOffset(offset),
          () => payload.isRunning(),
          () => payload.isStale(),
          () => payload.heartbeat(),
        ),
    });
    return feed;
  }

  private listen(): void {
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, (e) => {
      const assigned = new Map<string, Set<number>>();
      for (const [topic, partitions] of Object.entries(e.payload.memberAssignment)) assigned.set(topic, new Set(partitions));
      const lost = [...(this.assigned ?? [])].some(([topic, ps]) => [...ps].some((p) => assigned.get(topic)?.has(p) !== true));
      this.assigned = assigned;
      if (lost && this.options.singleOwner === true) {
        // Batches in flight may already have changed local state: the query must start over.
        this.revoked = new Error('its partitions moved to another process; it reopens and restores its state');
      }
      // Positions of partitions this member no longer owns are meaningless now; their batches go back.
      for (const [topic, byPartition] of this.next) {
        for (const p of byPartition.keys()) if (assigned.get(topic)?.has(p) !== true) byPartition.delete(p);
      }
      this.dropPending((b) => assigned.get(b.topic)?.has(b.partition) !== true);
      this.verified = new Set();
      this.prepareAssigned(assigned);
      this.endsRequestedAt = -1;
      if (this.revoked === null) this.crash = null;
    });
    this.consumer.on(events.START_BATCH_PROCESS, (e) => {
      const { topic, partition, batchSize, lastOffset, highWatermark } = e.payload;
      this.setEnd(topic, partition, Number(highWatermark));
      // A batch of only transaction markers or aborted records never reaches eachBatch: move past it here.
      if (batchSize === 0) this.advance(topic, partition, Number(lastOffset) + 1);
    });
    this.consumer.on(events.CRASH, (e) => {
      this.crash = e.payload.error;
    });
  }

  private async onBatch(batch: Batch, resolveOffset: (offset: string) => void, isRunning: () => boolean, isStale: () => boolean, heartbeat: () => Promise<void>): Promise<void> {
    if (batch.isEmpty()) return;
    if (!(await whileHeartbeating(this.startsAtCommitted(batch), heartbeat))) return;
    this.setEnd(batch.topic, batch.partition, Number(batch.highWatermark));
    let released = false;
    const done = new Promise<void>((resolve) => {
      this.pending.push({
        topic: batch.topic,
        partition: batch.partition,
        records: batch.messages.map((m) => fromMessage(batch.topic, batch.partition, m)),
        endOffset: Number(batch.lastOffset()) + 1,
        resolve: () => resolveOffset(batch.lastOffset()),
        release: () => {
          released = true;
          resolve();
        },
      });
    });
    this.wake();
    // Wait until the runner takes it (backpressure: one batch per partition in memory), heartbeating meanwhile.
    while (!released) {
      await Promise.race([done, new Promise((r) => setTimeout(r, HEARTBEAT_WHILE_WAITING_MS))]);
      if (released) return;
      if (!isRunning() || isStale() || this.stopped) {
        this.dropPending((b) => b.topic === batch.topic && b.partition === batch.partition);
        return;
      }
      await heartbeat().catch(() => undefined);
    }
  }

  /**
   * kafkajs reads a partition's committed offset when it is assigned, which can be before the
   * previous owner's last transaction is complete. So the first batch after an assignment is checked
   * (after `prepare`) against the committed offset, and the partition is re-positioned if it differs.
   */
  private async startsAtCommitted(batch: Batch): Promise<boolean> {
    const prepare = this.options.prepare;
    const key = `${batch.topic}/${batch.partition}`;
    if (prepare === undefined || this.verified.has(key)) return true;
    const early = this.early.get(key);
    this.early.delete(key);
    // What was begun at the assignment, if it succeeded; else (or when none was begun) done now.
    const ready = (early === undefined ? undefined : await early.catch(() => undefined)) ?? (await this.prepared(prepare, batch.topic, batch.partition));
    // A partition this member kept through the rebalance resumes where its runner is: the group's
    // committed offset lags it by the batches staged in an open transaction (commit.interval.ms).
    const committed = this.next.get(batch.topic)?.get(batch.partition) ?? ready.committed;
    this.verified.add(key);
    const first = batch.firstOffset();
    if (committed === undefined || first === null || Number(first) === committed) return true;
    this.consumer.seek({ topic: batch.topic, partition: batch.partition, offset: String(committed) });
    this.next.get(batch.topic)?.set(batch.partition, committed);
    return false;
  }

  /**
   * Begins preparing each newly assigned partition at once (for a transactional query: its producer's
   * initialization, which fences a previous owner; for one with state, the changelog's replay), and
   * then reads its committed offset — final once the partition is prepared, since no other owner
   * can commit on it any more. The first batch of the partition then finds both done: a query's
   * first records after an assignment no longer wait for these round trips.
   */
  private prepareAssigned(assigned: ReadonlyMap<string, ReadonlySet<number>>): void {
    const prepare = this.options.prepare;
    this.early = new Map();
    if (prepare === undefined || this.stopped || this.revoked !== null) return;
    for (const topic of this.options.topics) {
      for (const partition of assigned.get(topic) ?? []) {
        const ready = this.prepared(prepare, topic, partition);
        // A failure is not reported here: the partition's first batch prepares it again, and fails there.
        const settled = ready.catch(() => undefined).finally(() => this.preparing.delete(settled));
        this.preparing.add(settled);
        this.early.set(`${topic}/${partition}`, ready);
      }
    }
  }

  /** Prepares a partition, then reads its committed offset (final once it is prepared). */
  private async prepared(prepare: NonNullable<FeedOptions['prepare']>, topic: string, partition: number): Promise<{ committed: number | undefined }> {
    await prepare(topic, partition);
    const admin = await this.connection.sharedAdmin();
    return { committed: (await committedOffsets(admin, this.options.groupId, topic)).get(partition) };
  }

  /** The next records of `topic` (one partition's, at most `max`), waiting up to `waitMs` for some. */
  async poll(topic: string, max: number, waitMs: number, signal?: AbortSignal): Promise<readonly SourceRecord[]> {
    if (this.revoked !== null) throw this.revoked;
    const rewind = this.rewinds.get(topic);
    if (rewind !== undefined) await this.performRewind(topic, rewind);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const index = this.pending.findIndex((b) => b.topic === topic);
      const batch = index < 0 ? undefined : this.pending[index];
      if (batch !== undefined) {
        const taken = batch.records.slice(0, max);
        batch.records = batch.records.slice(taken.length);
        const last = taken[taken.length - 1];
        if (batch.records.length === 0) {
          this.pending.splice(index, 1);
          this.advance(topic, batch.partition, batch.endOffset);
          batch.resolve();
          batch.release();
        } else if (last !== undefined) {
          this.advance(topic, batch.partition, last.offset + 1);
        }
        return taken;
      }
      const left = deadline - Date.now();
      if (left <= 0 || signal?.aborted === true || this.stopped) {
        if (this.crash !== null) throw new Error(`Kafka consumer of ${topic}: ${this.crash.message}`);
        // Fetches arrive as I/O: a caller polling in a loop without waiting must still let them in.
        await new Promise((resolve) => setImmediate(resolve));
        return [];
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(finish, Math.min(left, 500));
        function finish() {
          clearTimeout(timer);
          signal?.removeEventListener('abort', finish);
          resolve();
        }
        this.wakeUps.push(finish);
        signal?.addEventListener('abort', finish, { once: true });
      });
    }
  }

  /** The next offset per assigned partition of `topic` (only partitions something was read from). */
  positions(topic: string): Positions {
    return new Map(this.next.get(topic) ?? []);
  }

  /**
   * After a failed commit: drop what was fetched and restart each assigned partition from the
   * group's committed offset (or the given position when the group has none), before the next poll.
   */
  seek(topic: string, positions: Positions): void {
    this.rewinds.set(topic, positions);
    this.dropPending((b) => b.topic === topic);
  }

  private async performRewind(topic: string, positions: Positions): Promise<void> {
    this.rewinds.delete(topic);
    const admin = await this.connection.sharedAdmin();
    const committed = await committedOffsets(admin, this.options.groupId, topic);
    for (const p of this.assigned?.get(topic) ?? []) {
      const target = committed.get(p) ?? positions.get(p) ?? this.starts.get(topic)?.get(p);
      if (target === undefined) continue;
      this.consumer.seek({ topic, partition: p, offset: String(target) });
      this.next.get(topic)?.set(p, target);
    }
    this.dropPending((b) => b.topic === topic);
  }

  /**
   * True when every assigned partition of `topic` has been read up to an end offset fetched at
   * `since` or later (so a drain sees everything written before it began). Until such ends have
   * arrived it asks for them and answers false; while behind it asks for fresh ends now and then
   * (committed offsets read while a previous owner's last transaction was completing can be behind,
   * and would otherwise never be read again).
   */
  caughtUp(topic: string, since: number): boolean {
    if (this.assigned === null) return false;
    if (this.endsRequestedAt < since) {
      this.refreshEnds();
      return false;
    }
    if (this.pending.some((b) => b.topic === topic)) return false;
    const ends = this.ends.get(topic);
    for (const p of this.assigned.get(topic) ?? []) {
      const end = ends?.get(p);
      const position = this.next.get(topic)?.get(p) ?? this.starts.get(topic)?.get(p);
      if (end === undefined || position === undefined || position < end) {
        if (Date.now() - this.endsRefreshedAt > RESNAPSHOT_MS) this.refreshEnds();
        return false;
      }
    }
    return true;
  }

  private refreshEnds(): void {
    if (this.endsRefresh !== null) return;
    const requestedAt = Date.now();
    this.endsRefresh = (async () => {
      const admin = await this.connection.sharedAdmin();
      for (const topic of this.options.topics) {
        const offsets = await admin.fetchTopicOffsets(topic);
        const committed = await committedOffsets(admin, this.options.groupId, topic);
        const ends = new Map<number, number>();
        const starts = new Map<number, number>();
        for (const o of offsets) {
          ends.set(o.partition, Number(o.high));
          const fallback = this.options.reset === 'earliest' || this.options.fromStart?.includes(topic) === true ? Number(o.low) : (this.starts.get(topic)?.get(o.partition) ?? Number(o.high));
          starts.set(o.partition, committed.get(o.partition) ?? fallback);
        }
        this.ends.set(topic, ends);
        this.starts.set(topic, starts);
      }
      this.endsRequestedAt = requestedAt;
      this.endsRefreshedAt = Date.now();
    })()
      .catch(() => undefined)
      .finally(() => (this.endsRefresh = null));
  }

  private setEnd(topic: string, partition: number, end: number): void {
    let byPartition = this.ends.get(topic);
    if (byPartition === undefined) this.ends.set(topic, (byPartition = new Map<number, number>()));
    if ((byPartition.get(partition) ?? -1) < end) byPartition.set(partition, end);
  }

  private advance(topic: string, partition: number, offset: number): void {
    let byPartition = this.next.get(topic);
    if (byPartition === undefined) this.next.set(topic, (byPartition = new Map<number, number>()));
    if ((byPartition.get(partition) ?? -1) < offset) byPartition.set(partition, offset);
  }

  private dropPending(which: (b: PendingBatch) => boolean): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const b = this.pending[i];
      if (b !== undefined && which(b)) {
        this.pending.splice(i, 1);
        b.release();
      }
    }
  }

  private wake(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const w of wakeUps) w();
  }

  /** Commits offsets as a plain group member (at_least_once). */
  async commitOffsets(topic: string, positions: Positions): Promise<void> {
    await this.consumer.commitOffsets([...positions].map(([partition, offset]) => ({ topic, partition, offset: String(offset) })));
  }

  /** Leaves the group (its partitions go to the other members at once) and disconnects. */
  async close(): Promise<void> {
    this.stopped = true;
    this.dropPending(() => true);
    this.wake();
    await this.consumer.disconnect().catch(() => undefined);
    // Preparations begun at an assignment end before the committer they use is closed.
    await Promise.all(this.preparing);
    this.early = new Map();
  }
}

/** Awaits `work` (a state restore can take long), heartbeating meanwhile so the group keeps this member. */
async function whileHeartbeating<T>(work: Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
  let finished = false;
  const result = work.finally(() => (finished = true));
  while (!finished) {
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, HEARTBEAT_WHILE_WAITING_MS))]);
    if (!finished) await heartbeat().catch(() => undefined);
  }
  return result;
}

/** The group's committed next offsets of `topic` (partitions without a commit are left out). */
export async function committedOffsets(admin: Admin, groupId: string, topic: string): Promise<Map<number, number>> {
  const result = await admin.fetchOffsets({ groupId, topics: [topic] });
  const out = new Map<number, number>();
  for (const t of result) for (const p of t.partitions) if (Number(p.offset) >= 0) out.set(p.partition, Number(p.offset));
  return out;
}
