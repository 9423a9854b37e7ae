// analyze: the entry function — AST statement + catalog → BoundStatement, or a located EngineError.

import { requireSource } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import type { ParsedStatement, Statement } from '../sql/index.js';
import type { AnalysisContext } from './analysis-context.js';
import { analyzeAssertSource, analyzeAssertValues } from './analyze-assert.js';
import { analyzeCommand, unknownQuery } from './analyze-command.js';
import { analyzeCreateAsSelect } from './analyze-create-as-select.js';
import { analyzeCreateSource } from './analyze-create-source.js';
import { analyzeInsertValues } from './analyze-insert.js';
import { analyzeQuery } from './analyze-query.js';
import type { BoundStatement } from './bound-statement.js';

export function analyze(parsed: ParsedStatement, ctx: AnalysisContext): BoundStatement {
  return analyzeStatement(parsed.statement, parsed.text, ctx);
}

function analyzeStatement(stmt: Statement, text: string, ctx: AnalysisContext): BoundStatement {
  switch (stmt.kind) {
    case 'CreateSource':
      return analyzeCreateSource(stmt, text, ctx);
    case 'CreateAsSelect':
      return analyzeCreateAsSelect(stmt, text, ctx);
    case 'InsertValues':
      return analyzeInsertValues(stmt, ctx.catalog);
    case 'QueryStatement':
      return { kind: 'BoundQueryStatement', query: analyzeQuery(stmt.query, ctx.catalog, null) };
    case 'Show':
      return { kind: 'BoundShow', what: stmt.what, extended: stmt.extended };
    case 'Describe':
      return { kind: 'BoundDescribe', source: requireSource(ctx.catalog, stmt.name.name, stmt.name.span), extended: stmt.extended };
    case 'DropSource': {
      const source = ctx.catalog.sources.get(stmt.name.name);
      if (source === undefined) {
        if (stmt.ifExists) return { kind: 'BoundDropSource', source: null, deleteTopic: stmt.deleteTopic };
        requireSource(ctx.catalog, stmt.name.name, stmt.name.span);
        throw new EngineError('UNKNOWN_SOURCE', `${stmt.name.name} does not exist.`, stmt.name.span);
      }
      if (source.kind !== stmt.sourceKind) {
        throw new EngineError('INVALID_STATEMENT', `${source.name} is a ${source.kind.toLowerCase()}: use DROP ${source.kind}.`, stmt.name.span);
      }
      return { kind: 'BoundDropSource', source, deleteTopic: stmt.deleteTopic };
    }
    case 'Terminate': {
      if (stmt.queryId === null) return { kind: 'BoundTerminate', queries: [...ctx.catalog.queries.values()] };
      const id = stmt.queryId.name.toUpperCase();
      const query = ctx.catalog.queries.get(id);
      if (query === undefined) throw unknownQuery(ctx.catalog, id, stmt.queryId.span);
      return { kind: 'BoundTerminate', queries: [query] };
    }
    case 'Explain': {
      const target = stmt.target;
      if (target.kind === 'ExplainQueryId') {
        const id = target.queryId.name.toUpperCase();
        const query = ctx.catalog.queries.get(id);
        if (query === undefined) throw unknownQuery(ctx.catalog, id, target.queryId.span);
        return { kind: 'BoundExplain', target: { kind: 'BoundExplainQuery', query } };
      }
      const inner = analyzeStatement(target.statement, text, ctx);
      if (inner.kind !== 'BoundQueryStatement' && inner.kind !== 'BoundCreateAsSelect' && inner.kind !== 'BoundInsertSelect') {
        throw new EngineError('INVALID_STATEMENT', 'EXPLAIN takes a SELECT, a CREATE … AS SELECT, or a query id.', stmt.span);
      }
      return { kind: 'BoundExplain', target: inner };
    }
    case 'SetProperty':
      return { kind: 'BoundSetProperty', name: stmt.name, value: stmt.value };
    case 'UnsetProperty':
      return { kind: 'BoundSetProperty', name: stmt.name, value: null };
    case 'AssertValues':
    case 'AssertNullValues':
      return analyzeAssertValues(stmt, ctx.catalog);
    case 'AssertSource':
      return analyzeAssertSource(stmt, ctx);
    default:
      return analyzeCommand(stmt, ctx);
  }
}
