// Unit tests for QueryRunner over in-memory fakes of its ports: commits, rewinds after a failed commit, catching up.

import { describe, expect, it } from 'vitest';
import {
  FencedError,
  GROUP_BATCHES,
  MAX_BATCHES_PER_COMMIT,
  MAX_GROUP_MS,
  QueryRunner,
  type BatchCommitter,
  type Pipeline,
  type Positions,
  type SinkRecord,
  type SourceRecord,
  type TopicReader,
} from '../../../src/exec/index.js';
import { PHYSICAL_PLAN_FORMAT_VERSION, type PhysicalPlan } from '../../../src/plan/index.js';

/** A topic held in arrays: `partitions[p][offset]`. */
class MemoryTopicReader implements TopicReader {
  private readonly next: number[];
  closed = false;
  polls = 0;

  constructor(
    readonly topic: string,
    private readonly partitions: SourceRecord[][],
  ) {
    this.next = partitions.map(() => 0);
  }

  static withRecords(topic: string, perPartition: readonly number[]): MemoryTopicReader {
    return new MemoryTopicReader(
      topic,
      perPartition.map((count, partition) =>
        Array.from({ length: count }, (_, offset) => ({
          topic,
          partition,
          offset,
          timestamp: 1000 + offset,
          key: null,
          value: Buffer.from(`${topic}-${partition}-${offset}`),
        })),
      ),
    );
  }

  append(partition: number, value: string): void {
    const records = this.partitions[partition];
    if (records === undefined) throw new Error(`no partition ${partition}`);
    records.push({ topic: this.topic, partition, offset: records.length, timestamp: 0, key: null, value: Buffer.from(value) });
  }

  poll(maxRecords: number): Promise<readonly SourceRecord[]> {
    this.polls++;
    return Promise.resolve(this.take(maxRecords));
  }

  /** Like the embedded log's reader: what there is, synchronously. */
  readAvailable(maxRecords: number): SourceRecord[] {
    return this.take(maxRecords);
  }

  private take(maxRecords: number): SourceRecord[] {
    const out: SourceRecord[] = [];
    this.partitions.forEach((records, p) => {
      const from = this.next[p] ?? 0;
      const taken = records.slice(from, from + maxRecords - out.length);
      this.next[p] = from + taken.length;
      out.push(...taken);
    });
    return out;
  }

  positions(): Positions {
    return new Map(this.next.map((offset, p) => [p, offset]));
  }

  seek(positions: Positions): void {
    for (const [p, offset] of positions) this.next[p] = offset;
  }

  caughtUp(): boolean {
    return this.partitions.every((records, p) => (this.next[p] ?? 0) >= records.length);
  }

  close(): void {
    this.closed = true;
  }
}

/** Records each batch it is given and turns every input record into one sink record. */
class RecordingPipeline implements Pipeline {
  readonly plan: PhysicalPlan = {
    formatVersion: PHYSICAL_PLAN_FORMAT_VERSION,
    queryId: 'CSAS_OUT_1',
    mode: 'persistent',
    root: {
      kind: 'PhysicalSource',
      sourceName: 'IN',
      topic: 'in',
      formats: { keyFormat: 'NONE', valueFormat: 'JSON', wrapSingleValue: true },
      schema: { columns: [] },
      readColumns: null,
      timestampColumn: null,
    },
    limit: null,
  };
  readonly topics: string[] = ['in'];
  tableTopics: string[] = [];
  readonly batches: string[][] = [];
  private pending: SinkRecord[] = [];
  onProcess: () => void = () => undefined;

  process(topic: string, records: readonly SourceRecord[]): void {
    this.onProcess();
    this.batches.push(records.map((r) => `${topic}:${r.partition}:${r.offset}`));
    for (const r of records) this.pending.push({ topic: 'out', timestamp: r.timestamp, key: r.key, value: r.value });
  }

  runScans(): void {
    // This pipeline reads topics only.
  }

  rollbacks = 0;
  rollback(): void {
    this.rollbacks++;
  }

  drainSinkRecords(): SinkRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  processed(): string[] {
    return this.batches.flat();
  }
}

interface Commit {
  readonly topic: string;
  readonly positions: [number, number][];
  readonly outputs: string[];
}

