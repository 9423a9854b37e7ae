// WindowAggregateOperator: GROUP BY with TUMBLING or HOPPING windows — grace, late records, EMIT CHANGES or FINAL.

import { formatDuration, timeWindowsFor, type Change, type WindowBounds, type WindowSpec } from '../../common/index.js';
import type { PhysicalAggregate } from '../../plan/index.js';
import { Aggregation, type GroupState } from '../aggregation/aggregation.js';
import { LateRecords } from '../aggregation/late-records.js';
import { StreamTime } from '../aggregation/stream-time.js';
import { WindowPanes } from '../aggregation/window-panes.js';
import { deleteClosed, type WindowEntry, type WindowStore } from '../ports/state-store.js';
import { skipChange } from '../skipped-change.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';

export class WindowAggregateOperator implements Operator {
  readonly name = 'window-aggregate';
  private readonly aggregation: Aggregation;
  private readonly window: WindowSpec;

  /**
   * The open windows' states as last committed, window start → group → state (a time window's end
   * is its start plus the size), so a batch need not read back from the store what the previous
   * batch wrote. Only this query writes its store (its lease), the store keeps the truth, and a
   * rolled-back batch clears the cache (`onRollback`). Keyed by numbers and group texts as they are,
   * so no id text is built per record.
   */
  private readonly cache = new Map<number, Map<string, GroupState>>();
  /** How many states `cache` holds. */
  private cached = 0;

  /**
   * The bound (closing time minus grace) of this process's last scan for closing windows, or NOT_SCANNED
   * before the first scan and after a rollback (which may have undone that scan's deletions). No
   * window ending at or before it is left in the store, so a batch whose bound passes no window end
   * of the window grid skips the scan.
   */
  private scannedThrough = NOT_SCANNED;

  /** EMIT FINAL hopping windows over exactly mergeable aggregates go by panes (see WindowPanes), or null. */
  private readonly panes: WindowPanes | null;

  /** `panes: false` aggregates every window record by record (tests compare the two ways). */
  constructor(
    private readonly node: PhysicalAggregate,
    options: { panes: boolean } = { panes: true },
  ) {
    if (node.window === null) throw new Error('WindowAggregateOperator needs a window');
    this.aggregation = new Aggregation(node);
    this.window = node.window;
    this.panes = options.panes && WindowPanes.applies(node) ? new WindowPanes(node, this.aggregation, node.window) : null;
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    if (this.panes !== null) {
      this.panes.onChanges(batch, ctx, emit);
      return;
    }
    const store = ctx.state.windows('aggregate');
    const times = StreamTime.load(ctx.state.keyValue('time'));
    const out: Change[] = [];
    // Each (group, window) a batch touches is read once and written back once, at the end of the
    // batch (still inside its transaction, so a failed batch leaves the store as it was).
    const touched = new Map<number, Map<string, Touched>>();
    const touchedCount = this.aggregate(batch, ctx, store, times, touched, out);
    this.writeBack(store, touched, touchedCount);
    times.save();
    // Windows that closed: EMIT FINAL emits them now, in the order they closed; their state is no longer needed.
    const closingTime = times.closingTime();
    if (closingTime !== null && this.mayClose(closingTime - this.window.graceMs)) this.closeWindows(store, closingTime - this.window.graceMs, out);
    if (out.length > 0) emit(out);
  }

