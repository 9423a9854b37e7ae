// Rule removeTrueFilter: a filter whose predicate is the literal TRUE keeps every row, so drop it.

import type { LogicalNode } from '../logical/index.js';
import type { Rule } from './rule.js';

export const removeTrueFilter: Rule = {
  name: 'remove-true-filter',
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
    case 'LogicalAggregate':
    case 'LogicalMaterialize':
      return { ...node, input: rewrite(node.input) };
    case 'LogicalFilter': {
      const input = rewrite(node.input);
      const p = node.predicate;
      return p.kind === 'Literal' && p.value === true ? input : { ...node, input };
    }
    case 'LogicalFlatMap':
    case 'LogicalProject':
    case 'LogicalSink':
      return { ...node, input: rewrite(node.input) };
  }
}
