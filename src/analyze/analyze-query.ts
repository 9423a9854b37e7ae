// Analysis of SELECT: the source, WHERE, GROUP BY / WINDOW / HAVING, PARTITION BY, the projection, EMIT and LIMIT.

import { requireSource, sourceRelationSchema, WINDOW_BOUND_COLUMNS, type Catalog, type SourceDefinition } from '../catalog/index.js';
import { EngineError, formatSqlType, type Column, type Schema } from '../common/index.js';
import { formatExpr, type Select } from '../sql/index.js';
import { analyzeAggregation, containsAggregate, type AggregationAnalysis } from './analyze-aggregation.js';
import { analyzeTableFunctions } from './analyze-table-functions.js';
import { analyzeWindow } from './analyze-window.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import { analyzeJoins } from './analyze-join.js';
import { joinedStar, joinResultKey } from './join-projection.js';
import { structStarItems } from './struct-star.js';
import type { BoundQuery, ProjectionItem } from './bound-statement.js';
import type { Scope } from './scope.js';

/** `persistentSink` names the C*AS target: its key columns must then be projected, as in ksqlDB. */
export function analyzeQuery(select: Select, catalog: Catalog, persistentSink: string | null): BoundQuery {
  const source = requireSource(catalog, select.from.name.name, select.from.name.span);
  const joined = select.joins.length > 0 ? analyzeJoins(select, catalog) : null;
  const inputSchema = joined?.scope.schema ?? sourceRelationSchema(source);
  const qualifiers = joined?.scope.qualifiers ?? [source.name, ...(select.from.alias === null ? [] : [select.from.alias.name])];
  const scope: Scope = joined?.scope ?? { qualifiers, schema: inputSchema, types: catalog.types };
  const inputKind = joined?.resultKind ?? source.kind;
  checkClauses(select, source, persistentSink);

  let where = null;
  if (select.where !== null) {
    if (containsAggregate(select.where)) {
      throw new EngineError('INVALID_STATEMENT', 'WHERE cannot contain aggregate functions; use HAVING.', select.where.span);
    }
    where = bindExpr(select.where, scope);
    if (where.type.kind !== 'BOOLEAN') {
      throw new EngineError('TYPE_MISMATCH', `WHERE needs a BOOLEAN condition, but this is ${formatSqlType(where.type)}.`, select.where.span);
    }
  }

  const aggregated = select.groupBy.length > 0 || select.items.some((i) => i.kind === 'SelectExpr' && containsAggregate(i.expr));
  // Before the aggregation binds the items: a table function with GROUP BY gets its own message.
  const flatMap = analyzeTableFunctions(select, scope, inputKind, aggregated, select.emit === null && persistentSink === null);
  let analysis: AggregationAnalysis | null = null;
  if (aggregated) {
    if (select.groupBy.length === 0) {
      throw new EngineError('INVALID_STATEMENT', 'Aggregate functions need a GROUP BY clause (for example GROUP BY a key column).', select.span);
    }
    const window = select.window === null ? null : analyzeWindow(select.window);
    analysis = analyzeAggregation(select, scope, window, inputKind === 'TABLE');
  }
  const partitionBy = select.partitionBy.length === 0 ? null : select.partitionBy.flatMap((e) => (e.kind === 'NullLiteral' ? [] : [bindExpr(e, scope)]));

  const projection: ProjectionItem[] = [];
  let generated = 0;
  select.items.forEach((item, i) => {
    if (item.kind === 'SelectStar') {
      if (item.qualifier !== null && !qualifiers.includes(item.qualifier.name)) {
        throw new EngineError('UNKNOWN_SOURCE', `${item.qualifier.name} is not a source in this query.`, item.qualifier.span);
      }
      if (joined !== null) {
        projection.push(...joinedStar(joined, item.qualifier?.name ?? null));
        return;
      }
      inputSchema.columns.forEach((c, index) => {
        // A windowed source's bounds show in `*` of a transient query; a sink keeps them in its key.
        const windowBound = persistentSink === null && (WINDOW_BOUND_COLUMNS as readonly string[]).includes(c.name);
        if (c.namespace !== 'pseudo' || windowBound) projection.push({ name: c.name, expr: { kind: 'ColumnRef', type: c.type, index, name: c.name } });
      });
      return;
    }
    if (item.kind === 'SelectStructStar') {
      projection.push(...structStarItems(item, scope));
      return;
    }
    // A table function's item reads the column the flat map adds for it.
    const call = flatMap?.callOfItem[i];
    const column = call === undefined ? undefined : flatMap?.schema.columns[inputSchema.columns.length + call];
    const expr: BoundExpr =
      call !== undefined && column !== undefined
        ? { kind: 'ColumnRef', type: column.type, index: inputSchema.columns.length + call, name: column.name }
        : (analysis?.items[i] ?? bindExpr(item.expr, scope));
    const name = item.alias?.name ?? (item.expr.kind === 'ColumnRef' ? item.expr.name.name : `KSQL_COL_${generated++}`);
    if (projection.some((p) => p.name === name)) {
      throw new EngineError('INVALID_STATEMENT', `The projection has two columns named ${name}: give one an alias with AS.`, item.span);
    }
    projection.push({ name, expr });
  });

  const resultKind = inputKind === 'TABLE' || analysis !== null ? 'TABLE' : 'STREAM';
  const projected = analysis?.aggregation.schema ?? inputSchema;
  const joinKey = joined !== null && analysis === null && partitionBy === null ? joinResultKey(joined) : null;
  const keyOf = joinKey?.keyOf ?? keyRole(projected, partitionBy);
  const output = outputSchema(projection, projected, (e) => { const k = keyOf(e); return k === null || k < 0 ? null : k; }, source.name, persistentSink, select, joinKey?.expected ?? null);
  const outputProjection =
    joinKey === null || persistentSink === null
      ? output.projection
      : output.projection.map((p, i) => {
          const k = output.schema.columns[i]?.namespace === 'key' ? keyOf(p.expr) : null;
          return k === null || k < 0 ? p : { ...p, expr: joinKey.keyExpr(k, p.expr.type) ?? p.expr };
        });
  return {
    source,
    joins: joined?.joins ?? [],
    inputSchema,
    where,
    flatMap: flatMap === null ? null : { calls: flatMap.calls, schema: flatMap.schema },
    aggregation: analysis?.aggregation ?? null,
    having: analysis?.having ?? null,
    partitionBy,
    resultKind,
    projection: outputProjection,
    outputSchema: output.schema,
    emit: select.emit,
    limit: select.limit,
  };
}

