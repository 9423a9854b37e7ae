// Aggregation: a GROUP BY's compiled keys and aggregate calls — group keys, state arithmetic, result rows.

import type { Row, SqlType, Value, WindowBounds } from '../../common/index.js';
import type { AggregateImplementation } from '../../functions/index.js';
import { findAggregate } from '../../functions/index.js';
import type { PhysicalAggregate } from '../../plan/index.js';
import { compileExpr, type CompiledExpr } from '../expr/index.js';
import { literalValue } from '../expr/literal-value.js';
import { keyFromString, keyString } from '../row-json.js';

/** One group's (or window's) aggregate states and the largest event time that contributed to it. */
export interface GroupState {
  readonly states: unknown[];
  readonly timestamp: number;
}

/** How many groups' parsed key values Aggregation keeps (values are immutable, so sharing them is safe). */
const PARSED_KEYS = 10_000;

export class Aggregation {
  private readonly keys: readonly CompiledExpr[];
  private readonly keyTypes: readonly SqlType[];
  private readonly args: readonly (readonly CompiledExpr[])[];
  private readonly impls: readonly AggregateImplementation[];
  private readonly windowed: boolean;
  private readonly parsedKeys = new Map<string, Value[]>();
  /** A single key column's primitive value → its group identity (bounded like parsedKeys). */
  private readonly groupIds = new Map<Value, string>();

  constructor(node: PhysicalAggregate) {
    this.keys = node.groupBy.map(compileExpr);
    this.keyTypes = node.groupBy.map((g) => g.type);
    this.args = node.aggregates.map((a) => a.args.map(compileExpr));
    this.impls = node.aggregates.map((a) => {
      const fn = findAggregate(a.name);
      if (fn === undefined) throw new Error(`unknown aggregate ${a.name}`);
      return fn.create(a.argTypes, a.args.map((e) => (e.kind === 'Literal' ? literalValue(e) : undefined)));
    });
    this.windowed = node.window !== null;
  }

  /** The group key's identity in the state store, or null when a key value is NULL (the row is not grouped). */
  groupOf(row: Row): string | null {
    if (this.keys.length === 1) {
      // One key column of a primitive value (a Map compares those by value): its identity is memoized.
      const v = (this.keys[0] as CompiledExpr)(row);
      if (v === null) return null;
      const type = typeof v;
      if (type !== 'string' && type !== 'number' && type !== 'bigint' && type !== 'boolean') return keyString([v], this.keyTypes);
      return this.groupIds.get(v) ?? this.newGroupId(v);
    }
    const values: Value[] = new Array<Value>(this.keys.length);
    for (let i = 0; i < this.keys.length; i++) {
      const v = (this.keys[i] as CompiledExpr)(row);
      if (v === null) return null;
      values[i] = v;
    }
    return keyString(values, this.keyTypes);
  }

  /**
   * A lone primitive key value's group identity, made and remembered. Out of line, as is every step
   * the per-record path takes only now and then (a bound reached, a map cleared): code the optimizing
   * compiler had seen nothing of when it compiled the path would deoptimize the path.
   */
  private newGroupId(v: Value): string {
    if (this.groupIds.size >= PARSED_KEYS) this.groupIds.clear();
    const group = keyString([v], this.keyTypes);
    this.groupIds.set(v, group);
    // The group's row will need its key values: they are `v` itself when parsing the group's text
    // would give `v` back (so more groups than PARSED_KEYS do not parse their key text per record).
    if (!this.parsedKeys.has(group) && roundTrips(v, (this.keyTypes[0] as SqlType).kind)) {
      if (this.parsedKeys.size >= PARSED_KEYS) this.parsedKeys.clear();
      this.parsedKeys.set(group, [v]);
    }
    return group;
  }

  initial(timestamp: number): GroupState {
    return { states: this.impls.map((impl) => impl.initial()), timestamp };
  }

  add(group: GroupState, row: Row, timestamp: number): GroupState {
    // A plain loop: this runs once per record and window, so no closures or intermediate arrays.
    const impls = this.impls;
    const states: unknown[] = new Array<unknown>(impls.length);
    for (let i = 0; i < impls.length; i++) states[i] = (impls[i] as AggregateImplementation).add(group.states[i], this.argValues(i, row));
    return { states, timestamp: group.timestamp > timestamp ? group.timestamp : timestamp };
  }

