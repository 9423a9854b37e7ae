// Rule pruneSourceColumns: tells the source which columns are read, so decoding skips the rest.

import { referencedColumns } from '../../analyze/index.js';
import type { LogicalNode } from '../logical/index.js';
import type { Rule } from './rule.js';

export const pruneSourceColumns: Rule = {
  name: 'prune-source-columns',
  apply: (plan) => ({ ...plan, root: prune(plan.root, null) }),
};

/** `needed`: the columns of `node`'s output that its parent reads (null: all). */
function prune(node: LogicalNode, needed: Set<number> | null): LogicalNode {
  switch (node.kind) {
    case 'LogicalSource': {
      if (needed === null) return node;
      const timestamp = node.source.timestampColumn;
      if (timestamp !== null) needed.add(node.schema.columns.findIndex((c) => c.name === timestamp));
      return { ...node, readColumns: [...needed].sort((a, b) => a - b) };
    }
    case 'LogicalTableScan':
      return node;
    case 'LogicalJoin': {
      // Each side decodes what the rest of the plan reads from its columns, plus its join keys.
      const width = node.left.schema.columns.length;
      const left = new Set<number>();
      const right = new Set<number>();
      if (needed === null) node.schema.columns.forEach((_, i) => (i < width ? left : right).add(i < width ? i : i - width));
      else needed.forEach((i) => (i < width ? left : right).add(i < width ? i : i - width));
      node.leftKeys.forEach((e) => referencedColumns(e, left));
      node.rightKeys.forEach((e) => referencedColumns(e, right));
      return { ...node, left: prune(node.left, left), right: prune(node.right, right) };
    }
    case 'LogicalChangelog': {
      // The changelog identifies rows by their key columns, so those are always decoded.
      if (needed === null) return { ...node, input: prune(node.input, null) };
      node.schema.columns.forEach((c, i) => {
        if (c.namespace === 'key') needed.add(i);
      });
      return { ...node, input: prune(node.input, needed) };
    }
    case 'LogicalAggregate': {
      const inputNeeded = new Set<number>();
      node.groupBy.forEach((e) => referencedColumns(e, inputNeeded));
      node.aggregates.forEach((a) => a.args.forEach((e) => referencedColumns(e, inputNeeded)));
      return { ...node, input: prune(node.input, inputNeeded) };
    }
    case 'LogicalMaterialize':
      return { ...node, input: prune(node.input, null) };
    case 'LogicalFilter': {
      const inputNeeded = needed === null ? null : referencedColumns(node.predicate, new Set(needed));
      return { ...node, input: prune(node.input, inputNeeded) };
    }
    case 'LogicalFlatMap': {
      // The input's columns the parent reads, plus the calls' arguments (the calls' own columns come from here).
      const width = node.input.schema.columns.length;
      const inputNeeded = new Set<number>();
      if (needed === null) node.input.schema.columns.forEach((_, i) => inputNeeded.add(i));
      else needed.forEach((i) => i < width && inputNeeded.add(i));
      node.calls.forEach((c) => c.args.forEach((e) => referencedColumns(e, inputNeeded)));
      return { ...node, input: prune(node.input, inputNeeded) };
    }
    case 'LogicalProject': {
      const inputNeeded = new Set<number>();
      node.expressions.forEach((e, i) => {
        if (needed === null || needed.has(i)) referencedColumns(e, inputNeeded);
      });
      return { ...node, input: prune(node.input, inputNeeded) };
    }
    case 'LogicalSink':
      return { ...node, input: prune(node.input, null) };
  }
}