  /**
   * Adds the batch's records to their windows' states in `touched` (EMIT CHANGES: pushes each
   * update to `out`); returns how many (group, window) entries it made. The per-record path, kept
   * apart from the rarer work (writing back, closing windows, late records, a new window), which
   * would otherwise deoptimize it whenever it first runs after the path was optimized (see `windowsFor`).
   */
  private aggregate(batch: readonly Change[], ctx: OperatorContext, store: WindowStore, times: StreamTime, touched: Map<number, Map<string, Touched>>, out: Change[]): number {
    const { aggregation: agg, window: spec, node } = this;
    const changes = node.emit === 'CHANGES';
    let late: LateRecords | null = null;
    // Consecutive records mostly fall in the same group and window: the last entry is found again without its id.
    let last: Touched | undefined;
    let byGroup: Map<string, Touched> | undefined;
    let touchedCount = 0;
    for (let c = 0; c < batch.length; c++) {
      const change = batch[c] as Change;
      const group = agg.groupOf(change.row);
      if (group === null) {
        skipChange(ctx, node, change, 'GROUP BY key is NULL: the record is not grouped');
        continue;
      }
      const partition = Number(change.row[node.partitionColumn] ?? 0);
      const streamTime = times.observe(partition, change.timestamp);
      let closed: WindowBounds[] | undefined;
      const windows = this.windowsFor(change.timestamp);
      for (let i = 0; i < windows.length; i++) {
        const w = windows[i] as WindowBounds;
        if (w.end + spec.graceMs <= streamTime) {
          (closed ??= []).push(w);
          continue;
        }
        let entry: Touched | undefined;
        if (last !== undefined && last.group === group && last.window.start === w.start && last.window.end === w.end) entry = last;
        else {
          byGroup = touched.get(w.start);
          if (byGroup === undefined) touched.set(w.start, (byGroup = new Map<string, Touched>()));
          entry = byGroup.get(group);
        }
        if (entry === undefined) {
          entry = this.touch(store, group, w, change.timestamp);
          (byGroup as Map<string, Touched>).set(group, entry);
          touchedCount++;
        }
        if (changes) {
          const before = entry.existed ? agg.row(group, entry, w) : null;
          entry.timestamp = agg.addTo(entry.states, entry.timestamp, change.row, change.timestamp);
          entry.existed = true;
          out.push({ op: 'upsert', row: agg.row(group, entry, w), before, timestamp: entry.timestamp, window: w });
        } else {
          entry.timestamp = agg.addTo(entry.states, entry.timestamp, change.row, change.timestamp);
        }
        last = entry;
      }
      if (closed !== undefined) (late ??= new LateRecords(ctx, node.topic, node.partitionColumn, node.offsetColumn)).drop(change, this.lateReason(closed, change.timestamp, streamTime, partition));
    }
    late?.save();
    return touchedCount;
  }

  /** A (group, window) entry for this batch, with a copy of its state as cached, stored, or new (the batch adds to the copy). */
  private touch(store: WindowStore, group: string, w: WindowBounds, timestamp: number): Touched {
    const agg = this.aggregation;
    const cached = this.cache.get(w.start)?.get(group);
    if (cached !== undefined) return { group, window: w, states: cached.states.slice(), timestamp: cached.timestamp, existed: true };
    const stored = store.get(group, w.start, w.end);
    const state = stored === undefined ? agg.initial(timestamp) : agg.deserialize(stored);
    return { group, window: w, states: state.states.slice(), timestamp: state.timestamp, existed: stored !== undefined };
  }

  private lateReason(closed: readonly WindowBounds[], timestamp: number, streamTime: number, partition: number): string {
    const windows = closed.map((w) => `[${w.start}, ${w.end})`).join(', ');
    return `event time ${timestamp} is too late for window ${windows}, closed at stream time ${streamTime} of partition ${partition} (grace period ${formatDuration(this.window.graceMs)})`;
  }

  /** Writes the batch's touched states to the store and keeps them in the cache. */
  private writeBack(store: WindowStore, touched: Map<number, Map<string, Touched>>, touchedCount: number): void {
    const agg = this.aggregation;
    // A cache past its bound starts over (the store has it all): memory stays bounded by CACHED_WINDOWS.
    if (this.cached + touchedCount > CACHED_WINDOWS) {
      this.cache.clear();
      this.cached = 0;
    }
    for (const [start, entries] of touched) {
      const cachedByGroup = this.cache.get(start) ?? this.cacheWindow(start);
      for (const entry of entries.values()) {
        const w = entry.window;
        const state: GroupState = { states: entry.states, timestamp: entry.timestamp };
        store.put(entry.group, w.start, w.end, agg.serialize(state));
        const size = cachedByGroup.size;
        cachedByGroup.set(entry.group, state);
        this.cached += cachedByGroup.size - size;
        // A partition seen for the first time can move the closing time back: keep the scan's promise true.
        if (w.end <= this.scannedThrough) this.scannedThrough = w.end - 1;
      }
    }
  }

