// explain: the stable text of a query's logical and physical plans — what EXPLAIN prints.

import { assertNever, formatDuration, formatSchema, type FormatSpec, type Schema, type WindowSpec } from '../common/index.js';
import type { BoundAggregateCall, BoundTableFunctionCall } from '../analyze/index.js';
import { formatBoundExpr } from './format-expr.js';
import { joinDetails, joinHeadline } from './explain-join.js';
import type { LogicalNode, LogicalPlan, ScanCondition } from './logical/index.js';
import { groupsByText, type PhysicalNode, type PhysicalPlan } from './physical/index.js';

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
    case 'LogicalTableScan':
      out.push(`${pad}TableScan ${node.source.name} (SQLite table "${node.source.name}", ${access(node.conditions)})`);
      return;
    case 'LogicalChangelog':
      out.push(`${pad}Changelog (upsert by key, tombstone deletes${node.tracksBefore === false ? '; replaced rows not kept' : ''})`);
      break;
    case 'LogicalJoin':
      out.push(`${pad}Join ${joinHeadline(node)}`);
      for (const line of joinDetails(node)) out.push(`${pad}  ${line}`);
      explainLogical(node.left, depth + 1, out);
      explainLogical(node.right, depth + 1, out);
      return;
    case 'LogicalAggregate':
      out.push(`${pad}Aggregate ${aggregation(node.schema, node.groupBy.map(formatBoundExpr), node.aggregates, node.window, node.emit)}`);
      break;
    case 'LogicalMaterialize':
      out.push(`${pad}Materialize into SQLite table "${node.tableName}"`);
      break;
    case 'LogicalFilter':
      out.push(`${pad}Filter ${formatBoundExpr(node.predicate)}`);
      break;
    case 'LogicalFlatMap':
      out.push(`${pad}FlatMap ${tableFunctions(node.schema, node.calls)}`);
      break;
    case 'LogicalProject':
      out.push(`${pad}Project ${projection(node.schema, node.expressions.map(formatBoundExpr))}`);
      break;
    case 'LogicalSink':
      out.push(`${pad}Sink ${node.sink.name} (topic '${node.sink.topic}')`);
      break;
    default:
      assertNever(node, 'logical node');
  }
  explainLogical(node.input, depth + 1, out);
}