/** Clause combinations ksqlDB refuses (and Eddy too, with a reason). */
function checkClauses(select: Select, source: SourceDefinition, sink: string | null): void {
  const pull = select.emit === null && sink === null;
  const join = select.joins[0];
  if (pull && join !== undefined) {
    throw new EngineError('INVALID_STATEMENT', 'Pull queries (no EMIT) cannot join: add EMIT CHANGES, or create the join with CREATE … AS SELECT and query its result.', join.span);
  }
  if (select.window !== null && select.groupBy.length === 0) {
    throw new EngineError('INVALID_STATEMENT', 'WINDOW needs a GROUP BY: windows group the rows of each key.', select.window.span);
  }
  if (select.window !== null && source.kind === 'TABLE') {
    throw new EngineError('INVALID_STATEMENT', `WINDOW can only be used on a stream; ${source.name} is a table.`, select.window.span);
  }
  if (select.having !== null && select.groupBy.length === 0) {
    throw new EngineError('INVALID_STATEMENT', 'HAVING needs a GROUP BY.', select.having.span);
  }
  const first = select.partitionBy[0];
  if (first !== undefined) {
    if (source.kind === 'TABLE') throw new EngineError('INVALID_STATEMENT', `PARTITION BY can only be used on a stream; ${source.name} is a table.`, first.span);
    if (select.groupBy.length > 0) throw new EngineError('INVALID_STATEMENT', 'PARTITION BY cannot be combined with GROUP BY (GROUP BY already re-keys).', first.span);
  }
  if (pull && (select.groupBy.length > 0 || first !== undefined)) {
    throw new EngineError(
      'INVALID_STATEMENT',
      'Pull queries (no EMIT) cannot use GROUP BY or PARTITION BY: add EMIT CHANGES, or create a table with CREATE TABLE … AS SELECT and query it.',
      select.span,
    );
  }
  if (select.emit === 'FINAL' && select.window === null) {
    throw new EngineError('INVALID_STATEMENT', 'EMIT FINAL is only for windowed aggregations; use EMIT CHANGES.', select.span);
  }
  if (select.limit !== null && sink !== null) {
    throw new EngineError('INVALID_STATEMENT', 'LIMIT is not allowed in a persistent query (CREATE … AS SELECT).', select.span);
  }
}

