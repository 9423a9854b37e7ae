// planPhysical: lowers an optimized logical plan to the physical plan exec runs.

import { assertNever } from '../../common/index.js';
import type { LogicalNode, LogicalPlan } from '../logical/index.js';
import { planFormatVersion, type PhysicalNode, type PhysicalPlan } from './physical-node.js';
import { keepStateInTables } from './state-in-table.js';

export function planPhysical(plan: LogicalPlan, queryId: string): PhysicalPlan {
  const root = keepStateInTables(lower(plan.root));
  return { formatVersion: planFormatVersion(root), queryId, mode: plan.mode, root, limit: plan.limit };
}

function lower(node: LogicalNode): PhysicalNode {
  switch (node.kind) {
    case 'LogicalSource': {
      const ts = node.source.timestampColumn;
      const window = node.source.window ?? null;
      return {
        kind: 'PhysicalSource',
        sourceName: node.source.name,
        topic: node.source.topic,
        formats: node.source.formats,
        schema: node.schema,
        readColumns: node.readColumns,
        timestampColumn: ts === null ? null : node.schema.columns.findIndex((c) => c.name === ts),
        ...(window === null ? {} : { window: { kind: window.kind, sizeMs: window.sizeMs } }),
        ...(node.source.timestampFormat === undefined || node.source.timestampFormat === null ? {} : { timestampFormat: node.source.timestampFormat }),
      };
    }
    case 'LogicalTableScan':
      return {
        kind: 'PhysicalTableScan',
        tableName: node.source.name,
        tableSchema: node.source.schema,
        window: node.source.window?.kind ?? null,
        schema: node.schema,
        conditions: node.conditions,
      };
    case 'LogicalChangelog':
      return {
        kind: 'PhysicalChangelog',
        input: lower(node.input),
        schema: node.schema,
        ...(node.stateName === undefined ? {} : { stateName: node.stateName }),
        ...(node.tracksBefore === undefined ? {} : { tracksBefore: node.tracksBefore }),
      };
    case 'LogicalJoin':
      return {
        kind: 'PhysicalJoin',
        left: lower(node.left),
        right: lower(node.right),
        flavor: node.flavor,
        joinType: node.joinType,
        leftKeys: node.leftKeys,
        rightKeys: node.rightKeys,
        within: node.within,
        stateName: node.stateName,
        schema: node.schema,
      };
    case 'LogicalFilter':
      return { kind: 'PhysicalFilter', input: lower(node.input), predicate: node.predicate, schema: node.schema };
    case 'LogicalFlatMap':
      return { kind: 'PhysicalFlatMap', input: lower(node.input), calls: node.calls, schema: node.schema };
    case 'LogicalAggregate': {
      const inputSchema = node.input.schema;
      return {
        kind: 'PhysicalAggregate',
        input: lower(node.input),
        groupBy: node.groupBy,
        aggregates: node.aggregates,
        window: node.window,
        emit: node.emit,
        tableInput: node.tableInput,
        schema: node.schema,
        partitionColumn: inputSchema.columns.findIndex((c) => c.name === 'ROWPARTITION' && c.namespace === 'pseudo'),
        offsetColumn: inputSchema.columns.findIndex((c) => c.name === 'ROWOFFSET' && c.namespace === 'pseudo'),
        topic: sourceTopic(node),
      };
    }
    case 'LogicalProject':
      return { kind: 'PhysicalProject', input: lower(node.input), expressions: node.expressions, schema: node.schema };
    case 'LogicalMaterialize':
      return {
        kind: 'PhysicalMaterialize',
        input: lower(node.input),
        tableName: node.tableName,
        tableSchema: node.tableSchema,
        window: node.window,
        schema: node.schema,
      };
    case 'LogicalSink': {
      const window = node.sink.window ?? null;
      return {
        kind: 'PhysicalSink',
        input: lower(node.input),
        sinkName: node.sink.name,
        topic: node.sink.topic,
        formats: node.sink.formats,
        schema: node.schema,
        ...(window === null ? {} : { window: window.kind }),
      };
    }
    default:
      return assertNever(node, 'logical node');
  }
}

function sourceTopic(node: LogicalNode): string {
  if (node.kind === 'LogicalSource') return node.source.topic;
  if (node.kind === 'LogicalTableScan') return node.source.topic;
  if (node.kind === 'LogicalJoin') return sourceTopic(node.left);
  const input = 'input' in node ? node.input : null;
  return input === null ? '' : sourceTopic(input);
}
