// StreamStreamJoinOperator: records of two streams meet when keys are equal and event times are within the join window.

import { formatDuration, type Change, type Row } from '../../common/index.js';
import { planSources, type PhysicalJoin, type PhysicalNode } from '../../plan/index.js';
import { LateRecords } from '../aggregation/late-records.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { WindowEntry, WindowStore } from '../ports/state-store.js';
import { JoinSide } from './join-side.js';

/** The records of one side with one key and one event time; `matched` says whether each has joined yet. */
interface Bucket {
  readonly rows: { row: unknown[]; matched: boolean }[];
}

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

/**
 * Both sides are kept in SQLite window stores: an entry per (key, event time), its window end being the
 * stream time after which it can no longer match (its event time + how far the window reaches + grace).
 * Outer rows are emitted only then, so a NULL-padded row is never followed by the real match.
 */
export class StreamStreamJoinOperator {
  readonly name = 'stream-stream-join';
  private readonly sides: readonly [SideSpec, SideSpec];
  private readonly graceMs: number;
  private readonly timeStore: string;

  constructor(node: PhysicalJoin) {
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

  private onSide(index: 0 | 1, batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const me = this.sides[index];
    const other = this.sides[index === 0 ? 1 : 0];
    const mine = ctx.state.windows(me.store);
    const theirs = ctx.state.windows(other.store);
    const time = ctx.state.keyValue(this.timeStore);
    let streamTime = Number(time.get('streamTime') ?? Number.MIN_SAFE_INTEGER);
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
        let matched = false;
        for (const entry of theirs.overlapping(key, t - me.lookBack, t + me.lookAhead)) {
          if (entry.start < t - me.lookBack || entry.start > t + me.lookAhead) continue;
          const bucket = entry.value as Bucket;
          for (const r of bucket.rows) {
            const otherRow = other.side.decode(r.row);
            const row = index === 0 ? [...change.row, ...otherRow] : [...otherRow, ...change.row];
            out.push({ op: 'insert', row, timestamp: Math.max(t, entry.start) });
            r.matched = true;
          }
          theirs.put(entry.key, entry.start, entry.end, bucket);
          matched = true;
        }
        const bucket = (mine.get(key, t, closes) as Bucket | undefined) ?? { rows: [] };
        bucket.rows.push({ row: me.side.encode(change.row), matched });
        mine.put(key, t, closes, bucket);
      }
      if (t > streamTime) {
        streamTime = t;
        this.expire(streamTime, ctx, out);
      }
    }
    time.put('streamTime', streamTime);
    late.save();
    if (out.length > 0) emit(out);
  }

  /** Drops entries whose window has closed; unmatched records of an outer side are emitted padded with NULLs. */
  private expire(streamTime: number, ctx: OperatorContext, out: Change[]): void {
    const closed: { index: 0 | 1; entry: WindowEntry; store: WindowStore }[] = [];
    for (const index of [0, 1] as const) {
      const store = ctx.state.windows(this.sides[index].store);
      for (const entry of store.endingBy(streamTime - 1)) closed.push({ index, entry, store });
    }
    closed.sort((a, b) => a.entry.start - b.entry.start || a.index - b.index);
    for (const { index, entry, store } of closed) {
      const spec = this.sides[index];
      if (spec.outer) {
        for (const r of (entry.value as Bucket).rows) if (!r.matched) out.push(this.padded(index, spec.side.decode(r.row), entry.start));
      }
      store.delete(entry.key, entry.start, entry.end);
    }
  }

  private padded(index: 0 | 1, row: Row, timestamp: number): Change {
    const other = this.sides[index === 0 ? 1 : 0].side.nulls();
    return { op: 'insert', row: index === 0 ? [...row, ...other] : [...other, ...row], timestamp };
  }
}
