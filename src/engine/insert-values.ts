// executeInsertValues: INSERT INTO … VALUES — evaluates the values, encodes them, appends one record.

import type { BoundInsertValues } from '../analyze/index.js';
import { compileExpr } from '../exec/index.js';
import type { EngineContext } from './engine-context.js';
import type { StatementResult } from './statement-result.js';

export async function executeInsertValues(ctx: EngineContext, bound: BoundInsertValues): Promise<StatementResult> {
  const { target } = bound;
  const row = bound.values.map((v) => compileExpr(v)([]));
  const rowtime = bound.rowtime === null ? null : compileExpr(bound.rowtime)([]);
  const tsIndex = target.timestampColumn === null ? -1 : target.schema.columns.findIndex((c) => c.name === target.timestampColumn);
  const timestamp = rowtime !== null ? Number(rowtime) : tsIndex >= 0 && row[tsIndex] !== null ? Number(row[tsIndex]) : ctx.clock.now();
  const encoded = ctx.codecs.encoder(target.schema, target.formats).encode(row, false);
  await ctx.topics.append([{ topic: target.topic, timestamp, key: encoded.key, value: encoded.value }]);
  return { kind: 'message', text: `1 row inserted into ${target.name}.` };
}