/** Keeps what was committed; `failures` makes the next commits throw (after running `process`). */
class MemoryCommitter implements BatchCommitter {
  readonly commits: Commit[] = [];
  failures: Error[] = [];

  commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): void {
    const outputs = process().map((r) => (r.value === null ? 'null' : Buffer.from(r.value).toString()));
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    this.commits.push({ topic, positions: [...positions], outputs });
  }
}

function setup(perPartition: readonly number[], maxBatchRecords: number) {
  const reader = MemoryTopicReader.withRecords('in', perPartition);
  const pipeline = new RecordingPipeline();
  const committer = new MemoryCommitter();
  const runner = new QueryRunner({ pipeline, readers: [reader], committer, maxBatchRecords });
  return { reader, pipeline, committer, runner };
}

describe('QueryRunner.step with a committer', () => {
  it('commits each batch with the positions after it and the outputs it produced', async () => {
    const { committer, runner } = setup([2, 3], 3);
    expect(await runner.step(0)).toBe(3);
    expect(committer.commits).toEqual([
      { topic: 'in', positions: [[0, 2], [1, 1]], outputs: ['in-0-0', 'in-0-1', 'in-1-0'] },
    ]);
    expect(await runner.step(0)).toBe(2);
    expect(committer.commits[1]).toEqual({ topic: 'in', positions: [[0, 2], [1, 3]], outputs: ['in-1-1', 'in-1-2'] });
    expect(await runner.step(0)).toBe(0);
    expect(committer.commits).toHaveLength(2);
  });

  it('processes the batch inside the commit, so outputs and positions are one unit', async () => {
    const pipeline = new RecordingPipeline();
    const committer: BatchCommitter = {
      commit: (_topic, _positions, process) => {
        expect(pipeline.batches).toHaveLength(0);
        process();
        expect(pipeline.batches).toHaveLength(1);
      },
    };
    const runner = new QueryRunner({ pipeline, readers: [MemoryTopicReader.withRecords('in', [1])], committer, maxBatchRecords: 10 });
    expect(await runner.step(0)).toBe(1);
    expect(runner.caughtUp()).toBe(true);
  });

  it('rewinds the reader when a commit throws: the same records are read again, none skipped', async () => {
    const { reader, pipeline, committer, runner } = setup([5], 2);
    expect(await runner.step(0)).toBe(2);
    committer.failures.push(new Error('disk full'));
    expect(pipeline.rollbacks).toBe(0);
    await expect(runner.step(0)).rejects.toThrow('disk full');
    expect(reader.positions()).toEqual(new Map([[0, 2]]));
    expect(runner.caughtUp()).toBe(false);
    // The operators are told, so they drop what they cached of the rolled-back batch.
    expect(pipeline.rollbacks).toBe(1);

    expect(await runner.step(0)).toBe(2);
    expect(await runner.step(0)).toBe(1);
    expect(committer.commits.map((c) => c.outputs)).toEqual([['in-0-0', 'in-0-1'], ['in-0-2', 'in-0-3'], ['in-0-4']]);
    expect(committer.commits.map((c) => c.positions)).toEqual([[[0, 2]], [[0, 4]], [[0, 5]]]);
    // The failed batch was processed once, then again after the rewind; its outputs were discarded with it.
    expect(pipeline.processed()).toEqual(['in:0:0', 'in:0:1', 'in:0:2', 'in:0:3', 'in:0:2', 'in:0:3', 'in:0:4']);
  });

  it('rewinds to the positions it started from when the very first commit fails', async () => {
    const { reader, committer, runner } = setup([3], 10);
    committer.failures.push(new FencedError('CSAS_OUT_1'));
    await expect(runner.step(0)).rejects.toBeInstanceOf(FencedError);
    expect(reader.positions()).toEqual(new Map([[0, 0]]));
    expect(committer.commits).toEqual([]);
    expect(await runner.step(0)).toBe(3);
    expect(committer.commits).toEqual([{ topic: 'in', positions: [[0, 3]], outputs: ['in-0-0', 'in-0-1', 'in-0-2'] }]);
  });

  it('does not leak the outputs of a failed batch into the next commit', async () => {
    const { committer, runner } = setup([1, 1], 1);
    committer.failures.push(new Error('busy'));
    await expect(runner.step(0)).rejects.toThrow('busy');
    await runner.runUntilCaughtUp();
    expect(committer.commits.flatMap((c) => c.outputs)).toEqual(['in-0-0', 'in-1-0']);
  });
});

