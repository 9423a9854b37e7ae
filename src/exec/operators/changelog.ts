// ChangelogOperator: a table topic's records → upserts and deletes, carrying the row they replace (kept in state) when the plan asks for it.

import type { Change, SqlType } from '../../common/index.js';
import type { PhysicalChangelog } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import { rowFromJson, rowToJson, schemaTypes } from '../row-json.js';

export class ChangelogOperator implements Operator {
  readonly name = 'changelog';
  private readonly types: readonly SqlType[];
  private readonly keyIndexes: readonly number[];
  private readonly stateName: string;
  /** False: no state, and every change's `before` is null (its consumer reads rows by key, never the replaced one). */
  private readonly tracksBefore: boolean;

  constructor(node: PhysicalChangelog) {
    this.types = schemaTypes(node.schema);
    this.keyIndexes = node.schema.columns.flatMap((c, i) => (c.namespace === 'key' ? [i] : []));
    this.stateName = node.stateName ?? 'changelog';
    this.tracksBefore = node.tracksBefore ?? true;
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const out = this.tracksBefore ? this.withBefore(batch, ctx) : this.withoutBefore(batch);
    if (out.length > 0) emit(out);
  }

  private withBefore(batch: readonly Change[], ctx: OperatorContext): Change[] {
    const store = ctx.state.keyValue(this.stateName);
    const out: Change[] = [];
    for (const change of batch) {
      if (!this.hasKey(change)) continue;
      const keys = this.keyIndexes.map((i) => change.row[i] ?? null);
      const id = JSON.stringify([rowToJson(keys, this.keyIndexes.map((i) => this.types[i] ?? { kind: 'STRING' })), change.window ?? null]);
      const stored = store.get(id);
      const before = stored === undefined ? null : rowFromJson(stored, this.types);
      if (change.op === 'delete') {
        if (before === null) continue;
        store.delete(id);
        out.push({ ...change, op: 'delete', row: before, before });
      } else {
        store.put(id, rowToJson(change.row, this.types));
        out.push({ ...change, op: 'upsert', before });
      }
    }
    return out;
  }

  /** Upserts and deletes as they come: a tombstone's row is its key (its other columns NULL), deleting a key that may hold no row. */
  private withoutBefore(batch: readonly Change[]): Change[] {
    const out: Change[] = [];
    for (const change of batch) {
      if (!this.hasKey(change)) continue;
      const op = change.op === 'delete' ? 'delete' : 'upsert';
      out.push(change.window === undefined ? { op, row: change.row, before: null, timestamp: change.timestamp } : { op, row: change.row, before: null, timestamp: change.timestamp, window: change.window });
    }
    return out;
  }

  /** A table row needs a key: records with a NULL key are ignored, as in ksqlDB. */
  private hasKey(change: Change): boolean {
    for (const i of this.keyIndexes) if ((change.row[i] ?? null) === null) return false;
    return true;
  }
}
