// executeInsertValues: INSERT INTO … VALUES — evaluates the values, encodes them, appends one record.

import type { BoundInsertValues } from '../analyze/index.js';
import { compileExpr, eventTimeParser } from '../exec/index.js';
import type { EngineContext } from './engine-context.js';
import type { StatementResult } from './statement-result.js';

export async function executeInsertValues(ctx: EngineContext, bound: BoundInsertValues): Promise<StatementResult> {
  const { target } = bound;
  const row = bound.values.map((v) => compileExpr(v)([]));
  const rowtime = bound.rowtime === null ? null : compileExpr(bound.rowtime)([]);
  const tsIndex = target.timestampColumn === null ? -1 : target.schema.columns.findIndex((c) => c.name === target.timestampColumn);
  const eventTime = tsIndex >= 0 ? row[tsIndex] : null;
  const parse = target.timestampFormat === undefined || target.timestampFormat === null ? null : eventTimeParser(target.timestampFormat);
  let timestamp = rowtime !== null ? Number(rowtime) : eventTime === null || eventTime === undefined ? ctx.clock.now() : Number(eventTime);
  if (rowtime === null && parse !== null && typeof eventTime === 'string') {
    try {
      timestamp = parse(eventTime);
    } catch {
      // The record still goes in; the query that reads it skips it and logs why.
      timestamp = ctx.clock.now();
    }
  }
  const encoded = ctx.codecs.encoder(target.schema, target.formats).encode(row, false);
  await ctx.topics.append([{ topic: target.topic, timestamp, key: encoded.key, value: encoded.value }]);
  return { kind: 'message', text: `1 row inserted into ${target.name}.` };
}