describe('QueryRunner without a committer (transient queries)', () => {
  it('pushes batches straight through the pipeline', async () => {
    const reader = MemoryTopicReader.withRecords('in', [2]);
    const pipeline = new RecordingPipeline();
    const runner = new QueryRunner({ pipeline, readers: [reader], maxBatchRecords: 10 });
    expect(await runner.step(0)).toBe(2);
    expect(pipeline.processed()).toEqual(['in:0:0', 'in:0:1']);
    expect(runner.caughtUp()).toBe(true);
  });
});

describe('QueryRunner.runUntilCaughtUp', () => {
  it('stops once every record present is committed, and returns the count', async () => {
    const { reader, committer, runner } = setup([4, 3], 2);
    expect(await runner.runUntilCaughtUp()).toBe(7);
    expect(runner.caughtUp()).toBe(true);
    expect(reader.positions()).toEqual(new Map([[0, 4], [1, 3]]));
    expect(committer.commits.at(-1)?.positions).toEqual([[0, 4], [1, 3]]);
    expect(committer.commits.flatMap((c) => c.outputs)).toHaveLength(7);
  });

  it('returns at once on an empty topic, and picks up records appended later', async () => {
    const { reader, committer, runner } = setup([0], 10);
    expect(await runner.runUntilCaughtUp()).toBe(0);
    expect(reader.polls).toBe(0);
    reader.append(0, 'late');
    expect(runner.caughtUp()).toBe(false);
    expect(await runner.runUntilCaughtUp()).toBe(1);
    expect(committer.commits).toEqual([{ topic: 'in', positions: [[0, 1]], outputs: ['late'] }]);
  });

  it('reads every topic of a multi-reader query', async () => {
    const a = MemoryTopicReader.withRecords('a', [2]);
    const b = MemoryTopicReader.withRecords('b', [3]);
    const pipeline = new RecordingPipeline();
    const committer = new MemoryCommitter();
    const runner = new QueryRunner({ pipeline, readers: [a, b], committer, maxBatchRecords: 1 });
    expect(await runner.runUntilCaughtUp()).toBe(5);
    expect(pipeline.processed().sort()).toEqual(['a:0:0', 'a:0:1', 'b:0:0', 'b:0:1', 'b:0:2']);
    expect(new Set(committer.commits.map((c) => c.topic))).toEqual(new Set(['a', 'b']));
    runner.close();
    expect(a.closed && b.closed).toBe(true);
  });

  it('stops when the signal aborts', async () => {
    const { runner, pipeline } = setup([10], 1);
    const abort = new AbortController();
    pipeline.onProcess = () => {
      if (pipeline.batches.length === 2) abort.abort();
    };
    expect(await runner.runUntilCaughtUp(abort.signal)).toBe(3);
    expect(runner.caughtUp()).toBe(false);
  });

  it('is not caught up while a batch is between its poll and its commit', async () => {
    const { runner, pipeline } = setup([1], 10);
    const seen: boolean[] = [];
    pipeline.onProcess = () => seen.push(runner.caughtUp());
    await runner.runUntilCaughtUp();
    expect(seen).toEqual([false]);
    expect(runner.caughtUp()).toBe(true);
  });

  it('propagates a commit failure instead of spinning', async () => {
    const { committer, runner } = setup([3], 10);
    committer.failures.push(new FencedError('CSAS_OUT_1'));
    await expect(runner.runUntilCaughtUp()).rejects.toThrow(/another process/);
    expect(committer.commits).toEqual([]);
  });
});

describe('QueryRunner with a join’s table side', () => {
  it('reads the table topics up to their end before it reads any stream record', async () => {
    const table = MemoryTopicReader.withRecords('table', [2, 1]);
    const stream = MemoryTopicReader.withRecords('stream', [3]);
    const pipeline = new RecordingPipeline();
    pipeline.tableTopics = ['table'];
    const runner = new QueryRunner({ pipeline, readers: [stream, table], maxBatchRecords: 1 });
    await runner.runUntilCaughtUp();
    expect(pipeline.batches.flat()).toEqual(['table:0:0', 'table:0:1', 'table:1:0', 'stream:0:0', 'stream:0:1', 'stream:0:2']);
  });
});

