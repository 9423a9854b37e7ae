// WindowPanes: EMIT FINAL hopping windows aggregated per pane (the slices windows share), each window assembled once, when it closes.

import { formatDuration, timeWindowsFor, type Change, type WindowSpec } from '../../common/index.js';
import type { PhysicalAggregate } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import { deleteClosed, type WindowStore } from '../ports/state-store.js';
import { skipChange } from '../skipped-change.js';
import { compareText } from '../text-order.js';
import type { Aggregation, GroupState } from './aggregation.js';
import { LateRecords } from './late-records.js';
import { StreamTime } from './stream-time.js';

/** The kv key (in the `time` store) of the bound through which pane windows were emitted. */
const EMITTED_KEY = 'panes-emitted-through';

/** The most pane states kept in memory between batches. */
const CACHED_PANES = 200_000;

/**
 * A hopping window of size S advancing by A is made of panes of gcd(S, A); a record is added to its
 * one pane instead of to each of its S/A windows, and a window's state is the merge of its panes
 * when it closes. Stores: `panes` (key, pane start, pane start + S — the end of the last window the
 * pane belongs to, so `endingBy` finds panes no open window needs) and `aggregate`, the per-window
 * layout of the unpaned path, for records that may reach only some of their windows (partly late,
 * or a window already emitted): a window is its panes merged with its `aggregate` entry, if any.
 */
export class WindowPanes {
  private readonly paneMs: number;
  private readonly advanceMs: number;
  /** `p/${start}/${group}` (panes) or `d/${start}/${group}` (per-window entries) → state as last committed. */
  private readonly cache = new Map<string, GroupState>();
  /** Windows ending at or before it were emitted (persisted); undefined: not loaded since start or rollback. */
  private emittedThrough: number | null | undefined = undefined;
  /** Scan for closing windows at the next batch whatever the window grid says (after start, rollback, a per-window entry). */
  private mustScan = true;

  constructor(
    private readonly node: PhysicalAggregate,
    private readonly agg: Aggregation,
    private readonly spec: WindowSpec,
  ) {
    this.advanceMs = spec.advanceMs ?? spec.sizeMs;
    this.paneMs = gcd(spec.sizeMs, this.advanceMs);
  }

  /** EMIT FINAL hopping windows whose aggregates merge exactly (so a merge of panes equals adding record by record). */
  static applies(node: PhysicalAggregate): boolean {
    const w = node.window;
    if (w === null || w.kind !== 'HOPPING' || node.emit !== 'FINAL' || w.advanceMs === undefined || w.advanceMs === null || w.advanceMs >= w.sizeMs) return false;
    return node.aggregates.every((a) => {
      const type = a.argTypes[0]?.kind;
      if (a.name === 'COUNT') return true;
      if (a.name === 'SUM') return type === 'INT' || type === 'BIGINT' || type === 'DECIMAL';
      if (a.name === 'MIN' || a.name === 'MAX') return type !== undefined && type !== 'DOUBLE';
      return false;
    });
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const { agg, node, spec } = this;
    const panes = ctx.state.windows('panes');
    const windows = ctx.state.windows('aggregate');
    const meta = ctx.state.keyValue('time');
    const times = StreamTime.load(meta);
    const late = new LateRecords(ctx, node.topic, node.partitionColumn, node.offsetColumn);
    if (this.emittedThrough === undefined) {
      const saved = meta.get(EMITTED_KEY);
      this.emittedThrough = typeof saved === 'number' ? saved : null;
    }
    const emitted = this.emittedThrough;
    const touched = new Map<string, { group: string; start: number; end: number; state: GroupState }>();
    const add = (id: string, group: string, start: number, end: number, change: Change, store: WindowStore): void => {
      let entry = touched.get(id);
      if (entry === undefined) {
        const cached = this.cache.get(id);
        const stored = cached === undefined ? store.get(group, start, end) : undefined;
        const state = cached ?? (stored === undefined ? agg.initial(change.timestamp) : agg.deserialize(stored));
        entry = { group, start, end, state };
        touched.set(id, entry);
      }
      entry.state = agg.add(entry.state, change.row, change.timestamp);
    };
    for (const change of batch) {
      const group = agg.groupOf(change.row);
      if (group === null) {
        skipChange(ctx, node, change, 'GROUP BY key is NULL: the record is not grouped');
        continue;
      }
      const partition = Number(change.row[node.partitionColumn] ?? 0);
      const streamTime = times.observe(partition, change.timestamp);
      const all = timeWindowsFor(spec, change.timestamp);
      let closed = 0;
      // The record's pane feeds exactly the windows not emitted yet: right when those are its open windows.
      let paned = true;
      for (const w of all) {
        const isLate = w.end + spec.graceMs <= streamTime;
        if (isLate) closed++;
        if (isLate !== (emitted !== null && w.end <= emitted)) paned = false;
      }
      if (closed > 0) {
        const list = all.filter((w) => w.end + spec.graceMs <= streamTime).map((w) => `[${w.start}, ${w.end})`).join(', ');
        late.drop(change, `event time ${change.timestamp} is too late for window ${list}, closed at stream time ${streamTime} of partition ${partition} (grace period ${formatDuration(spec.graceMs)})`);
      }
      if (closed === all.length) continue;
      if (paned) {
        const start = change.timestamp - mod(change.timestamp, this.paneMs);
        add(`p/${start}/${group}`, group, start, start + spec.sizeMs, change, panes);
        continue;
      }
      for (const w of all) {
        if (w.end + spec.graceMs <= streamTime) continue;
        add(`d/${w.start}/${group}`, group, w.start, w.end, change, windows);
        this.mustScan = true;
      }
    }
    if (this.cache.size + touched.size > CACHED_PANES) this.cache.clear();
    for (const [id, { group, start, end, state }] of touched) {
      (id.startsWith('p') ? panes : windows).put(group, start, end, agg.serialize(state));
      this.cache.set(id, state);
    }
    times.save();
    late.save();
    const closingTime = times.closingTime();
    if (closingTime === null) return;
    const bound = closingTime - spec.graceMs;
    if (!this.mustScan && emitted !== null && lastEndBy(bound, spec.sizeMs, this.advanceMs) <= emitted) return;
    const out = this.close(bound, emitted, panes, windows);
    this.emittedThrough = emitted === null || bound > emitted ? bound : emitted;
    meta.put(EMITTED_KEY, this.emittedThrough);
    // Closing time went back (a partition seen for the first time): per-window entries below the
    // emitted bound close off the grid, so scan every batch until closing time catches up.
    this.mustScan = bound < this.emittedThrough;
    if (out.length > 0) emit(out);
  }

