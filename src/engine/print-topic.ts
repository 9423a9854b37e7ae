// executePrint: PRINT topic — the raw records of a topic as text (Eddy's PRINT stops once caught up).

import type { BoundPrint } from '../analyze/index.js';
import { formatTimestamp } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { StatementResult } from './statement-result.js';

export async function executePrint(ctx: EngineContext, bound: BoundPrint): Promise<StatementResult> {
  if (!bound.fromBeginning) {
    return { kind: 'message', text: `No new records on '${bound.topic}'. PRINT without FROM BEGINNING shows only records that arrive while it runs; add FROM BEGINNING to see the topic's contents.` };
  }
  const lines: string[] = [];
  let seen = 0;
  for (const r of await ctx.topics.readAll(bound.topic)) {
    if (seen++ % bound.interval !== 0) continue;
    lines.push(`rowtime: ${formatTimestamp(r.timestamp)} Z, key: ${renderBytes(r.key)}, value: ${renderBytes(r.value)}, partition: ${r.partition}`);
    if (bound.limit !== null && lines.length >= bound.limit) break;
  }
  const header = `Topic '${bound.topic}': ${lines.length} record${lines.length === 1 ? '' : 's'}`;
  return { kind: 'text', text: [header, ...lines].join('\n') };
}

/** UTF-8 text when printable, else `0x` and hex (binary KAFKA keys, for example); `<null>` for none. */
function renderBytes(bytes: Uint8Array | null): string {
  if (bytes === null) return '<null>';
  const text = Buffer.from(bytes).toString('utf8');
  return /^[\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd') ? text : `0x${Buffer.from(bytes).toString('hex')}`;
}
