// SessionAggregateOperator: GROUP BY with SESSION windows — merges sessions (tombstones for the superseded ones), grace, EMIT CHANGES or FINAL.

import { formatDuration, type Change, type WindowSpec } from '../../common/index.js';
import type { PhysicalAggregate } from '../../plan/index.js';
import { Aggregation } from '../aggregation/aggregation.js';
import { LateRecords } from '../aggregation/late-records.js';
import { StreamTime } from '../aggregation/stream-time.js';
import { skipChange } from '../skipped-change.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';

export class SessionAggregateOperator implements Operator {
  readonly name = 'session-aggregate';
  private readonly aggregation: Aggregation;
  private readonly window: WindowSpec;

  constructor(private readonly node: PhysicalAggregate) {
    if (node.window === null) throw new Error('SessionAggregateOperator needs a window');
    this.aggregation = new Aggregation(node);
    this.window = node.window;
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const { aggregation: agg, node } = this;
    const gap = this.window.sizeMs;
    const grace = this.window.graceMs;
    const store = ctx.state.windows('sessions');
    const times = StreamTime.load(ctx.state.keyValue('time'));
    const late = new LateRecords(ctx, node.topic, node.partitionColumn, node.offsetColumn);
    const out: Change[] = [];
    for (const change of batch) {
      const group = agg.groupOf(change.row);
      if (group === null) {
        skipChange(ctx, node, change, 'GROUP BY key is NULL: the record is not grouped');
        continue;
      }
      const t = change.timestamp;
      const partition = Number(change.row[node.partitionColumn] ?? 0);
      const streamTime = times.observe(partition, t);
      // Sessions within the gap of this record merge with it into one session.
      const sessions = store.overlapping(group, t - gap, t + gap);
      let start = t;
      let end = t;
      for (const s of sessions) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      }
      if (end + grace < streamTime) {
        late.drop(change, `event time ${t} is in session [${start}, ${end}], closed at stream time ${streamTime} of partition ${partition} (grace period ${formatDuration(grace)})`);
        continue;
      }
      let state = agg.initial(t);
      let before = null;
      for (const s of sessions) {
        const old = agg.deserialize(s.value);
        state = agg.merge(state, old);
        const w = { start: s.start, end: s.end };
        if (s.start === start && s.end === end) {
          before = agg.row(group, old, w);
          continue;
        }
        store.delete(group, s.start, s.end);
        if (node.emit === 'CHANGES') {
          const row = agg.row(group, old, w);
          out.push({ op: 'delete', row, before: row, timestamp: old.timestamp, window: w });
        }
      }
      state = agg.add(state, change.row, t);
      const window = { start, end };
      store.put(group, start, end, agg.serialize(state));
      if (node.emit === 'CHANGES') out.push({ op: 'upsert', row: agg.row(group, state, window), before, timestamp: state.timestamp, window });
    }
    times.save();
    late.save();
    const closingTime = times.closingTime();
    if (closingTime !== null) {
      // A session closes when stream time passes its end plus the grace period.
      for (const entry of store.endingBy(closingTime - grace - 1)) {
        if (node.emit === 'FINAL') {
          const state = agg.deserialize(entry.value);
          const w = { start: entry.start, end: entry.end };
          out.push({ op: 'upsert', row: agg.row(entry.key, state, w), before: null, timestamp: state.timestamp, window: w });
        }
        store.delete(entry.key, entry.start, entry.end);
      }
    }
    if (out.length > 0) emit(out);
  }
}