/**
 * Which projected expressions are key columns: grouping keys after GROUP BY, the PARTITION BY
 * expressions when re-keying, else the source's key columns (projected as plain references).
 */
function keyRole(projected: Schema, partitionBy: readonly BoundExpr[] | null): (e: BoundExpr) => number | null {
  if (partitionBy !== null) {
    const json = partitionBy.map((p) => JSON.stringify(p));
    return (e) => {
      const i = json.indexOf(JSON.stringify(e));
      return i < 0 ? null : i;
    };
  }
  return (e) => (e.kind === 'ColumnRef' && projected.columns[e.index]?.namespace === 'key' ? e.index : null);
}

/**
 * A persistent query must project every key (source keys, grouping keys or PARTITION BY
 * expressions), so that its sink keeps the same key. Key columns lead the row.
 */
function outputSchema(
  projection: readonly ProjectionItem[],
  projected: Schema,
  keyOf: (e: BoundExpr) => number | null,
  sourceName: string,
  sink: string | null,
  select: Select,
  joinKeys: readonly { index: number; name: string }[] | null,
): { schema: Schema; projection: readonly ProjectionItem[] } {
  // Transient queries keep the projection's order; only a sink needs to know its key.
  const keys = projection.map((p) => (sink === null ? null : keyOf(p.expr)));
  const columns: Column[] = projection.map((p, i) => ({ name: p.name, type: p.expr.type, namespace: keys[i] === null ? 'value' : 'key' }));
  if (sink !== null) {
    const expected =
      joinKeys ?? (select.partitionBy.length > 0
        ? select.partitionBy.filter((e) => e.kind !== 'NullLiteral').map((e, i) => ({ index: i, name: formatExpr(e) }))
        : projected.columns.flatMap((c, index) => {
            if (c.namespace !== 'key') return [];
            const grouping = select.groupBy[index];
            return [{ index, name: grouping !== undefined && c.name.startsWith('KSQL_GROUP_KEY_') ? formatExpr(grouping) : c.name }];
          }));
    const missing = expected.filter((k) => !keys.includes(k.index)).map((k) => k.name);
    if (missing.length > 0) {
      const what = select.groupBy.length > 0 ? 'GROUP BY expression(s)' : select.partitionBy.length > 0 ? 'PARTITION BY expression(s)' : `key column(s)`;
      throw new EngineError(
        'INVALID_STATEMENT',
        select.groupBy.length > 0 || select.partitionBy.length > 0
          ? `The query used to build ${sink} must include the ${what} ${missing.join(', ')} in its projection.`
          : joinKeys !== null
            ? `The query used to build ${sink} must include ${missing.join(', ')}, the key of the join's result, in its projection (for example SELECT ${missing.join(', ')}, …).`
            : `The query used to build ${sink} must include the ${what} ${missing.join(', ')} of ${sourceName} in its projection (for example SELECT ${missing.join(', ')}, …).`,
        select.span,
      );
    }
    const seen = new Set<number>();
    keys.forEach((k, i) => {
      if (k === null) return;
      if (seen.has(k)) columns[i] = { ...(columns[i] as Column), namespace: 'value' };
      seen.add(k);
    });
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
