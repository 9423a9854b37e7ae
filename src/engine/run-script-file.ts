// runScriptFile: RUN SCRIPT 'file.sql' — executes the file's statements in order and reports each result.

import { readFileSync } from 'node:fs';
import { EngineError, formatValue, type Change } from '../common/index.js';
import type { ParsedStatement } from '../sql/index.js';
import type { CommandHost } from './execute-command.js';
import { printSummary } from './print-topic.js';
import type { StatementResult } from './statement-result.js';
import { renderTableText } from './table-text.js';

export async function runScriptFile(path: string, statement: ParsedStatement, host: CommandHost): Promise<StatementResult> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new EngineError('IO_ERROR', `Cannot read script '${path}': ${(e as Error).message}`, statement.span);
  }
  const out: string[] = [];
  for (const inner of host.parse(text)) {
    if (inner.statement.kind === 'RunScript') {
      throw new EngineError('INVALID_STATEMENT', `RUN SCRIPT cannot be nested ('${path}' runs another script).`, statement.span);
    }
    let result: StatementResult;
    try {
      result = await host.execute(inner);
    } catch (e) {
      if (e instanceof EngineError) throw new EngineError(e.code, `${path}:${(e.span?.start.line ?? inner.span.start.line)}: ${e.message}`, statement.span);
      throw e;
    }
    out.push(`-- ${inner.text.split('\n')[0] ?? ''}`, await describe(result));
  }
  return { kind: 'text', text: out.join('\n') };
}

async function describe(result: StatementResult): Promise<string> {
  switch (result.kind) {
    case 'message':
    case 'text':
      return result.text;
    case 'table':
      return renderTableText(result.title, result.columns, result.rows);
    case 'query': {
      const q = result.query;
      const rows: string[] = [q.columns.map((c) => c.name).join(' | ')];
      await q.run((c: Change) => rows.push(c.row.map((v, i) => formatValue(v, q.columns[i]?.type)).join(' | ')), { untilCaughtUp: true });
      return rows.join('\n');
    }
    case 'print': {
      const lines: string[] = [];
      const outcome = await result.print.run((l) => lines.push(...l), { untilCaughtUp: true });
      return [...lines, printSummary(result.print, outcome)].join('\n');
    }
  }
}
