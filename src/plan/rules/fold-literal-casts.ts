// Rule foldLiteralCasts: a widening CAST of a numeric literal (INT → BIGINT, … → DOUBLE) becomes a literal.

import { transformBoundExpr, type BoundExpr } from '../../analyze/index.js';
import type { LogicalNode } from '../logical/index.js';
import type { Rule } from './rule.js';

export const foldLiteralCasts: Rule = {
  name: 'fold-literal-casts',
  apply: (plan) => ({ ...plan, root: rewrite(plan.root) }),
};

function rewrite(node: LogicalNode): LogicalNode {
  switch (node.kind) {
    case 'LogicalSource':
    case 'LogicalTableScan':
      return node;
    case 'LogicalJoin':
      return { ...node, left: rewrite(node.left), right: rewrite(node.right) };
    case 'LogicalChangelog':
    case 'LogicalMaterialize':
      return { ...node, input: rewrite(node.input) };
    case 'LogicalAggregate':
      return {
        ...node,
        input: rewrite(node.input),
        groupBy: node.groupBy.map((e) => transformBoundExpr(e, fold)),
        aggregates: node.aggregates.map((a) => ({ ...a, args: a.args.map((e) => transformBoundExpr(e, fold)) })),
      };
    case 'LogicalFilter':
      return { ...node, input: rewrite(node.input), predicate: transformBoundExpr(node.predicate, fold) };
    case 'LogicalFlatMap':
      return { ...node, input: rewrite(node.input), calls: node.calls.map((c) => ({ ...c, args: c.args.map((e) => transformBoundExpr(e, fold)) })) };
    case 'LogicalProject':
      return { ...node, input: rewrite(node.input), expressions: node.expressions.map((e) => transformBoundExpr(e, fold)) };
    case 'LogicalSink':
      return { ...node, input: rewrite(node.input) };
  }
}

function fold(e: BoundExpr): BoundExpr {
  if (e.kind !== 'Cast' || e.operand.kind !== 'Literal') return e;
  const { value, type: from } = e.operand;
  if (value === null) return { kind: 'Literal', type: e.type, value: null };
  const numeric = from.kind === 'INT' || from.kind === 'BIGINT' || from.kind === 'DECIMAL';
  if (numeric && e.type.kind === 'DOUBLE') return { kind: 'Literal', type: e.type, value: Number(value) };
  if (from.kind === 'INT' && e.type.kind === 'BIGINT') return { kind: 'Literal', type: e.type, value: String(value) };
  return e;
}
