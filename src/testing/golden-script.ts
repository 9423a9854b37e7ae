// runGoldenScript: runs a .sql file deterministically and renders everything it did as golden text.

import { EngineError, formatValue, manualClock, type SourceSpan } from '../common/index.js';
import { Engine, PRINT_LATEST_HINT, printSummary, type StatementResult } from '../engine/index.js';

/** Event times in golden files start here and advance one second per statement. */
export const GOLDEN_EPOCH = 1_700_000_000_000;

/**
 * Echoes each statement, then its result: messages after `>`, query rows as `|`-separated lines,
 * errors with code, `line:col` and a caret. The engine drains after every statement, and push
 * queries stop once caught up, so the text is the same on every run. Finally every persistent
 * query's sink is listed record by record (`+` for a value, `-` for a tombstone).
 */
export async function runGoldenScript(text: string, file: string): Promise<string> {
  const clock = manualClock(GOLDEN_EPOCH);
  const warnings: string[] = [];
  const engine = Engine.open({
    dataDir: ':memory:',
    clock,
    logger: { info: () => undefined, warn: (m) => warnings.push(m) },
  });
  const out: string[] = [];
  try {
    for (const chunk of splitStatements(text)) {
      out.push(chunk.text.trim());
      let statements;
      try {
        statements = engine.parse(chunk.padded);
      } catch (e) {
        out.push(renderError(e, text, file), '');
        continue;
      }
      for (const statement of statements) {
        try {
          out.push(...(await renderResult(await engine.execute(statement))));
          await engine.drain();
        } catch (e) {
          out.push(renderError(e, text, file, statement.span));
        }
        clock.advance(1000);
      }
      out.push(...warnings.splice(0).map((w) => `> warning: ${w}`));
      out.push('');
    }
    await engine.drain();
    out.push(...(await renderSinks(engine)));
  } finally {
    await engine.close();
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function renderResult(result: StatementResult): Promise<string[]> {
  switch (result.kind) {
    case 'message':
      return [`> ${result.text}`];
    case 'text':
      return result.text.split('\n').map((l) => `> ${l}`);
    case 'table': {
      const lines = result.title === null ? [] : result.title.split('\n').map((l) => `> ${l}`);
      lines.push(`> ${result.columns.join(' | ')}`);
      for (const row of result.rows) lines.push(`> ${row.join(' | ')}`);
      return lines;
    }
    case 'query': {
      const q = result.query;
      const lines = [`> ${q.mode} query ${q.id}: ${q.columns.map((c) => c.name).join(' | ')}`];
      await q.run((change) => lines.push(`${change.op === 'delete' ? '-' : '+'} ${change.row.map((v, i) => formatValue(v, q.columns[i]?.type)).join(' | ')}`), { untilCaughtUp: true });
      lines.push(`> ${lines.length - 1} row${lines.length === 2 ? '' : 's'}`);
      return lines;
    }
    case 'print': {
      const lines: string[] = [];
      const outcome = await result.print.run((l) => lines.push(...l.map((line) => `> ${line}`)), { untilCaughtUp: true });
      lines.push(`> ${printSummary(result.print, outcome)}`);
      if (outcome.shown === 0 && !result.print.fromBeginning) lines.push(`> ${PRINT_LATEST_HINT}`);
      return lines;
    }
  }
}

function renderError(e: unknown, text: string, file: string, fallback?: SourceSpan): string {
  if (e instanceof EngineError) {
    const located = e.span === undefined && fallback !== undefined ? new EngineError(e.code, e.message, fallback) : e;
    return located
      .render(text, file)
      .split('\n')
      .map((l, i) => (i === 0 ? `> ERROR ${e.code} ${l}` : `> ${l}`))
      .join('\n');
  }
  return `> INTERNAL ERROR ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

async function renderSinks(engine: Engine): Promise<string[]> {
  const out: string[] = [];
  const catalog = engine.catalog();
  for (const query of catalog.queries.values()) {
    const sink = catalog.sources.get(query.sink);
    // A CT query materializes a table declared over a topic: it writes no topic of its own.
    if (sink === undefined || query.kind === 'CT') continue;
    out.push(`-- sink ${sink.name} (topic '${sink.topic}', written by ${query.id})`);
    for (const r of await engine.topicRecords(sink.topic)) {
      const value = r.value === null ? null : Buffer.from(r.value).toString('utf8');
      const key = sink.window === undefined || sink.window === null ? renderBytes(r.key) : renderWindowedKey(r.key, sink.window.kind === 'SESSION', sink.window.sizeMs ?? 0);
      out.push(`${value === null ? '-' : '+'} p${r.partition}@${r.offset} t=${renderTime(r.timestamp)} key=${key} value=${value ?? 'null'}`);
    }
  }
  for (const source of catalog.sources.values()) {
    if (source.kind !== 'TABLE') continue;
    const table = engine.materializedTable(source.name);
    if (table === null) continue;
    out.push(`-- SQLite table "${source.name}": ${table.columns.join(' | ')}`);
    for (const row of table.rows) out.push(`| ${row.map(renderSqlite).join(' | ')}`);
  }
  return out;
}

/** Times from the golden clock count from GOLDEN_EPOCH; explicit event times (ROWTIME, columns) are shown as they are. */
function renderTime(t: number): string {
  return String(t >= GOLDEN_EPOCH && t - GOLDEN_EPOCH < 1e9 ? t - GOLDEN_EPOCH : t);
}

/** `inner@[start,end)` for time windows, `inner@[start,end]` for sessions (Kafka Streams' windowed key layout). */
function renderWindowedKey(bytes: Uint8Array | null, session: boolean, sizeMs: number): string {
  if (bytes === null) return 'null';
  const buf = Buffer.from(bytes);
  const suffix = session ? 16 : 8;
  if (buf.length < suffix) return renderBytes(bytes);
  const at = buf.length - suffix;
  const inner = renderBytes(buf.subarray(0, at));
  if (session) return `${inner}@[${buf.readBigInt64BE(at + 8)},${buf.readBigInt64BE(at)}]`;
  const start = buf.readBigInt64BE(at);
  return `${inner}@[${start},${start + BigInt(sizeMs)})`;
}

function renderSqlite(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v}'`;
  if (v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  return (v as number | bigint).toString();
}

function renderBytes(bytes: Uint8Array | null): string {
  if (bytes === null) return 'null';
  const text = Buffer.from(bytes).toString('utf8');
  return /^[\x20-\x7e]*$/.test(text) ? text : `0x${Buffer.from(bytes).toString('hex')}`;
}

interface Chunk {
  readonly text: string;
  /** The chunk preceded by blank lines and spaces, so parse positions match the whole file. */
  readonly padded: string;
}

/**
 * Splits a script after each line that ends with `;`, so that one statement's syntax error does not
 * hide the statements after it. Comment-only chunks are dropped.
 */
export function splitStatements(text: string): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/--.*$/, '').trimEnd();
    if (!line.endsWith(';') && i !== lines.length - 1) continue;
    const body = lines.slice(start, i + 1).join('\n');
    const meaningful = body
      .split('\n')
      .map((l) => l.replace(/--.*$/, '').trim())
      .join('');
    if (meaningful !== '') chunks.push({ text: stripLeadingComments(body), padded: '\n'.repeat(start) + body });
    start = i + 1;
  }
  return chunks;
}

function stripLeadingComments(body: string): string {
  const lines = body.split('\n');
  while (lines.length > 0 && /^\s*(--.*)?$/.test(lines[0] ?? '')) lines.shift();
  return lines.join('\n');
}
