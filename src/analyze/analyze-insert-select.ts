// Analysis of INSERT INTO target [WITH (QUERY_ID=…)] SELECT …: the query must produce the target's columns.

import { requireSource } from '../catalog/index.js';
import { EngineError, formatSqlType, type Column } from '../common/index.js';
import type { InsertSelect } from '../sql/index.js';
import type { AnalysisContext } from './analysis-context.js';
import { analyzeQuery } from './analyze-query.js';
import type { BoundInsertSelect } from './bound-command.js';
import type { ProjectionItem } from './bound-statement.js';
import { coerce, isAssignable } from './type-coercion.js';
import { WithProperties } from './with-properties.js';

export function analyzeInsertSelect(stmt: InsertSelect, ctx: AnalysisContext): BoundInsertSelect {
  const target = requireSource(ctx.catalog, stmt.target.name, stmt.target.span);
  if (target.kind !== 'STREAM') {
    throw new EngineError('INVALID_STATEMENT', `INSERT INTO … SELECT writes to streams only; ${target.name} is a table.`, stmt.target.span);
  }
  if (target.readOnly) {
    throw new EngineError('INVALID_STATEMENT', `${target.name} was created with CREATE SOURCE and is read-only.`, stmt.target.span);
  }
  if (target.window !== undefined && target.window !== null) {
    throw new EngineError('INVALID_STATEMENT', `${target.name} has windowed keys (${target.window.kind}): INSERT INTO … SELECT cannot write a window into a key.`, stmt.target.span);
  }
  if (stmt.query.from.name.name === target.name) {
    throw new EngineError('INVALID_STATEMENT', `${target.name} cannot insert into itself.`, stmt.query.from.span);
  }
  const props = new WithProperties(stmt.properties, stmt.span, 'INSERT');
  const queryId = props.string('QUERY_ID')?.toUpperCase() ?? null;
  if (queryId !== null && ctx.catalog.queries.has(queryId)) {
    throw new EngineError('INVALID_PROPERTY', `A query with id ${queryId} already exists.`, props.spanOf('QUERY_ID'));
  }
  const query = analyzeQuery(stmt.query, ctx.catalog, target.name);
  // The result must have exactly the target's columns (by name, assignable types, same key/value role).
  const byName = new Map(query.projection.map((p, i) => [p.name, { item: p, column: query.outputSchema.columns[i] }]));
  const projection: ProjectionItem[] = [];
  const columns: Column[] = [];
  for (const column of target.schema.columns) {
    if (column.namespace === 'header') {
      // Read-only: nothing is written to it (the sink writes key and value columns), and no query column may aim at it.
      if (byName.has(column.name)) {
        throw new EngineError('INVALID_STATEMENT', `${column.name} is a header column of ${target.name}: header columns are read-only, so the query cannot produce it.`, stmt.query.span);
      }
      projection.push({ name: column.name, expr: { kind: 'Literal', type: column.type, value: null } });
      columns.push(column);
      continue;
    }
    const found = byName.get(column.name);
    if (found === undefined || found.column === undefined) {
      throw new EngineError('INVALID_STATEMENT', `The query does not produce ${target.name}'s column ${column.name} (${formatSqlType(column.type)}).`, stmt.query.span);
    }
    if (found.column.namespace !== column.namespace) {
      throw new EngineError('INVALID_STATEMENT', `${column.name} is a ${column.namespace} column of ${target.name}, but a ${found.column.namespace} column of the query.`, stmt.query.span);
    }
    if (!isAssignable(found.item.expr.type, column.type)) {
      throw new EngineError('TYPE_MISMATCH', `${target.name}.${column.name} is ${formatSqlType(column.type)}, but the query gives ${formatSqlType(found.item.expr.type)}.`, stmt.query.span);
    }
    projection.push({ name: column.name, expr: coerce(found.item.expr, column.type) });
    columns.push(column);
    byName.delete(column.name);
  }
  const extra = [...byName.keys()];
  if (extra.length > 0) {
    throw new EngineError('INVALID_STATEMENT', `${target.name} has no column(s) ${extra.join(', ')}: the query must produce exactly its columns.`, stmt.query.span);
  }
  return { kind: 'BoundInsertSelect', target, query: { ...query, projection, outputSchema: { columns } }, queryId };
}
