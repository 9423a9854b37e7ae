// StreamStreamJoinOperator: records of two streams meet when keys are equal and event times are within the join window.

import { formatDuration, type Change, type Row } from '../../common/index.js';
import { planSources, type PhysicalJoin, type PhysicalNode } from '../../plan/index.js';
import { LateRecords } from '../aggregation/late-records.js';
import type { Emit, OperatorContext } from '../operator.js';
import { MemoryJoinBuffer, StoredJoinBuffer, type BufferEntry, type JoinBuffer } from './join-buffer.js';
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

/** Both sides' buffered records and the join's stream time, as of the last batch. */
interface Buffers {
  readonly sides: readonly [JoinBuffer, JoinBuffer];
  streamTime: number;
  /** Whether the buffers are the stores themselves (too many records to keep in memory). */
  readonly stored: boolean;
}

/**
 * Each side's records are kept in a window store: an entry per (key, event time), its window end being the
 * stream time after which it can no longer match (its event time + how far the window reaches + grace).
 * Outer rows are emitted only then, so a NULL-padded row is never followed by the real match. The
 * entries are also kept in memory (loaded from the stores on first use, and again after a rollback),
 * indexed by key and by end; a batch writes each entry it changed once, at its end, and the stores are
 * read per record only while a side buffers more than `memoryLimit` records.
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
        mine.add(key, t, closes, me.side.encode(change.row), entries.length > 0);
      }
      if (t > streamTime) {
        streamTime = t;
        this.expire(streamTime, buffers, out);
      }
    }
    buffers.streamTime = streamTime;
    // Every change of this batch reaches the stores before it commits (a changelog records them there).
    for (const side of [0, 1] as const) buffers.sides[side].flush(ctx.state.windows(this.sides[side].store));
    if (streamTime !== startTime) ctx.state.keyValue(this.timeStore).put('streamTime', streamTime);
    late.save();
    if (!buffers.stored && buffers.sides[0].size + buffers.sides[1].size > this.memoryLimit) {
      // Too many to keep: from the next batch on, the stores are read per record (until a rollback or restart).
      this.overLimit = true;
      this.buffers = undefined;
    }
    if (out.length > 0) emit(out);
  }

  /** Both sides' buffers: in memory, loaded from the stores on first use, unless they hold too many records. */
  private load(ctx: OperatorContext): Buffers {
    if (this.buffers !== undefined) return this.buffers;
    const stores = [ctx.state.windows(this.sides[0].store), ctx.state.windows(this.sides[1].store)] as const;
    const streamTime = Number(ctx.state.keyValue(this.timeStore).get('streamTime') ?? Number.MIN_SAFE_INTEGER);
    const memory = this.overLimit ? undefined : ([MemoryJoinBuffer.load(stores[0]), MemoryJoinBuffer.load(stores[1])] as const);
    if (memory !== undefined && memory[0].size + memory[1].size <= this.memoryLimit) {
      this.buffers = { sides: memory, streamTime, stored: false };
    } else {
      this.overLimit = true;
      this.buffers = { sides: [new StoredJoinBuffer(stores[0]), new StoredJoinBuffer(stores[1])], streamTime, stored: true };
    }
    return this.buffers;
  }

  /** Drops entries whose window has closed; unmatched records of an outer side are emitted padded with NULLs. */
  private expire(streamTime: number, buffers: Buffers, out: Change[]): void {
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
