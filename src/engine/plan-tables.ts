// planTables: the tables a physical plan materializes or scans, as the specs of their SQLite tables.

import type { MaterializedTableSpec } from '../exec/index.js';
import { physicalInputs, type PhysicalNode } from '../plan/index.js';

/** The specs of every node of `kind` in the plan (materializations write a table, scans read one). */
export function planTables(node: PhysicalNode, kind: 'PhysicalMaterialize' | 'PhysicalTableScan'): MaterializedTableSpec[] {
  const own: MaterializedTableSpec[] =
    node.kind === kind && (node.kind === 'PhysicalMaterialize' || node.kind === 'PhysicalTableScan')
      ? [{ name: node.tableName, schema: node.tableSchema, window: node.window }]
      : [];
  return [...own, ...physicalInputs(node).flatMap((input) => planTables(input, kind))];
}