/**
 * Like a Kafka transactional committer: `stage` adds a batch to the open transaction, `flush`
 * commits it as one; `commit` is one batch in its own transaction. `failFlush` makes the next
 * flush abort the transaction (its batches are lost, as on Kafka).
 */
class StagingCommitter implements BatchCommitter {
  /** Each committed transaction: the batches it held. */
  readonly transactions: Commit[][] = [];
  private open: Commit[] = [];
  failFlush: Error | null = null;
  failStage: Error | null = null;

  commit(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    return this.stage(topic, positions, process).then(() => this.flush());
  }

  stage(topic: string, positions: Positions, process: () => readonly SinkRecord[]): Promise<void> {
    const outputs = process().map((r) => (r.value === null ? 'null' : Buffer.from(r.value).toString()));
    if (this.failStage !== null) {
      const e = this.failStage;
      this.failStage = null;
      this.open = [];
      return Promise.reject(e);
    }
    this.open.push({ topic, positions: [...positions], outputs });
    return Promise.resolve();
  }

  flush(): Promise<void> {
    const open = this.open;
    this.open = [];
    if (this.failFlush !== null) {
      const e = this.failFlush;
      this.failFlush = null;
      return Promise.reject(e);
    }
    if (open.length > 0) this.transactions.push(open);
    return Promise.resolve();
  }

  /** Every output committed, in order. */
  outputs(): string[] {
    return this.transactions.flat().flatMap((c) => c.outputs);
  }
}

/** A clock the test moves by hand. */
function manualClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

/** A runner over topic `in` with `committer`, a commit interval and a clock the test moves. */
function clockedSetup<C extends BatchCommitter>(committer: C, perPartition: readonly number[], maxBatchRecords: number, commitIntervalMs: number) {
  const reader = MemoryTopicReader.withRecords('in', perPartition);
  const pipeline = new RecordingPipeline();
  const clock = manualClock();
  const runner = new QueryRunner({ pipeline, readers: [reader], committer, maxBatchRecords, commitIntervalMs, now: clock.now });
  return { reader, pipeline, committer, clock, runner };
}

function stagingSetup(perPartition: readonly number[], maxBatchRecords: number, commitIntervalMs: number) {
  return clockedSetup(new StagingCommitter(), perPartition, maxBatchRecords, commitIntervalMs);
}