  /** A new window's (empty) map in the cache. Out of line, as are other steps taken once per window: see `aggregate`. */
  private cacheWindow(start: number): Map<string, GroupState> {
    const cachedByGroup = new Map<string, GroupState>();
    this.cache.set(start, cachedByGroup);
    return cachedByGroup;
  }

  /** Closes the windows ending at or before `bound`: EMIT FINAL emits them to `out`; their states go. */
  private closeWindows(store: WindowStore, bound: number, out: Change[]): void {
    const agg = this.aggregation;
    this.scannedThrough = bound;
    const closing = store.endingBy(bound);
    for (let i = 0; i < closing.length; i++) {
      const entry = closing[i] as WindowEntry;
      if (this.node.emit === 'FINAL') {
        const state = agg.deserialize(entry.value);
        const w = { start: entry.start, end: entry.end };
        out.push({ op: 'upsert', row: agg.row(entry.key, state, w), before: null, timestamp: state.timestamp, window: w });
      }
      const cachedByGroup = this.cache.get(entry.start);
      if (cachedByGroup !== undefined && cachedByGroup.delete(entry.key)) {
        this.cached--;
        if (cachedByGroup.size === 0) this.cache.delete(entry.start);
      }
    }
    deleteClosed(store, closing, bound);
  }

  onRollback(): void {
    this.cache.clear();
    this.cached = 0;
    this.scannedThrough = NOT_SCANNED;
    this.panes?.onRollback();
  }

  /** The one-element list `windowsFor` gives a tumbling window in (reused: this runs once per record). */
  private readonly oneWindow: WindowBounds[] = [];

  /**
   * The windows containing `t`, as `timeWindowsFor` gives them (read before the next call). A
   * tumbling window's bounds are a new object per record, not one kept while records fall in the
   * same window: the branch making a new one only when the window changes would run for the first
   * time after this path was optimized, once per window size of event time, and each time
   * deoptimize the per-record path (a recompilation of it costs more than the objects).
   */
  private windowsFor(t: number): readonly WindowBounds[] {
    const spec = this.window;
    if (spec.kind !== 'TUMBLING') return timeWindowsFor(spec, t);
    const start = t - mod(t, spec.sizeMs);
    this.oneWindow[0] = { start, end: start + spec.sizeMs };
    return this.oneWindow;
  }

  /** Whether a window of the grid (ends at start + size, starts a multiple of the advance) ends in (scannedThrough, bound]. */
  private mayClose(bound: number): boolean {
    const spec = this.window;
    const advance = spec.kind === 'HOPPING' ? (spec.advanceMs ?? spec.sizeMs) : spec.sizeMs;
    const lastEnd = bound - mod(bound - spec.sizeMs, advance);
    return lastEnd > this.scannedThrough;
  }
}

/**
 * A (group, window) a batch touched, with its state so far: the batch's own copy of the aggregate
 * states, which its records update in place (the cache keeps the state as committed until the
 * batch writes back; a rolled-back batch clears the cache anyway).
 */
interface Touched {
  readonly group: string;
  readonly window: WindowBounds;
  readonly states: unknown[];
  timestamp: number;
  /** Whether the window had a state before this batch's first record for it, or an earlier record of this batch (EMIT CHANGES: the update has a before row). */
  existed: boolean;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/**
 * `scannedThrough` before the first scan and after a rollback: below every window end, so the next
 * batch scans. A number, not null, so the field keeps one representation (a field that changes
 * from null to a number deoptimizes the code that read it).
 */
const NOT_SCANNED = -Infinity;

/** The most window states a window aggregation keeps in memory between batches. */
const CACHED_WINDOWS = 200_000;
