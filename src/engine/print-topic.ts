// executePrint: PRINT topic — the raw records of a topic as text lines as they arrive, with the key and value formats guessed from the bytes.

import { randomUUID } from 'node:crypto';
import type { BoundPrint } from '../analyze/index.js';
import { formatTimestamp } from '../common/index.js';
import type { SourceRecord } from '../exec/index.js';
import type { EngineContext } from './engine-context.js';
import { keyFormat, plainFormat, renderHeaders, type KnownWindow, type SideFormat } from './print-formats.js';
import type { PrintEnd, StatementResult, TopicPrint } from './statement-result.js';
import { IDLE_WAIT_MS } from './transient-query.js';

/** Said when a PRINT without FROM BEGINNING has shown nothing (it reads only records that arrive while it runs). */
export const PRINT_LATEST_HINT = "PRINT without FROM BEGINNING shows only records that arrive while it runs; add FROM BEGINNING to see the topic's contents.";

export function executePrint(ctx: EngineContext, bound: BoundPrint): StatementResult {
  return { kind: 'print', print: topicPrint(ctx, bound) };
}

function topicPrint(ctx: EngineContext, bound: BoundPrint): TopicPrint {
  const maxRecords = Number(ctx.properties.get('max.poll.records'));
  return {
    topic: bound.topic,
    fromBeginning: bound.fromBeginning,
    limit: bound.limit,
    async run(onLines, options = {}) {
      const { signal, untilCaughtUp = false } = options;
      const io = await ctx.topics.openQuery({ queryId: `print-${randomUUID()}`, topics: [bound.topic], reset: bound.fromBeginning ? 'earliest' : 'latest', guarantee: null });
      const reader = io.readers[0];
      const since = Date.now();
      let seen = 0;
      let shown = 0;
      // Guessed from the first records shown, then kept: a record that fits neither is shown in hex.
      let formats: { keys: SideFormat; values: SideFormat } | null = null;
      const finish = (end: PrintEnd) => ({ shown, end });
      try {
        for (;;) {
          if (signal?.aborted === true) return finish('cancelled');
          if (reader === undefined || (untilCaughtUp && reader.caughtUp(since))) return finish('caught-up');
          const picked: SourceRecord[] = [];
          for (const r of await reader.poll(maxRecords, IDLE_WAIT_MS, signal)) {
            if (seen++ % bound.interval !== 0) continue;
            picked.push(r);
            if (bound.limit !== null && shown + picked.length >= bound.limit) break;
          }
          if (picked.length === 0) continue;
          const lines: string[] = [];
          if (formats === null) {
            formats = guessFormats(ctx, bound.topic, picked);
            lines.push(`Key format: ${formats.keys.description}`, `Value format: ${formats.values.description}`);
          }
          for (const r of picked) lines.push(recordLine(r, formats));
          shown += picked.length;
          onLines(lines);
          if (bound.limit !== null && shown >= bound.limit) return finish('limit');
        }
      } finally {
        await io.close();
      }
    },
  };
}

function guessFormats(ctx: EngineContext, topic: string, records: readonly SourceRecord[]): { keys: SideFormat; values: SideFormat } {
  const present = (b: Uint8Array | null): b is Uint8Array => b !== null;
  return { keys: keyFormat(records.map((r) => r.key).filter(present), knownWindow(ctx, topic)), values: plainFormat(records.map((r) => r.value).filter(present)) };
}

function recordLine(r: SourceRecord, formats: { keys: SideFormat; values: SideFormat }): string {
  return `rowtime: ${formatTimestamp(r.timestamp)} Z, key: ${formats.keys.render(r.key)}, value: ${formats.values.render(r.value)}, partition: ${r.partition}${renderHeaders(r.headers)}`;
}

/** The window of a windowed source over the topic, when the catalog has one (it tells tumbling from hopping, and the size). */
function knownWindow(ctx: EngineContext, topic: string): KnownWindow | null {
  for (const s of ctx.catalog().sources.values()) {
    if (s.topic === topic && s.window !== undefined && s.window !== null) return { kind: s.window.kind, sizeMs: s.window.sizeMs };
  }
  return null;
}

/** The line after a PRINT: how many records it showed and why it ended. */
export function printSummary(print: TopicPrint, outcome: { shown: number; end: PrintEnd }): string {
  const records = `${outcome.shown} record${outcome.shown === 1 ? '' : 's'}`;
  switch (outcome.end) {
    case 'limit':
      return `Limit of ${print.limit ?? outcome.shown} reached (${records})`;
    case 'cancelled':
      return `Print cancelled (${records})`;
    case 'caught-up':
      return `End of data (${records})`;
  }
}
