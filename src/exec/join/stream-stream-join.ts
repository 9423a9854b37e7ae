// StreamStreamJoinOperator: records of two streams meet when keys are equal and event times are within the join window.

import { formatDuration, type Change, type Row } from '../../common/index.js';
import { planSources, type PhysicalJoin, type PhysicalNode } from '../../plan/index.js';
import { LateRecords } from '../aggregation/late-records.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { WindowStore } from '../ports/state-store.js';
import { StoredJoinBuffer, type BufferEntry } from './join-buffer.js';
import { MemoryJoinBuffer, type SegmentIds, type SideLayout } from './memory-join-buffer.js';
import { JoinSide } from './join-side.js';

interface SideSpec {
  readonly side: JoinSide;
  readonly store: string;
  /** A record at t matches other-side records at t - lookBack … t + lookAhead. */
  readonly lookBack: number;
  readonly lookAhead: number;
  /** Whether its unmatched records are emitted padded with NULLs once its window closes. */
  readonly outer: boolean;
  readonly topic: string;
  readonly partitionColumn: number;
  readonly offsetColumn: number;
}

/** Both sides' buffered records, the join's stream time and segment numbers, as of the last batch. */
interface Buffers {
  /** In memory, or the stores themselves (too many records to keep in memory). */
  readonly sides: readonly [MemoryJoinBuffer, MemoryJoinBuffer] | readonly [StoredJoinBuffer, StoredJoinBuffer];
  readonly memory: boolean;
  streamTime: number;
  readonly ids: SegmentIds;
}

/**
 * Each side's records are buffered until the stream time passes their window end (their event time + how far
 * the window reaches + grace), after which they can no longer match. Outer rows are emitted only then, so a
 * NULL-padded row is never followed by the real match. The buffers are kept in memory (loaded from the
 * window stores on first use, and again after a rollback), indexed by key and by end; the records a batch
 * adds are stored as one entry per side (a segment), rewritten only when an outer side's matched flags
 * change. Beyond `memoryLimit` records the state is rewritten as an entry per (key, event time), which the
 * join then reads and writes per record.
 */
export class StreamStreamJoinOperator {
  readonly name = 'stream-stream-join';
  private readonly sides: readonly [SideSpec, SideSpec];
  private readonly graceMs: number;
  private readonly timeStore: string;
  private readonly memoryLimit: number;
  private buffers: Buffers | undefined;
  private overLimit = false;

  /** `memoryLimit`: the most buffered records (both sides) kept in memory. */
  constructor(node: PhysicalJoin, memoryLimit = BUFFERED_RECORDS) {
    this.memoryLimit = memoryLimit;
    const w = node.within ?? { beforeMs: 0, afterMs: 0, graceMs: 0 };
    this.graceMs = w.graceMs;
    const spec = (input: PhysicalNode, keys: PhysicalJoin['leftKeys'], name: string, lookBack: number, lookAhead: number, outer: boolean): SideSpec => ({
      side: new JoinSide(input.schema, keys),
      store: `${node.stateName}:${name}`,
      lookBack,
      lookAhead,
      outer,
      topic: planSources(input)[0]?.topic ?? '',
      partitionColumn: input.schema.columns.findIndex((c) => c.name === 'ROWPARTITION' && c.namespace === 'pseudo'),
      offsetColumn: input.schema.columns.findIndex((c) => c.name === 'ROWOFFSET' && c.namespace === 'pseudo'),
    });
    const t = node.joinType;
    this.sides = [
      spec(node.left, node.leftKeys, 'left', w.beforeMs, w.afterMs, t === 'LEFT' || t === 'FULL'),
      spec(node.right, node.rightKeys, 'right', w.afterMs, w.beforeMs, t === 'RIGHT' || t === 'FULL'),
    ];
    this.timeStore = `${node.stateName}:time`;
  }

  onLeft(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    this.onSide(0, batch, ctx, emit);
  }

  onRight(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    this.onSide(1, batch, ctx, emit);
  }

  onRollback(): void {
    this.buffers = undefined;
    this.overLimit = false;
  }

