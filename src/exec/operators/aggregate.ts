// AggregateOperator: GROUP BY without a window, over a stream (add) or a table's changelog (retract, then add).

import type { Change, Row, Value } from '../../common/index.js';
import { groupsByText, type PhysicalAggregate } from '../../plan/index.js';
import { Aggregation, type GroupState } from '../aggregation/aggregation.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import type { MaterializedTableSpec } from '../ports/materialized-table.js';
import type { StateStore } from '../ports/state-store.js';
import { skipChange } from '../skipped-change.js';

interface Touched {
  state: GroupState;
  /** The group's row before this change, or null for a new group. */
  readonly before: Row | null;
}

export class AggregateOperator implements Operator {
  readonly name = 'aggregate';
  private readonly aggregation: Aggregation;

  /**
   * Groups' states as last committed, so a batch need not read back from the store what an earlier
   * batch wrote. Only this query writes its store (its lease), the store keeps the truth (every
   * batch still writes the groups it changed), and a rolled-back batch clears the cache (`onRollback`).
   */
  private readonly cache = new Map<string, GroupState>();
  /** Where the groups' states are read from when they are the rows of the query's table (`stateTable`), else null. */
  private readonly table: { readonly spec: MaterializedTableSpec; readonly resultColumns: readonly number[] } | null;
  /** With the state in the table: whether a group's row gives its state back (always, unless a key is text). */
  private readonly inTable: (group: string) => boolean;

  /** `cachedGroups`: the cache's bound (tests lower it to exercise eviction). */
  constructor(
    private readonly node: PhysicalAggregate,
    private readonly cachedGroups = CACHED_GROUPS,
  ) {
    this.aggregation = new Aggregation(node);
    const t = node.stateTable;
    this.table =
      t === undefined
        ? null
        : {
            spec: { name: t.tableName, schema: t.tableSchema, window: null },
            resultColumns: t.resultColumns,
          };
    const agg = this.aggregation;
    this.inTable = groupsByText(node) ? (group) => exactTableKey(agg.keyValues(group)) : () => true;
  }

  /**
   * Reads a group's state as committed: its entry in the store, or (state in the table) its row of
   * the table, which the materialize step wrote in the batch that last changed the state.
   */
  private reader(state: StateStore): (group: string) => GroupState | null {
    const agg = this.aggregation;
    const t = this.table;
    const store = state.keyValue('aggregate');
    const fromStore = (group: string): GroupState | null => {
      const json = store.get(group);
      return json === undefined ? null : agg.deserialize(json);
    };
    if (t === null) return fromStore;
    const table = state.materialized(t.spec);
    const inTable = this.inTable;
    return (group) => {
      if (!inTable(group)) return fromStore(group);
      const found = table.get(agg.keyValues(group));
      return found === undefined ? null : agg.fromResults(found.row, t.resultColumns, found.rowtime);
    };
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    // With the state in the table, the table's rows (written by the materialize step) are the only
    // copy, but for groups whose text key SQLite cannot keep exactly.
    const store = ctx.state.keyValue('aggregate');
    const inStore = this.table === null ? () => true : (group: string) => !this.inTable(group);
    const read = this.reader(ctx.state);
    const agg = this.aggregation;
    const out: Change[] = [];
    // Each group is read from the store once per batch and written back once, at the end of the
    // batch (still inside its transaction, so a failed batch leaves the store as it was).
    const states = new Map<string, GroupState | null>();
    const rows = new Map<string, { state: GroupState; row: Row }>();
    const current = (group: string): GroupState | null => {
      let state = states.get(group);
      if (state === undefined) {
        state = this.cache.get(group) ?? read(group);
        states.set(group, state);
      }
      return state;
    };
    for (const change of batch) {
      if (change.before === undefined) {
        // A stream record: one group, added to.
        const group = change.op === 'delete' ? null : agg.groupOf(change.row);
        if (group === null) {
          if (change.op !== 'delete') skipChange(ctx, this.node, change, 'GROUP BY key is NULL: the record is not grouped');
          continue;
        }
        const state = current(group);
        const next = agg.add(state ?? agg.initial(change.timestamp), change.row, change.timestamp);
        states.set(group, next);
        const row = agg.row(group, next, null);
        // The group's row before this record is the row it emitted last in this batch, if any (rows are immutable).
        const emitted = rows.get(group);
        out.push({ op: 'upsert', row, before: state === null ? null : emitted !== undefined && emitted.state === state ? emitted.row : agg.row(group, state, null), timestamp: next.timestamp });
        rows.set(group, { state: next, row });
        continue;
      }
      // A table change: every group it touches emits once, after the retraction and the addition are both applied.
      const touched = new Map<string, Touched>();
      const load = (group: string): Touched => {
        let t = touched.get(group);
        if (t === undefined) {
          const state = current(group);
          t = { state: state ?? agg.initial(change.timestamp), before: state === null ? null : agg.row(group, state, null) };
          touched.set(group, t);
        }
        return t;
      };
      if (change.before !== undefined && change.before !== null) {
        const old = agg.groupOf(change.before);
        if (old !== null) {
          const t = load(old);
          t.state = agg.undo(t.state, change.before, change.timestamp);
        }
      }
      if (change.op !== 'delete') {
        const group = agg.groupOf(change.row);
        if (group !== null) {
          const t = load(group);
          t.state = agg.add(t.state, change.row, change.timestamp);
        }
      }
      for (const [group, t] of touched) {
        states.set(group, t.state);
        out.push({ op: 'upsert', row: agg.row(group, t.state, null), before: t.before, timestamp: t.state.timestamp });
      }
    }
    // Past its bound the cache forgets its least recently changed groups (the store has them all):
    // memory stays bounded by CACHED_GROUPS, and hot groups stay cached however many cold ones there are.
    const over = this.cache.size + states.size - this.cachedGroups;
    if (over > 0) {
      let evict = over + Math.min(EVICT_SLACK, this.cachedGroups >> 2);
      for (const group of this.cache.keys()) {
        if (evict-- <= 0) break;
        this.cache.delete(group);
      }
    }
    for (const [group, state] of states) {
      if (state === null) continue;
      if (inStore(group)) store.put(group, agg.serialize(state));
      // Re-inserted, so the Map's order is the order groups last changed in (oldest first).
      this.cache.delete(group);
      this.cache.set(group, state);
    }
    if (out.length > 0) emit(out);
  }

  onRollback(): void {
    this.cache.clear();
  }
}

/** A lone surrogate (`u` mode reads a surrogate pair as one code point, so only unpaired halves match). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether key values come back from a SQLite table exactly: integers do, and text that is well-formed
 * UTF-16 without U+FFFD. SQLite keeps text as UTF-8: a lone surrogate reads back as U+FFFD, and whether
 * a lookup by it finds its row is up to how the driver encodes it (better-sqlite3 12 writes the
 * surrogate's own bytes, so it does; nothing promises that), so such groups keep their state in the store.
 */
export function exactTableKey(values: readonly Value[]): boolean {
  for (const v of values) if (typeof v === 'string' && (v.includes('\uFFFD') || LONE_SURROGATE.test(v))) return false;
  return true;
}

/**
 * The most group states an aggregation keeps in memory between batches: about 200 bytes of heap
 * each, and several hundred bytes of the process's RSS (a bound of a million took W9's peak RSS at
 * a million keys from 436 MB to 1 036 MB without a measurable gain: most of its store reads are first
 * sights of new keys, which no cache avoids).
 */
const CACHED_GROUPS = 200_000;
/** How many more than needed an eviction forgets, so it runs once in many batches rather than every batch. */
const EVICT_SLACK = 10_000;
