// planLogical: a bound query → a logical plan (source [→ changelog] [⋈ joins] → filter [→ flat map | → aggregate → having] → project [→ materialize → sink]).

import type { BoundQuery } from '../../analyze/index.js';
import { sourceRelationSchema, type SourceDefinition } from '../../catalog/index.js';
import type { LogicalNode, LogicalPlan, QueryMode } from './logical-node.js';

export function planLogical(query: BoundQuery, sink: SourceDefinition | null): LogicalPlan {
  const mode: QueryMode = sink !== null ? 'persistent' : query.emit === null ? 'pull' : 'push';
  let node: LogicalNode;
  if (query.source.kind === 'TABLE' && mode === 'pull') {
    // A pull query on a table reads its materialization, not its topic.
    node = { kind: 'LogicalTableScan', source: query.source, schema: query.inputSchema, conditions: [] };
  } else {
    node = query.joins.length > 0 ? planJoins(query) : { kind: 'LogicalSource', source: query.source, schema: query.inputSchema, readColumns: null };
    if (query.source.kind === 'TABLE' && query.joins.length === 0) node = { kind: 'LogicalChangelog', input: node, schema: node.schema };
  }
  if (query.where !== null) node = { kind: 'LogicalFilter', input: node, predicate: query.where, schema: node.schema };
  if (query.flatMap !== null) node = { kind: 'LogicalFlatMap', input: node, calls: query.flatMap.calls, schema: query.flatMap.schema };
  const aggregation = query.aggregation;
  if (aggregation !== null) {
    node = {
      kind: 'LogicalAggregate',
      input: node,
      groupBy: aggregation.groupBy,
      aggregates: aggregation.aggregates,
      window: aggregation.window,
      emit: query.emit === 'FINAL' ? 'FINAL' : 'CHANGES',
      tableInput: aggregation.tableInput,
      schema: aggregation.schema,
    };
    if (query.having !== null) node = { kind: 'LogicalFilter', input: node, predicate: query.having, schema: node.schema };
  }
  node = { kind: 'LogicalProject', input: node, expressions: query.projection.map((p) => p.expr), schema: query.outputSchema };
  if (sink !== null) {
    if (sink.kind === 'TABLE') node = materialize(node, sink);
    node = { kind: 'LogicalSink', input: node, sink, schema: sink.schema };
  }
  return { mode, root: node, limit: query.limit };
}

/** FROM a JOIN b JOIN c …: a left-deep tree of joins; a table side reads its topic as a changelog. */
function planJoins(query: BoundQuery): LogicalNode {
  const read = (source: SourceDefinition, stateName: string | undefined, tracksBefore: boolean): LogicalNode => {
    const schema = sourceRelationSchema(source);
    const node: LogicalNode = { kind: 'LogicalSource', source, schema, readColumns: null };
    if (source.kind === 'STREAM') return node;
    return { kind: 'LogicalChangelog', input: node, schema, ...(stateName === undefined ? {} : { stateName }), ...(tracksBefore ? {} : { tracksBefore }) };
  };
  return query.joins.reduce<LogicalNode>(
    (left, join, i) => ({
      kind: 'LogicalJoin',
      left,
      // A stream-table join looks the table's current row up and never reads the row a change replaces.
      // (Over a windowed table its store holds one row per key, not per window: the changelog's state
      // keeps a tombstone of a window it never saw from deleting the key there, as before.)
      right: read(join.right, `changelog:${join.right.name}`, join.flavor !== 'STREAM_TABLE' || (join.right.window ?? null) !== null),
      flavor: join.flavor,
      joinType: join.joinType,
      leftKeys: join.leftKeys,
      rightKeys: join.rightKeys,
      within: join.within,
      stateName: `join${i + 1}`,
      schema: join.schema,
    }),
    read(query.source, undefined, true),
  );
}

/** The persistent query that keeps a table declared over a topic materialized in SQLite. */
export function planTableMaterialization(table: SourceDefinition): LogicalPlan {
  const schema = sourceRelationSchema(table);
  const source: LogicalNode = { kind: 'LogicalSource', source: table, schema, readColumns: null };
  // The materialization upserts and deletes by key: it never reads the row a change replaces.
  const changelog: LogicalNode = { kind: 'LogicalChangelog', input: source, schema, tracksBefore: false };
  return { mode: 'persistent', root: materialize(changelog, table), limit: null };
}

function materialize(input: LogicalNode, table: SourceDefinition): LogicalNode {
  return {
    kind: 'LogicalMaterialize',
    input,
    tableName: table.name,
    tableSchema: table.schema,
    window: table.window?.kind ?? null,
    schema: input.schema,
  };
}