describe('QueryRunner with a commit interval (one transaction across batches)', () => {
  it('stages batches in one transaction until the interval has passed since its first batch', async () => {
    const { committer, clock, runner } = stagingSetup([10], 2, 100);
    expect(await runner.step(0)).toBe(2);
    clock.t = 50;
    expect(await runner.step(0)).toBe(2);
    clock.t = 99;
    expect(await runner.step(0)).toBe(2);
    expect(committer.transactions).toEqual([]);
    expect(runner.caughtUp()).toBe(false);
    clock.t = 100;
    // The transaction is due: the three batches commit as one, and the fourth opens the next one.
    expect(await runner.step(0)).toBe(2);
    expect(committer.transactions).toHaveLength(1);
    expect(committer.transactions[0]?.map((c) => c.positions)).toEqual([[[0, 2]], [[0, 4]], [[0, 6]]]);
    // The next transaction's interval starts with its own first batch.
    clock.t = 150;
    expect(await runner.step(0)).toBe(2);
    expect(committer.transactions).toHaveLength(1);
    clock.t = 199;
    expect(await runner.step(1_000)).toBe(0); // idle: commits at once
    expect(committer.transactions.map((t) => t.length)).toEqual([3, 2]);
  });

  it('a transaction that came due while no batch was read commits before the next poll', async () => {
    const { committer, clock, runner } = stagingSetup([4], 2, 100);
    await runner.step(0);
    clock.t = 100;
    expect(await runner.step(0)).toBe(2);
    expect(committer.transactions.map((t) => t.map((c) => c.outputs))).toEqual([[['in-0-0', 'in-0-1']]]);
  });

  it('commits the open transaction as soon as a poll finds no input (idle input keeps latency low)', async () => {
    const { reader, committer, runner } = stagingSetup([3], 2, 100_000);
    expect(await runner.step(0)).toBe(2);
    expect(await runner.step(0)).toBe(1);
    expect(committer.transactions).toEqual([]);
    expect(runner.caughtUp()).toBe(false);
    expect(await runner.step(1_000)).toBe(0);
    expect(committer.transactions).toHaveLength(1);
    expect(committer.outputs()).toEqual(['in-0-0', 'in-0-1', 'in-0-2']);
    expect(runner.caughtUp()).toBe(true);
    reader.append(0, 'late');
    expect(await runner.runUntilCaughtUp()).toBe(1);
    expect(committer.transactions).toHaveLength(2);
    expect(committer.transactions[1]).toEqual([{ topic: 'in', positions: [[0, 4]], outputs: ['late'] }]);
  });

  it('commits after at most MAX_BATCHES_PER_COMMIT batches, however long the interval', async () => {
    const { committer, runner } = stagingSetup([MAX_BATCHES_PER_COMMIT + 5], 1, 100_000);
    for (let i = 0; i < MAX_BATCHES_PER_COMMIT; i++) await runner.step(0);
    expect(committer.transactions.map((t) => t.length)).toEqual([MAX_BATCHES_PER_COMMIT]);
  });

  it('runUntilCaughtUp ends with everything committed', async () => {
    const { committer, runner } = stagingSetup([7, 4], 3, 100_000);
    expect(await runner.runUntilCaughtUp()).toBe(11);
    expect(runner.caughtUp()).toBe(true);
    expect(committer.outputs()).toHaveLength(11);
    expect(committer.transactions.length).toBeLessThan(4);
  });

  it('flush commits the staged batches at a clean stop', async () => {
    const { committer, runner } = stagingSetup([4], 2, 100_000);
    await runner.step(0);
    await runner.step(0);
    expect(committer.transactions).toEqual([]);
    await runner.flush();
    expect(committer.outputs()).toEqual(['in-0-0', 'in-0-1', 'in-0-2', 'in-0-3']);
    await runner.flush();
    expect(committer.transactions).toHaveLength(1);
  });

  it('an interval of 0 commits every batch in its own transaction', async () => {
    const { committer, runner } = stagingSetup([5], 2, 0);
    expect(await runner.step(0)).toBe(2);
    expect(committer.transactions).toHaveLength(1);
    await runner.runUntilCaughtUp();
    expect(committer.transactions.map((t) => t.length)).toEqual([1, 1, 1]);
  });

  it('a failed commit rewinds to the last durable commit: every staged batch is read again, none lost or doubled', async () => {
    const { reader, pipeline, committer, clock, runner } = stagingSetup([10], 2, 100);
    await runner.step(0);
    await runner.step(0);
    clock.t = 100;
    await runner.step(0); // batches 1–2 commit as one, batch 3 opens the next transaction
    expect(committer.transactions.map((t) => t.length)).toEqual([2]);
    clock.t = 150;
    await runner.step(0);
    expect(reader.positions()).toEqual(new Map([[0, 8]]));
    committer.failFlush = new Error('producer fenced');
    clock.t = 200;
    await expect(runner.step(0)).rejects.toThrow('producer fenced'); // batches 3–4 are due, their commit fails
    expect(reader.positions()).toEqual(new Map([[0, 4]]));
    expect(pipeline.rollbacks).toBe(1);
    expect(runner.caughtUp()).toBe(false);
    await runner.runUntilCaughtUp();
    expect(committer.outputs()).toEqual(Array.from({ length: 10 }, (_, i) => `in-0-${i}`));
  });

  it('a failed batch aborts the batches staged before it too', async () => {
    const { reader, committer, runner } = stagingSetup([6], 2, 100_000);
    await runner.step(0);
    await runner.step(0);
    committer.failStage = new Error('broker away');
    await expect(runner.step(0)).rejects.toThrow('broker away');
    expect(reader.positions()).toEqual(new Map([[0, 0]]));
    await runner.runUntilCaughtUp();
    expect(committer.outputs()).toEqual(Array.from({ length: 6 }, (_, i) => `in-0-${i}`));
  });

  it('a failed commit rewinds every topic with staged input, not only the one last read', async () => {
    const a = MemoryTopicReader.withRecords('a', [3]);
    const b = MemoryTopicReader.withRecords('b', [3]);
    const pipeline = new RecordingPipeline();
    const committer = new StagingCommitter();
    const runner = new QueryRunner({ pipeline, readers: [a, b], committer, maxBatchRecords: 1, commitIntervalMs: 100_000 });
    await runner.step(0);
    await runner.step(0);
    expect([a.positions(), b.positions()]).toEqual([new Map([[0, 1]]), new Map([[0, 1]])]);
    committer.failStage = new Error('aborted');
    await expect(runner.step(0)).rejects.toThrow('aborted');
    expect([a.positions(), b.positions()]).toEqual([new Map([[0, 0]]), new Map([[0, 0]])]);
    await runner.runUntilCaughtUp();
    expect(committer.outputs().sort()).toEqual(['a-0-0', 'a-0-1', 'a-0-2', 'b-0-0', 'b-0-1', 'b-0-2']);
  });

  it('commits every batch when the committer can neither stage nor group batches', async () => {
    const reader = MemoryTopicReader.withRecords('in', [4]);
    const committer = new MemoryCommitter();
    const runner = new QueryRunner({ pipeline: new RecordingPipeline(), readers: [reader], committer, maxBatchRecords: 2, commitIntervalMs: 100 });
    await runner.step(0);
    expect(committer.commits).toHaveLength(1);
  });
});

