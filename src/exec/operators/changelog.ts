// ChangelogOperator: a table topic's records → upserts and deletes carrying the row they replace (kept in state).

import type { Change, SqlType } from '../../common/index.js';
import type { PhysicalChangelog } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import { rowFromJson, rowToJson, schemaTypes } from '../row-json.js';

export class ChangelogOperator implements Operator {
  readonly name = 'changelog';
  private readonly types: readonly SqlType[];
  private readonly keyIndexes: readonly number[];
  private readonly stateName: string;

  constructor(node: PhysicalChangelog) {
    this.types = schemaTypes(node.schema);
    this.keyIndexes = node.schema.columns.flatMap((c, i) => (c.namespace === 'key' ? [i] : []));
    this.stateName = node.stateName ?? 'changelog';
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void {
    const store = ctx.state.keyValue(this.stateName);
    const out: Change[] = [];
    for (const change of batch) {
      const keys = this.keyIndexes.map((i) => change.row[i] ?? null);
      // A table row needs a key: records with a NULL key are ignored, as in ksqlDB.
      if (keys.some((k) => k === null)) continue;
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
    if (out.length > 0) emit(out);
  }
}
