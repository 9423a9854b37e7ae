// planLogical: a bound query → a logical plan (source → filter → project [→ sink]).

import type { BoundQuery } from '../../analyze/index.js';
import type { SourceDefinition } from '../../catalog/index.js';
import type { LogicalNode, LogicalPlan, QueryMode } from './logical-node.js';

export function planLogical(query: BoundQuery, sink: SourceDefinition | null): LogicalPlan {
  let node: LogicalNode = { kind: 'LogicalSource', source: query.source, schema: query.inputSchema, readColumns: null };
  if (query.where !== null) node = { kind: 'LogicalFilter', input: node, predicate: query.where, schema: node.schema };
  node = { kind: 'LogicalProject', input: node, expressions: query.projection.map((p) => p.expr), schema: query.outputSchema };
  if (sink !== null) node = { kind: 'LogicalSink', input: node, sink, schema: sink.schema };
  const mode: QueryMode = sink !== null ? 'persistent' : query.emit === null ? 'pull' : 'push';
  return { mode, root: node, limit: query.limit };
}