  /**
   * Adds a row to `states` in place (a state array the caller owns, not one shared with a cache or
   * with rows already made) and returns the new largest event time: no state object per record.
   */
  addTo(states: unknown[], stateTimestamp: number, row: Row, timestamp: number): number {
    const impls = this.impls;
    for (let i = 0; i < impls.length; i++) states[i] = (impls[i] as AggregateImplementation).add(states[i], this.argValues(i, row));
    return stateTimestamp > timestamp ? stateTimestamp : timestamp;
  }

  undo(group: GroupState, row: Row, timestamp: number): GroupState {
    return {
      states: this.impls.map((impl, i) => (impl.undo === undefined ? group.states[i] : impl.undo(group.states[i], this.argValues(i, row)))),
      timestamp: Math.max(group.timestamp, timestamp),
    };
  }

  merge(a: GroupState, b: GroupState): GroupState {
    return {
      states: this.impls.map((impl, i) => (impl.merge === undefined ? a.states[i] : impl.merge(a.states[i], b.states[i]))),
      timestamp: Math.max(a.timestamp, b.timestamp),
    };
  }

  /** The aggregation's output row: keys, then WINDOWSTART and WINDOWEND when windowed, then the results. */
  row(group: string, state: GroupState, window: WindowBounds | null): Row {
    // Sized once and filled by plain loops: this runs once per record (or twice, with the row before).
    const keys = this.keyValues(group);
    const impls = this.impls;
    const out: Value[] = new Array<Value>(keys.length + (this.windowed ? 2 : 0) + impls.length);
    let o = 0;
    for (let k = 0; k < keys.length; k++) out[o++] = keys[k] as Value;
    if (this.windowed) {
      out[o++] = BigInt(window?.start ?? 0);
      out[o++] = BigInt(window?.end ?? 0);
    }
    for (let i = 0; i < impls.length; i++) out[o++] = (impls[i] as AggregateImplementation).result(state.states[i]);
    return out;
  }

  serialize(state: GroupState): unknown {
    const impls = this.impls;
    const out: unknown[] = new Array<unknown>(impls.length + 1);
    out[0] = state.timestamp;
    for (let i = 0; i < impls.length; i++) out[i + 1] = (impls[i] as AggregateImplementation).serialize(state.states[i]);
    return out;
  }

  deserialize(json: unknown): GroupState {
    const [timestamp, ...states] = json as [number, ...unknown[]];
    return { states: this.impls.map((impl, i) => impl.deserialize(states[i])), timestamp };
  }

  /**
   * A group's state from the row its results were materialized in (`PhysicalAggregate.stateTable`):
   * `columns[i]` holds aggregate i's result, `timestamp` is the row's time. Only for functions with `fromResult`.
   */
  fromResults(row: Row, columns: readonly number[], timestamp: number): GroupState {
    const impls = this.impls;
    const states: unknown[] = new Array<unknown>(impls.length);
    for (let i = 0; i < impls.length; i++) {
      const fromResult = (impls[i] as AggregateImplementation).fromResult;
      if (fromResult === undefined) throw new Error('aggregate state kept in a table for a function whose result is not its state');
      states[i] = fromResult(row[columns[i] as number] ?? null);
    }
    return { states, timestamp };
  }

  /** The key values of a group (parsed once per group and batch-sized reuse: a batch emits a group's row many times). */
  keyValues(group: string): readonly Value[] {
    return this.parsedKeys.get(group) ?? this.parseKey(group);
  }

  /** A group's key values parsed from its text, and remembered (out of line: see `newGroupId`). */
  private parseKey(group: string): Value[] {
    if (this.parsedKeys.size >= PARSED_KEYS) this.parsedKeys.clear();
    const values = keyFromString(group, this.keyTypes);
    this.parsedKeys.set(group, values);
    return values;
  }

  private argValues(i: number, row: Row): Value[] {
    const fns = this.args[i] ?? [];
    const values: Value[] = new Array<Value>(fns.length);
    for (let a = 0; a < fns.length; a++) values[a] = (fns[a] as CompiledExpr)(row);
    return values;
  }
}

/** Whether a primitive key value of this SQL type comes back identical from its key text (`keyString` → `keyFromString`). */
function roundTrips(v: Value, kind: SqlType['kind']): boolean {
  switch (typeof v) {
    case 'bigint':
      return kind === 'BIGINT';
    case 'string':
      return kind === 'STRING';
    case 'boolean':
      return kind === 'BOOLEAN';
    case 'number':
      // JSON writes -0 as 0.
      return (kind === 'INT' || kind === 'DOUBLE' || kind === 'DATE' || kind === 'TIME' || kind === 'TIMESTAMP') && !Object.is(v, -0);
    default:
      return false;
  }
}
