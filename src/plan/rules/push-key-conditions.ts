// Rule pushKeyConditions: a pull query's `key = literal`, key ranges and WINDOWSTART/WINDOWEND bounds become
// conditions of its table scan, answered by the SQLite table's primary key (the filter still checks every row).

import type { BoundExpr } from '../../analyze/index.js';
import type { LogicalNode, ScanCondition } from '../logical/index.js';
import type { Rule } from './rule.js';

export const pushKeyConditions: Rule = {
  name: 'push-key-conditions',
  apply: (plan) => ({ ...plan, root: rewrite(plan.root) }),
};

const FLIPPED = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

function rewrite(node: LogicalNode): LogicalNode {
  switch (node.kind) {
    case 'LogicalSource':
    case 'LogicalTableScan':
      return node;
    case 'LogicalFilter': {
      const input = node.input;
      if (input.kind !== 'LogicalTableScan') return { ...node, input: rewrite(input) };
      const conditions = conjuncts(node.predicate).flatMap((c) => condition(c, input.schema));
      return { ...node, input: { ...input, conditions } };
    }
    case 'LogicalJoin':
      return { ...node, left: rewrite(node.left), right: rewrite(node.right) };
    case 'LogicalChangelog':
    case 'LogicalAggregate':
    case 'LogicalFlatMap':
    case 'LogicalProject':
    case 'LogicalMaterialize':
    case 'LogicalSink':
      return { ...node, input: rewrite(node.input) };
  }
}

function conjuncts(e: BoundExpr): BoundExpr[] {
  return e.kind === 'Logical' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** `column op literal` (either way round, or BETWEEN) on a key column or a window bound. */
function condition(e: BoundExpr, schema: { readonly columns: readonly { name: string; namespace: string }[] }): ScanCondition[] {
  const indexable = (x: BoundExpr): x is Extract<BoundExpr, { kind: 'ColumnRef' }> => {
    if (x.kind !== 'ColumnRef') return false;
    const column = schema.columns[x.index];
    if (column === undefined) return false;
    if (column.namespace === 'pseudo') return column.name === 'WINDOWSTART' || column.name === 'WINDOWEND';
    return column.namespace === 'key';
  };
  const literal = (x: BoundExpr): x is Extract<BoundExpr, { kind: 'Literal' }> => x.kind === 'Literal' && x.value !== null;
  // Ranges only where SQLite orders values as Eddy does (numbers); strings and decimals are matched by equality.
  const ordered = (x: BoundExpr) => ['INT', 'BIGINT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP'].includes(x.type.kind);
  if (e.kind === 'Comparison' && e.op !== '<>') {
    const [column, value, op] = indexable(e.left) && literal(e.right) ? [e.left, e.right, e.op] : indexable(e.right) && literal(e.left) ? [e.right, e.left, FLIPPED[e.op]] : [null, null, null];
    if (column === null || value === null || op === null || value.type.kind !== column.type.kind) return [];
    if (op !== '=' && !ordered(column)) return [];
    return [{ column: column.name, op, value: value.value, type: column.type }];
  }
  if (e.kind === 'Between' && !e.negated && indexable(e.value) && ordered(e.value) && literal(e.low) && literal(e.high)) {
    const column = e.value;
    if (e.low.type.kind !== column.type.kind || e.high.type.kind !== column.type.kind) return [];
    return [
      { column: column.name, op: '>=', value: e.low.value, type: column.type },
      { column: column.name, op: '<=', value: e.high.value, type: column.type },
    ];
  }
  return [];
}
