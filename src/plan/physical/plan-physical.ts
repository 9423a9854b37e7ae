// planPhysical: lowers an optimized logical plan to the physical plan exec runs.

import type { LogicalNode, LogicalPlan } from '../logical/index.js';
import { PHYSICAL_PLAN_FORMAT_VERSION, type PhysicalNode, type PhysicalPlan } from './physical-node.js';

export function planPhysical(plan: LogicalPlan, queryId: string): PhysicalPlan {
  return { formatVersion: PHYSICAL_PLAN_FORMAT_VERSION, queryId, mode: plan.mode, root: lower(plan.root), limit: plan.limit };
}

function lower(node: LogicalNode): PhysicalNode {
  switch (node.kind) {
    case 'LogicalSource': {
      const ts = node.source.timestampColumn;
      return {
        kind: 'PhysicalSource',
        sourceName: node.source.name,
        topic: node.source.topic,
        formats: node.source.formats,
        schema: node.schema,
        readColumns: node.readColumns,
        timestampColumn: ts === null ? null : node.schema.columns.findIndex((c) => c.name === ts),
      };
    }
    case 'LogicalFilter':
      return { kind: 'PhysicalFilter', input: lower(node.input), predicate: node.predicate, schema: node.schema };
    case 'LogicalProject':
      return { kind: 'PhysicalProject', input: lower(node.input), expressions: node.expressions, schema: node.schema };
    case 'LogicalSink':
      return {
        kind: 'PhysicalSink',
        input: lower(node.input),
        sinkName: node.sink.name,
        topic: node.sink.topic,
        formats: node.sink.formats,
        schema: node.schema,
      };
  }
}
