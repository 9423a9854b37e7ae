// State in the table: marks a GROUP BY whose materialized table's rows determine its state (one write per changed group).

import type { BoundAggregateCall } from '../../analyze/index.js';
import type { SqlType } from '../../common/index.js';
import { findAggregate } from '../../functions/index.js';
import type { AggregateStateTable, PhysicalAggregate } from './physical-aggregate.js';
import type { PhysicalMaterialize } from './physical-materialize.js';
import { planAggregates, type PhysicalNode } from './physical-node.js';

/**
 * GROUP BY key types whose values are their own primary key in SQLite. Integers always are; a STRING
 * is when its text is well-formed UTF-16 without U+FFFD. Other text does not come back from SQLite's
 * UTF-8 as it went in (a lone surrogate reads back as U+FFFD), so whether a lookup finds its row is up
 * to how the driver encodes it: the aggregation keeps those groups' state in its store (`exactTableKey`).
 */
const EXACT_KEY_TYPES: ReadonlySet<SqlType['kind']> = new Set(['INT', 'BIGINT', 'STRING']);

/**
 * Sets `stateTable` on every aggregation that feeds a materialization through a plain projection:
 * `Materialize(Project(Aggregate))`, the aggregation over a stream without a window, grouped by INT,
 * BIGINT or STRING keys that are the table's key columns in order, and every aggregate's result a column of
 * the table, of a function whose result is its state (`fromResult`). Every change the aggregation
 * emits then reaches the table in the same batch (no HAVING, no expression that could fail), so the
 * table's row of a group is the group's last emitted state.
 */
export function keepStateInTables(node: PhysicalNode): PhysicalNode {
  switch (node.kind) {
    case 'PhysicalSource':
    case 'PhysicalTableScan':
      return node;
    case 'PhysicalJoin': {
      const left = keepStateInTables(node.left);
      const right = keepStateInTables(node.right);
      return left === node.left && right === node.right ? node : { ...node, left, right };
    }
    case 'PhysicalMaterialize': {
      const marked = markedAggregate(node);
      if (marked !== null) return marked;
      const input = keepStateInTables(node.input);
      return input === node.input ? node : { ...node, input };
    }
    case 'PhysicalChangelog':
    case 'PhysicalAggregate':
    case 'PhysicalFilter':
    case 'PhysicalFlatMap':
    case 'PhysicalProject':
    case 'PhysicalSink': {
      const input = keepStateInTables(node.input);
      return input === node.input ? node : ({ ...node, input });
    }
  }
}

/** Removes every `stateTable` (a replaced query whose old plan kept its state in the store keeps it there). */
export function withoutStateInTables(node: PhysicalNode): PhysicalNode {
  switch (node.kind) {
    case 'PhysicalSource':
    case 'PhysicalTableScan':
      return node;
    case 'PhysicalJoin':
      return { ...node, left: withoutStateInTables(node.left), right: withoutStateInTables(node.right) };
    case 'PhysicalAggregate': {
      const { stateTable: _dropped, ...rest } = node;
      return { ...rest, input: withoutStateInTables(node.input) };
    }
    case 'PhysicalChangelog':
    case 'PhysicalMaterialize':
    case 'PhysicalFilter':
    case 'PhysicalFlatMap':
    case 'PhysicalProject':
    case 'PhysicalSink':
      return { ...node, input: withoutStateInTables(node.input) };
  }
}

/** Whether any aggregation of the plan keeps its state in its table. */
export function keepsStateInTable(node: PhysicalNode): boolean {
  return planAggregates(node).some((a) => a.stateTable !== undefined);
}

/** The materialization with its aggregation marked, or null when the pattern does not hold. */
function markedAggregate(m: PhysicalMaterialize): PhysicalMaterialize | null {
  const project = m.input;
  if (project.kind !== 'PhysicalProject' || m.window !== null) return null;
  const agg = project.input;
  if (agg.kind !== 'PhysicalAggregate' || agg.window !== null || agg.tableInput || agg.emit !== 'CHANGES') return null;
  const stateTable = stateTableOf(m, project.expressions, agg);
  if (stateTable === null) return null;
  return { ...m, input: { ...project, input: { ...agg, input: keepStateInTables(agg.input), stateTable } } };
}

function stateTableOf(m: PhysicalMaterialize, expressions: Extract<PhysicalNode, { kind: 'PhysicalProject' }>['expressions'], agg: PhysicalAggregate): AggregateStateTable | null {
  const keys = agg.groupBy.length;
  const table = m.tableSchema.columns;
  if (keys === 0 || agg.schema.columns.length !== keys + agg.aggregates.length || !agg.groupBy.every((g) => EXACT_KEY_TYPES.has(g.type.kind))) return null;
  // Column j of the table is aggregation output column `source(j)`, or -1 when computed otherwise.
  const source = (j: number): number => {
    const e = expressions[j];
    return e !== undefined && e.kind === 'ColumnRef' && sameType(e.type, (table[j] as (typeof table)[number]).type) ? e.index : -1;
  };
  const tableKeys = table.flatMap((c, j) => (c.namespace === 'key' ? [j] : []));
  if (tableKeys.length !== keys || !tableKeys.every((j, i) => source(j) === i)) return null;
  const resultColumns: number[] = [];
  for (let i = 0; i < agg.aggregates.length; i++) {
    const j = table.findIndex((c, jj) => c.namespace === 'value' && source(jj) === keys + i);
    if (j < 0 || !resultIsState(agg.aggregates[i] as BoundAggregateCall)) return null;
    resultColumns.push(j);
  }
  return { tableName: m.tableName, tableSchema: m.tableSchema, resultColumns };
}

function resultIsState(call: BoundAggregateCall): boolean {
  if (call.args.some((a) => a.kind === 'Literal')) return false;
  try {
    return findAggregate(call.name)?.create(call.argTypes, call.args.map(() => undefined)).fromResult !== undefined;
  } catch {
    return false;
  }
}

function sameType(a: SqlType, b: SqlType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