/** Commits like the embedded log: `process` inside the commit, every input's positions saved after it. */
class GroupingCommitter extends MemoryCommitter {
  readonly groups: { positions: Record<string, [number, number][]>; outputs: string[] }[] = [];

  commitGroup(positions: ReadonlyMap<string, Positions>, process: () => readonly SinkRecord[]): void {
    const outputs = process().map((r) => (r.value === null ? 'null' : Buffer.from(r.value).toString()));
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    this.groups.push({ positions: Object.fromEntries([...positions].map(([topic, p]) => [topic, [...p]])), outputs });
  }
}

function groupingSetup(perPartition: readonly number[], maxBatchRecords: number, commitIntervalMs = 100) {
  return clockedSetup(new GroupingCommitter(), perPartition, maxBatchRecords, commitIntervalMs);
}

/** A join's two inputs, `a` and `b` (one partition each), read in batches of 2 by a runner whose committer commits groups. */
function groupingJoinSetup(aRecords: number, bRecords: number) {
  const a = MemoryTopicReader.withRecords('a', [aRecords]);
  const b = MemoryTopicReader.withRecords('b', [bRecords]);
  const pipeline = new RecordingPipeline();
  const committer = new GroupingCommitter();
  const runner = new QueryRunner({ pipeline, readers: [a, b], committer, maxBatchRecords: 2, commitIntervalMs: 100 });
  return { a, b, pipeline, committer, runner };
}

