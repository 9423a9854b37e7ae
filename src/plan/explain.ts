// explain: the stable text of a query's logical and physical plans — what EXPLAIN prints.

import { formatSchema, type FormatSpec, type Schema } from '../common/index.js';
import { formatBoundExpr } from './format-expr.js';
import type { LogicalNode, LogicalPlan } from './logical/index.js';
import type { PhysicalNode, PhysicalPlan } from './physical/index.js';

export function explainPlans(logical: LogicalPlan, physical: PhysicalPlan): string {
  const lines = [`Query ${physical.queryId} (${physical.mode}${physical.limit === null ? '' : `, LIMIT ${physical.limit}`})`, 'Logical plan:'];
  explainLogical(logical.root, 1, lines);
  lines.push(`Physical plan (format ${physical.formatVersion}):`);
  explainPhysical(physical.root, 1, lines);
  return lines.join('\n');
}

export function explainPhysicalPlan(physical: PhysicalPlan): string {
  const lines = [`Query ${physical.queryId} (${physical.mode})`, `Physical plan (format ${physical.formatVersion}):`];
  explainPhysical(physical.root, 1, lines);
  return lines.join('\n');
}

function explainLogical(node: LogicalNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  switch (node.kind) {
    case 'LogicalSource': {
      const reads = node.readColumns === null ? 'all columns' : node.readColumns.map((i) => node.schema.columns[i]?.name).join(', ') || 'no columns';
      out.push(`${pad}Source ${node.source.name} (topic '${node.source.topic}', reads ${reads})`);
      return;
    }
    case 'LogicalFilter':
      out.push(`${pad}Filter ${formatBoundExpr(node.predicate)}`);
      break;
    case 'LogicalProject':
      out.push(`${pad}Project ${projection(node.schema, node.expressions.map(formatBoundExpr))}`);
      break;
    case 'LogicalSink':
      out.push(`${pad}Sink ${node.sink.name} (topic '${node.sink.topic}')`);
      break;
  }
  explainLogical(node.input, depth + 1, out);
}

function explainPhysical(node: PhysicalNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  switch (node.kind) {
    case 'PhysicalSource': {
      const ts = node.timestampColumn === null ? 'record timestamp' : node.schema.columns[node.timestampColumn]?.name;
      const reads = node.readColumns === null ? 'all' : node.readColumns.map((i) => node.schema.columns[i]?.name).join(', ') || 'none';
      out.push(`${pad}PhysicalSource ${node.sourceName} <- topic '${node.topic}' ${formats(node.formats)} event time: ${ts ?? '?'}; decodes: ${reads}`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      return;
    }
    case 'PhysicalFilter':
      out.push(`${pad}PhysicalFilter ${formatBoundExpr(node.predicate)}`);
      break;
    case 'PhysicalProject':
      out.push(`${pad}PhysicalProject ${projection(node.schema, node.expressions.map(formatBoundExpr))}`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      break;
    case 'PhysicalSink':
      out.push(`${pad}PhysicalSink ${node.sinkName} -> topic '${node.topic}' ${formats(node.formats)}`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      break;
  }
  explainPhysical(node.input, depth + 1, out);
}

function projection(schema: Schema, exprs: readonly string[]): string {
  return exprs.map((e, i) => `${schema.columns[i]?.name ?? `#${i}`} := ${e}`).join(', ');
}

function formats(f: FormatSpec): string {
  return `[key ${f.keyFormat}, value ${f.valueFormat}]`;
}