  private onSide(index: 0 | 1, batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const me = this.sides[index];
    const other = this.sides[index === 0 ? 1 : 0];
    const buffers = this.load(ctx);
    const mine = buffers.sides[index];
    const theirs = buffers.sides[index === 0 ? 1 : 0];
    const startTime = buffers.streamTime;
    let streamTime = startTime;
    const late = new LateRecords(ctx, me.topic, me.partitionColumn, me.offsetColumn);
    const out: Change[] = [];
    for (const change of batch) {
      const t = change.timestamp;
      const closes = t + me.lookAhead + this.graceMs;
      if (closes < streamTime) {
        late.drop(change, `event time ${t} is outside the join window at stream time ${streamTime} (grace period ${formatDuration(this.graceMs)})`);
        continue;
      }
      const key = me.side.key(change.row);
      if (key === null) {
        // NULL never matches: an outer side emits the record padded at once; an inner one drops it.
        if (me.outer) out.push(this.padded(index, change.row, t));
      } else {
        const entries = theirs.matching(key, t - me.lookBack, t + me.lookAhead);
        for (const entry of entries) {
          for (const r of entry.rows) {
            const otherRow = (r.row ??= other.side.decode(r.json));
            const row = index === 0 ? [...change.row, ...otherRow] : [...otherRow, ...change.row];
            out.push({ op: 'insert', row, timestamp: Math.max(t, entry.start) });
            r.matched = true;
          }
          // Matched flags are read only to pad an outer side's records: an inner side's entry is not rewritten.
          if (other.outer) theirs.touch(entry);
        }
        mine.add(key, t, closes, me.side.encodeBuffered(change.row), entries.length > 0);
      }
      if (t > streamTime) {
        streamTime = t;
        this.expire(streamTime, buffers, out);
      }
    }
    buffers.streamTime = streamTime;
    // Every change of this batch reaches the stores before it commits (a changelog records them there).
    const firstId = buffers.ids.next;
    const stores = this.stores(ctx);
    if (buffers.memory && buffers.sides[0].size + buffers.sides[1].size > this.memoryLimit) {
      // Too many to keep: from the next batch on, the stores are read per record (until a rollback or restart).
      this.toBuckets(buffers.sides as readonly [MemoryJoinBuffer, MemoryJoinBuffer], stores);
      this.overLimit = true;
      this.buffers = undefined;
    } else {
      buffers.sides[0].flush(stores[0]);
      buffers.sides[1].flush(stores[1]);
    }
    const time = ctx.state.keyValue(this.timeStore);
    if (streamTime !== startTime) time.put('streamTime', streamTime);
    if (buffers.ids.next !== firstId) time.put('segment', buffers.ids.next);
    late.save();
    if (out.length > 0) emit(out);
  }

  /** Both sides' buffers: in memory, loaded from the stores on first use, unless they hold too many records. */
  private load(ctx: OperatorContext): Buffers {
    if (this.buffers !== undefined) return this.buffers;
    const stores = this.stores(ctx);
    const time = ctx.state.keyValue(this.timeStore);
    const streamTime = Number(time.get('streamTime') ?? Number.MIN_SAFE_INTEGER);
    const ids: SegmentIds = { next: Number(time.get('segment') ?? 0) };
    if (!this.overLimit) {
      const memory = [
        MemoryJoinBuffer.load(stores[0], streamTime, ids, this.layout(0)),
        MemoryJoinBuffer.load(stores[1], streamTime, ids, this.layout(1)),
      ] as const;
      if (memory[0].size + memory[1].size <= this.memoryLimit) {
        this.buffers = { sides: memory, memory: true, streamTime, ids };
        return this.buffers;
      }
      this.toBuckets(memory, stores);
      this.overLimit = true;
    }
    this.buffers = { sides: [new StoredJoinBuffer(stores[0]), new StoredJoinBuffer(stores[1])], memory: false, streamTime, ids };
    return this.buffers;
  }

  /** What a side's compact segments leave out: every record's end is its event time plus the same reach. */
  private layout(index: 0 | 1): SideLayout {
    const spec = this.sides[index];
    return { reach: spec.lookAhead + this.graceMs, keyOf: spec.side.storedKey };
  }

  private stores(ctx: OperatorContext): readonly [WindowStore, WindowStore] {
    return [ctx.state.windows(this.sides[0].store), ctx.state.windows(this.sides[1].store)];
  }

  private toBuckets(memory: readonly [MemoryJoinBuffer, MemoryJoinBuffer], stores: readonly [WindowStore, WindowStore]): void {
    memory[0].toBuckets(stores[0]);
    memory[1].toBuckets(stores[1]);
  }

  /** Drops entries whose window has closed; unmatched records of an outer side are emitted padded with NULLs. */
  private expire(streamTime: number, buffers: Buffers, out: Change[]): void {
    // Most records move the stream time without closing anything.
    if (buffers.sides[0].earliestEnd > streamTime - 1 && buffers.sides[1].earliestEnd > streamTime - 1) return;
    const closed: { index: 0 | 1; entry: BufferEntry }[] = [];
    for (const index of [0, 1] as const) {
      for (const entry of buffers.sides[index].closeBy(streamTime - 1)) closed.push({ index, entry });
    }
    if (closed.length === 0) return;
    closed.sort((a, b) => a.entry.start - b.entry.start || a.index - b.index);
    for (const { index, entry } of closed) {
      const spec = this.sides[index];
      if (spec.outer) {
        for (const r of entry.rows) if (!r.matched) out.push(this.padded(index, r.row ?? spec.side.decode(r.json), entry.start));
      }
    }
  }

  private padded(index: 0 | 1, row: Row, timestamp: number): Change {
    const other = this.sides[index === 0 ? 1 : 0].side.nulls();
    return { op: 'insert', row: index === 0 ? [...row, ...other] : [...other, ...row], timestamp };
  }
}

/** The most buffered records (both sides) a stream-stream join keeps in memory; beyond, it reads the stores per record. */
const BUFFERED_RECORDS = 500_000;