  onRollback(): void {
    this.cache.clear();
    this.emittedThrough = undefined;
    this.mustScan = true;
  }

  /** Emits the windows ending in (emitted, bound] (and any per-window entry ending by bound), by end then key; drops what no open window needs. */
  private close(bound: number, emitted: number | null, panes: WindowStore, windows: WindowStore): Change[] {
    const { agg, spec } = this;
    const size = spec.sizeMs;
    const lo = emitted ?? Number.NEGATIVE_INFINITY;
    const byEnd = new Map<number, Map<string, GroupState>>();
    const fold = (end: number, group: string, state: GroupState): void => {
      let groups = byEnd.get(end);
      if (groups === undefined) byEnd.set(end, (groups = new Map<string, GroupState>()));
      const prior = groups.get(group);
      groups.set(group, prior === undefined ? state : agg.merge(prior, state));
    };
    // Panes starting before `bound`: every pane of a window that closes now.
    const listed = panes.endingBy(bound - 1 + size);
    for (const entry of listed) {
      const id = `p/${entry.start}/${entry.key}`;
      const state = this.cache.get(id) ?? agg.deserialize(entry.value);
      // The windows holding the pane end in (start, start + size], on the grid.
      const first = entry.start + this.advanceMs - mod(entry.start - size, this.advanceMs);
      for (let end = first; end <= entry.start + size && end <= bound; end += this.advanceMs) {
        // Hopping windows start at 0 or later (as timeWindowsFor has it).
        if (end > lo && end >= size) fold(end, entry.key, state);
      }
      if (entry.end <= bound) this.cache.delete(id);
    }
    deleteClosed(panes, listed, bound);
    const closing = windows.endingBy(bound);
    for (const entry of closing) {
      const id = `d/${entry.start}/${entry.key}`;
      fold(entry.end, entry.key, this.cache.get(id) ?? agg.deserialize(entry.value));
      this.cache.delete(id);
    }
    deleteClosed(windows, closing, bound);
    const out: Change[] = [];
    for (const end of [...byEnd.keys()].sort((a, b) => a - b)) {
      const groups = byEnd.get(end) as Map<string, GroupState>;
      const w = { start: end - size, end };
      for (const group of [...groups.keys()].sort(compareText)) {
        const state = groups.get(group) as GroupState;
        out.push({ op: 'upsert', row: agg.row(group, state, w), before: null, timestamp: state.timestamp, window: w });
      }
    }
    return out;
  }
}

/** The last window end of the grid (start a multiple of the advance, end = start + size) at or before `bound`. */
function lastEndBy(bound: number, size: number, advance: number): number {
  return bound - mod(bound - size, advance);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
