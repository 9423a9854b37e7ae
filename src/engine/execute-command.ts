// executeCommand: runs the bound statements beyond queries and source DDL (types, variables, ALTER, PRINT, …).

import type { BoundCommand } from '../analyze/index.js';
import { assertNever, EngineError, formatSqlType } from '../common/index.js';
import type { ParsedStatement } from '../sql/index.js';
import { executeAlterSource } from './alter-source.js';
import { assertTopic } from './assert-topic.js';
import { executeDescribe } from './describe.js';
import type { EngineContext } from './engine-context.js';
import { executeInsertSelect } from './insert-select.js';
import type { PersistentQueries } from './persistent-queries.js';
import { executePrint } from './print-topic.js';
import { runScriptFile } from './run-script-file.js';
import type { StatementResult } from './statement-result.js';
import { renderTableText } from './table-text.js';

/** What a command may ask of the engine: RUN SCRIPT executes statements through it. */
export interface CommandHost {
  parse(text: string): ParsedStatement[];
  execute(statement: ParsedStatement): Promise<StatementResult>;
}

export async function executeCommand(
  ctx: EngineContext,
  queries: PersistentQueries,
  bound: BoundCommand,
  statement: ParsedStatement,
  host: CommandHost,
): Promise<StatementResult> {
  switch (bound.kind) {
    case 'BoundCreateType':
      if (bound.skip) return { kind: 'message', text: `Type ${bound.name} already exists.` };
      ctx.catalogStore.transaction(() => ctx.catalogStore.putType(bound.name, bound.type));
      return { kind: 'message', text: `Type ${bound.name} created as ${formatSqlType(bound.type)}.` };
    case 'BoundDropType': {
      const name = bound.name;
      if (name === null) return { kind: 'message', text: 'Nothing to drop.' };
      ctx.catalogStore.transaction(() => ctx.catalogStore.deleteType(name));
      return { kind: 'message', text: `Type ${name} dropped.` };
    }
    case 'BoundAlterSource':
      return executeAlterSource(ctx, queries, bound);
    case 'BoundInsertSelect':
      return executeInsertSelect(ctx, queries, bound, statement.text);
    case 'BoundDefineVariable':
      if (bound.value === null) {
        if (!ctx.variables.delete(bound.name)) return { kind: 'message', text: `Variable ${bound.name} was not defined.` };
        return { kind: 'message', text: `Variable ${bound.name} undefined.` };
      }
      ctx.variables.set(bound.name, bound.value);
      return { kind: 'message', text: `Variable ${bound.name} defined as '${bound.value}'.` };
    case 'BoundDescribeSources': {
      if (bound.sources.length === 0) return { kind: 'message', text: 'Nothing to describe.' };
      const parts: string[] = [];
      for (const source of bound.sources) {
        const result = await executeDescribe(ctx, queries, { kind: 'BoundDescribe', source, extended: bound.extended });
        parts.push(result.kind === 'table' ? renderTableText(result.title, result.columns, result.rows) : '');
      }
      return { kind: 'text', text: parts.join('\n\n') };
    }
    case 'BoundDescribeFunction': {
      const fn = bound.fn;
      const approximate = fn.approximate ? ' (approximate)' : '';
      const title = `Name: ${fn.name}\nKind: ${fn.kind}\nCategory: ${fn.category}\nDescription: ${fn.description}${approximate}`;
      return { kind: 'table', title, columns: ['Signature'], rows: fn.signatures.map((s) => [s]) };
    }
    case 'BoundPrint':
      return executePrint(ctx, bound);
    case 'BoundPauseResume': {
      if (bound.queries.length === 0) return { kind: 'message', text: 'No persistent queries.' };
      const state = bound.action === 'PAUSE' ? 'PAUSED' : 'RUNNING';
      for (const q of bound.queries) {
        if (state === 'PAUSED') await queries.stop(q.id);
        ctx.catalogStore.transaction(() => {
          const current = ctx.catalog().queries.get(q.id);
          if (current !== undefined) ctx.catalogStore.putQuery({ ...current, state });
        });
      }
      queries.reconcile();
      return { kind: 'message', text: `${bound.action === 'PAUSE' ? 'Paused' : 'Resumed'} ${bound.queries.map((q) => q.id).join(', ')}.` };
    }
    case 'BoundRunScript':
      return runScriptFile(bound.path, statement, host);
    case 'BoundAssertTopic':
      return assertTopic(ctx, bound, statement.span);
    case 'BoundTestAssertion':
      throw new EngineError(
        'NOT_SUPPORTED',
        `${bound.statement.kind === 'AssertSource' ? `ASSERT ${bound.statement.sourceKind}` : bound.statement.kind === 'AssertValues' ? 'ASSERT VALUES' : 'ASSERT NULL VALUES'} runs only in test files (eddy test).`,
        bound.statement.span,
      );
    default:
      return assertNever(bound, 'command');
  }
}