describe('QueryRunner with a committer that commits groups of batches (the embedded log during a backlog)', () => {
  it('reads on inside one commit while the input has records: batches stay batches, the commit holds them all', async () => {
    const { pipeline, committer, runner } = groupingSetup([5, 4], 3);
    expect(await runner.step(0)).toBe(9);
    // Each batch went through the pipeline on its own, at most max.poll.records records.
    expect(pipeline.batches.map((b) => b.length)).toEqual([3, 3, 3]);
    expect(committer.groups).toEqual([{ positions: { in: [[0, 5], [1, 4]] }, outputs: pipeline.processed().map((r) => r.replace(/:/g, '-')) }]);
    expect(committer.commits).toEqual([]);
    expect(runner.caughtUp()).toBe(true);
    expect(await runner.step(0)).toBe(0);
    expect(committer.groups).toHaveLength(1);
  });

  it(`holds at most GROUP_BATCHES batches: every query advances as many per turn`, async () => {
    const { committer, runner } = groupingSetup([GROUP_BATCHES * 2 + 1], 1);
    expect(await runner.step(0)).toBe(GROUP_BATCHES);
    await runner.runUntilCaughtUp();
    expect(committer.groups.map((g) => g.positions)).toEqual([{ in: [[0, GROUP_BATCHES]] }, { in: [[0, GROUP_BATCHES * 2]] }, { in: [[0, GROUP_BATCHES * 2 + 1]] }]);
  });

  it(`stops reading on once the group has run ${MAX_GROUP_MS} ms, or commit.interval.ms if less`, async () => {
    const slow = groupingSetup([10], 1);
    // Each batch takes 20 ms: the third ends at 60 ms, past the 50 ms a group may last.
    slow.pipeline.onProcess = () => (slow.clock.t += 20);
    expect(await slow.runner.step(0)).toBe(3);
    expect(slow.committer.groups.map((g) => g.positions)).toEqual([{ in: [[0, 3]] }]);

    const short = groupingSetup([10], 1, 5);
    short.pipeline.onProcess = () => (short.clock.t += 4);
    expect(await short.runner.step(0)).toBe(2);
  });

  it('commits every batch alone with commit.interval.ms 0', async () => {
    const { committer, runner } = groupingSetup([5], 2, 0);
    await runner.runUntilCaughtUp();
    expect(committer.groups).toEqual([]);
    expect(committer.commits.map((c) => c.positions)).toEqual([[[0, 2]], [[0, 4]], [[0, 5]]]);
  });

  it('a failed group rewinds to the last commit: its batches are read again, none lost or doubled', async () => {
    const { reader, pipeline, committer, runner } = groupingSetup([7], 2);
    pipeline.onProcess = () => {
      // The first group fails on its commit, after reading on to the end.
      if (pipeline.batches.length === 3) committer.failures.push(new Error('disk full'));
    };
    await expect(runner.step(0)).rejects.toThrow('disk full');
    expect(reader.positions()).toEqual(new Map([[0, 0]]));
    expect(pipeline.rollbacks).toBe(1);
    pipeline.onProcess = () => undefined;
    await runner.runUntilCaughtUp();
    expect(committer.groups.flatMap((g) => g.outputs)).toEqual(['in-0-0', 'in-0-1', 'in-0-2', 'in-0-3', 'in-0-4', 'in-0-5', 'in-0-6']);
    expect(committer.groups.at(-1)?.positions).toEqual({ in: [[0, 7]] });
  });

  it('takes a join’s inputs in turn within the group, and commits the positions of each', async () => {
    const { pipeline, committer, runner } = groupingJoinSetup(5, 2);
    expect(await runner.step(0)).toBe(7);
    // The order step() alone would take: a, b, a, (b has none) a.
    expect(pipeline.batches.map((batch) => batch.map((r) => r.split(':')[0]).join(''))).toEqual(['aa', 'bb', 'aa', 'a']);
    expect(committer.groups.map((g) => g.positions)).toEqual([{ a: [[0, 5]], b: [[0, 2]] }]);
  });

  it('a batch that throws inside a group rewinds the input it was read from too', async () => {
    const { a, b, pipeline, committer, runner } = groupingJoinSetup(3, 3);
    // The group's second batch (b's first) fails in an operator, after b has read it.
    pipeline.onProcess = () => {
      if (pipeline.batches.length === 1) throw new Error('operator failed');
    };
    await expect(runner.step(0)).rejects.toThrow('operator failed');
    expect([a.positions(), b.positions()]).toEqual([new Map([[0, 0]]), new Map([[0, 0]])]);
    pipeline.onProcess = () => undefined;
    await runner.runUntilCaughtUp();
    expect(committer.groups.flatMap((g) => g.outputs).sort()).toEqual(['a-0-0', 'a-0-1', 'a-0-2', 'b-0-0', 'b-0-1', 'b-0-2']);
  });

  it('a failed group of a join rewinds every input it read', async () => {
    const { a, b, committer, runner } = groupingJoinSetup(3, 3);
    committer.failures.push(new Error('disk full'));
    await expect(runner.step(0)).rejects.toThrow('disk full');
    expect([a.positions(), b.positions()]).toEqual([new Map([[0, 0]]), new Map([[0, 0]])]);
    await runner.runUntilCaughtUp();
    expect(committer.groups.flatMap((g) => g.outputs).sort()).toEqual(['a-0-0', 'a-0-1', 'a-0-2', 'b-0-0', 'b-0-1', 'b-0-2']);
  });
});