function explainPhysical(node: PhysicalNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  switch (node.kind) {
    case 'PhysicalSource': {
      const format = node.timestampFormat === undefined ? '' : ` (format '${node.timestampFormat}')`;
      const ts = node.timestampColumn === null ? 'record timestamp' : `${node.schema.columns[node.timestampColumn]?.name ?? '?'}${format}`;
      const reads = node.readColumns === null ? 'all' : node.readColumns.map((i) => node.schema.columns[i]?.name).join(', ') || 'none';
      out.push(`${pad}PhysicalSource ${node.sourceName} <- topic '${node.topic}' ${formats(node.formats)} event time: ${ts ?? '?'}; decodes: ${reads}`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      return;
    }
    case 'PhysicalTableScan':
      out.push(`${pad}PhysicalTableScan ${node.tableName} <- SQLite table "${node.tableName}" (${access(node.conditions)})`);
      out.push(`${pad}  schema: ${formatSchema(node.tableSchema)}${node.window === null ? '' : `, windowed ${node.window}`}`);
      return;
    case 'PhysicalChangelog':
      out.push(
        `${pad}PhysicalChangelog upsert by key (${node.schema.columns.filter((c) => c.namespace === 'key').map((c) => c.name).join(', ')}), tombstone deletes` +
          (node.tracksBefore === false ? '; replaced rows not kept (no state: the consumer reads rows by key)' : ''),
      );
      break;
    case 'PhysicalJoin':
      out.push(`${pad}PhysicalJoin ${joinHeadline(node)}`);
      for (const line of [...joinDetails(node), `state: SQLite stores ${node.stateName}:*; schema: ${formatSchema(node.schema)}`]) out.push(`${pad}  ${line}`);
      explainPhysical(node.left, depth + 1, out);
      explainPhysical(node.right, depth + 1, out);
      return;
    case 'PhysicalAggregate':
      out.push(`${pad}PhysicalAggregate ${aggregation(node.schema, node.groupBy.map(formatBoundExpr), node.aggregates, node.window, node.emit)}`);
      out.push(`${pad}  ${node.tableInput ? 'input: table changelog (retract old row, add new row)' : 'input: stream'}; schema: ${formatSchema(node.schema)}`);
      if (node.stateTable !== undefined) {
        const text = groupsByText(node);
        out.push(`${pad}  state: the rows of SQLite table "${node.stateTable.tableName}" (read back by key; ${text ? 'a store only for keys whose text SQLite cannot keep exactly' : 'no store of its own'})`);
      }
      break;
    case 'PhysicalMaterialize':
      out.push(`${pad}PhysicalMaterialize -> SQLite table "${node.tableName}"${node.window === null ? '' : ` (windowed ${node.window})`}`);
      out.push(`${pad}  schema: ${formatSchema(node.tableSchema)}`);
      break;
    case 'PhysicalFilter':
      out.push(`${pad}PhysicalFilter ${formatBoundExpr(node.predicate)}`);
      break;
    case 'PhysicalFlatMap':
      out.push(`${pad}PhysicalFlatMap ${tableFunctions(node.schema, node.calls)} (zipped: as many rows as the longest, the others padded with NULL)`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      break;
    case 'PhysicalProject':
      out.push(`${pad}PhysicalProject ${projection(node.schema, node.expressions.map(formatBoundExpr))}`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      break;
    case 'PhysicalSink':
      out.push(`${pad}PhysicalSink ${node.sinkName} -> topic '${node.topic}' ${formats(node.formats)}${node.window === undefined ? '' : ` windowed ${node.window}`}`);
      out.push(`${pad}  schema: ${formatSchema(node.schema)}`);
      break;
    default:
      assertNever(node, 'physical node');
  }
  explainPhysical(node.input, depth + 1, out);
}

/** `KSQL_SYNTH_0 := EXPLODE(XS), …`: the columns the table functions add after the input's. */
function tableFunctions(schema: Schema, calls: readonly BoundTableFunctionCall[]): string {
  const first = schema.columns.length - calls.length;
  return calls.map((c, i) => `${schema.columns[first + i]?.name ?? `#${i}`} := ${c.name}(${c.args.map(formatBoundExpr).join(', ')})`).join(', ');
}

/** `BY K WINDOW TUMBLING (SIZE 1 MINUTE, GRACE 10 SECONDS, RETENTION 1 DAY) EMIT CHANGES: N := COUNT(*)` */
function aggregation(schema: Schema, keys: readonly string[], calls: readonly BoundAggregateCall[], window: WindowSpec | null, emit: string): string {
  const values = schema.columns.filter((c) => c.namespace === 'value');
  const aggs = calls.map((c, i) => `${values[i]?.name ?? `#${i}`} := ${c.name}(${c.args.length === 0 && c.name === 'COUNT' ? '*' : c.args.map(formatBoundExpr).join(', ')})`);
  return `BY ${keys.join(', ')}${window === null ? '' : ` WINDOW ${formatWindow(window)}`} EMIT ${emit}: ${aggs.join(', ')}`;
}

function formatWindow(w: WindowSpec): string {
  const size = w.kind === 'SESSION' ? `GAP ${formatDuration(w.sizeMs)}` : `SIZE ${formatDuration(w.sizeMs)}`;
  const advance = w.advanceMs === null ? '' : `, ADVANCE BY ${formatDuration(w.advanceMs)}`;
  return `${w.kind} (${size}${advance}, GRACE ${formatDuration(w.graceMs)}, RETENTION ${formatDuration(w.retentionMs)})`;
}

function access(conditions: readonly ScanCondition[]): string {
  if (conditions.length === 0) return 'full scan';
  const text = conditions.map((c) => `${c.column} ${c.op} ${formatBoundExpr({ kind: 'Literal', type: c.type, value: c.value })}`).join(' AND ');
  return `${conditions.every((c) => c.op === '=') ? 'key lookup' : 'key range'} ${text}`;
}

function projection(schema: Schema, exprs: readonly string[]): string {
  return exprs.map((e, i) => `${schema.columns[i]?.name ?? `#${i}`} := ${e}`).join(', ');
}

function formats(f: FormatSpec): string {
  return `[key ${f.keyFormat}, value ${f.valueFormat}]`;
}
