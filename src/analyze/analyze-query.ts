// Analysis of SELECT: the source, WHERE, the projection and its output schema, EMIT and LIMIT.

import { requireSource, sourceRelationSchema, type Catalog } from '../catalog/index.js';
import { EngineError, formatSqlType, type Column, type Schema } from '../common/index.js';
import type { Select } from '../sql/index.js';
import { analyzeJoins } from './analyze-join.js';
import { bindExpr } from './bind-expr.js';
import { structStarItems } from './struct-star.js';
import type { BoundQuery, ProjectionItem } from './bound-statement.js';
import type { Scope } from './scope.js';

/** `persistentSink` names the C*AS target: its key columns must then be projected, as in ksqlDB. */
export function analyzeQuery(select: Select, catalog: Catalog, persistentSink: string | null): BoundQuery {
  const source = requireSource(catalog, select.from.name.name, select.from.name.span);
  if (select.joins.length > 0) analyzeJoins(select, catalog);
  if (source.kind === 'TABLE') {
    throw new EngineError('NOT_SUPPORTED', `Queries over tables are not supported yet (${source.name} is a table).`, select.from.span);
  }
  const inputSchema = sourceRelationSchema(source);
  const qualifiers = [source.name, ...(select.from.alias === null ? [] : [select.from.alias.name])];
  const scope: Scope = { qualifiers, schema: inputSchema, types: catalog.types };

  let where = null;
  if (select.where !== null) {
    where = bindExpr(select.where, scope);
    if (where.type.kind !== 'BOOLEAN') {
      throw new EngineError('TYPE_MISMATCH', `WHERE needs a BOOLEAN condition, but this is ${formatSqlType(where.type)}.`, select.where.span);
    }
  }

  const projection: ProjectionItem[] = [];
  let generated = 0;
  for (const item of select.items) {
    if (item.kind === 'SelectStar') {
      if (item.qualifier !== null && !qualifiers.includes(item.qualifier.name)) {
        throw new EngineError('UNKNOWN_SOURCE', `${item.qualifier.name} is not a source in this query.`, item.qualifier.span);
      }
      inputSchema.columns.forEach((c, index) => {
        if (c.namespace !== 'pseudo') projection.push({ name: c.name, expr: { kind: 'ColumnRef', type: c.type, index, name: c.name } });
      });
      continue;
    }
    if (item.kind === 'SelectStructStar') {
      projection.push(...structStarItems(item, scope));
      continue;
    }
    const expr = bindExpr(item.expr, scope);
    const name = item.alias?.name ?? (item.expr.kind === 'ColumnRef' ? item.expr.name.name : `KSQL_COL_${generated++}`);
    if (projection.some((p) => p.name === name)) {
      throw new EngineError('INVALID_STATEMENT', `The projection has two columns named ${name}: give one an alias with AS.`, item.span);
    }
    projection.push({ name, expr });
  }

  if (select.emit === 'FINAL') {
    throw new EngineError('INVALID_STATEMENT', 'EMIT FINAL is only for windowed aggregations; use EMIT CHANGES.', select.span);
  }
  if (select.limit !== null && persistentSink !== null) {
    throw new EngineError('INVALID_STATEMENT', 'LIMIT is not allowed in a persistent query (CREATE … AS SELECT).', select.span);
  }
  const output = outputSchema(projection, inputSchema, source.name, persistentSink, select);
  return {
    source,
    inputSchema,
    where,
    projection: output.projection,
    outputSchema: output.schema,
    emit: select.emit,
    limit: select.limit,
  };
}

/**
 * A projected source key column stays a key column (renamed by its alias). A persistent query over a
 * keyed stream must project every key column, so that its sink keeps the same key.
 */
function outputSchema(
  projection: readonly ProjectionItem[],
  input: Schema,
  sourceName: string,
  sink: string | null,
  select: Select,
): { schema: Schema; projection: readonly ProjectionItem[] } {
  const columns: Column[] = projection.map((p) => {
    const isKey = sink !== null && p.expr.kind === 'ColumnRef' && input.columns[p.expr.index]?.namespace === 'key';
    return { name: p.name, type: p.expr.type, namespace: isKey ? 'key' : 'value' };
  });
  if (sink !== null) {
    const projectedKeys = new Set(projection.flatMap((p) => (p.expr.kind === 'ColumnRef' ? [p.expr.index] : [])));
    const missing = input.columns.filter((c, i) => c.namespace === 'key' && !projectedKeys.has(i)).map((c) => c.name);
    if (missing.length > 0) {
      throw new EngineError(
        'INVALID_STATEMENT',
        `The query used to build ${sink} must include the key column(s) ${missing.join(', ')} of ${sourceName} in its projection (for example SELECT ${missing.join(', ')}, …).`,
        select.span,
      );
    }
    if (!columns.some((c) => c.namespace === 'value')) {
      throw new EngineError('INVALID_STATEMENT', `The query used to build ${sink} selects only key columns; select at least one value column.`, select.span);
    }
  }
  // Key columns lead the row, as in every schema; the projection is reordered to match.
  const order = [...columns.keys()].sort((a, b) => rank(columns[a]) - rank(columns[b]));
  return {
    schema: { columns: order.map((i) => columns[i] as Column) },
    projection: order.map((i) => projection[i] as ProjectionItem),
  };
}

function rank(column: Column | undefined): number {
  return column?.namespace === 'key' ? 0 : 1;
}
