// executePrint: PRINT topic — the raw records of a topic as text, with the key and value formats guessed from the bytes (Eddy's PRINT stops once caught up).

import type { BoundPrint } from '../analyze/index.js';
import { formatTimestamp } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import { keyFormat, plainFormat, renderHeaders, type KnownWindow } from './print-formats.js';
import type { StatementResult } from './statement-result.js';

export async function executePrint(ctx: EngineContext, bound: BoundPrint): Promise<StatementResult> {
  if (!bound.fromBeginning) {
    return { kind: 'message', text: `No new records on '${bound.topic}'. PRINT without FROM BEGINNING shows only records that arrive while it runs; add FROM BEGINNING to see the topic's contents.` };
  }
  const shown = [];
  let seen = 0;
  for (const r of await ctx.topics.readAll(bound.topic)) {
    if (seen++ % bound.interval !== 0) continue;
    shown.push(r);
    if (bound.limit !== null && shown.length >= bound.limit) break;
  }
  const present = (b: Uint8Array | null): b is Uint8Array => b !== null;
  const keys = keyFormat(shown.map((r) => r.key).filter(present), knownWindow(ctx, bound.topic));
  const values = plainFormat(shown.map((r) => r.value).filter(present));
  const lines = shown.map(
    (r) => `rowtime: ${formatTimestamp(r.timestamp)} Z, key: ${keys.render(r.key)}, value: ${values.render(r.value)}, partition: ${r.partition}${renderHeaders(r.headers)}`,
  );
  const header = `Topic '${bound.topic}': ${lines.length} record${lines.length === 1 ? '' : 's'}`;
  return { kind: 'text', text: [header, `Key format: ${keys.description}`, `Value format: ${values.description}`, ...lines].join('\n') };
}

/** The window of a windowed source over the topic, when the catalog has one (it tells tumbling from hopping, and the size). */
function knownWindow(ctx: EngineContext, topic: string): KnownWindow | null {
  for (const s of ctx.catalog().sources.values()) {
    if (s.topic === topic && s.window !== undefined && s.window !== null) return { kind: s.window.kind, sizeMs: s.window.sizeMs };
  }
  return null;
}
