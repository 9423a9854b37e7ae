// formatBoundExpr: a bound expression as compact SQL-like text, for EXPLAIN.

import type { BoundExpr } from '../analyze/index.js';
import { formatSqlType } from '../common/index.js';

export function formatBoundExpr(e: BoundExpr): string {
  switch (e.kind) {
    case 'Literal':
      if (e.value === null) return 'NULL';
      if (e.type.kind === 'STRING') return `'${String(e.value).replace(/'/g, "''")}'`;
      return String(e.value);
    case 'ColumnRef':
      return e.name;
    case 'Arithmetic':
    case 'Comparison':
    case 'Logical':
      return `(${formatBoundExpr(e.left)} ${e.op} ${formatBoundExpr(e.right)})`;
    case 'Concat':
      return `(${formatBoundExpr(e.left)} || ${formatBoundExpr(e.right)})`;
    case 'Negate':
      return `-${formatBoundExpr(e.operand)}`;
    case 'Not':
      return `(NOT ${formatBoundExpr(e.operand)})`;
    case 'IsNull':
      return `(${formatBoundExpr(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'Like':
      return `(${formatBoundExpr(e.value)} ${e.negated ? 'NOT ' : ''}LIKE ${formatBoundExpr(e.pattern)}${e.escape === null ? '' : ` ESCAPE ${formatBoundExpr(e.escape)}`})`;
    case 'Between':
      return `(${formatBoundExpr(e.value)} ${e.negated ? 'NOT ' : ''}BETWEEN ${formatBoundExpr(e.low)} AND ${formatBoundExpr(e.high)})`;
    case 'InList':
      return `(${formatBoundExpr(e.value)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(formatBoundExpr).join(', ')}))`;
    case 'Case':
      return `CASE ${e.whens.map((w) => `WHEN ${formatBoundExpr(w.when)} THEN ${formatBoundExpr(w.then)}`).join(' ')}${e.otherwise === null ? '' : ` ELSE ${formatBoundExpr(e.otherwise)}`} END`;
    case 'Cast':
      return `CAST(${formatBoundExpr(e.operand)} AS ${formatSqlType(e.type)})`;
    case 'Call':
      return `${e.name}(${e.args.map(formatBoundExpr).join(', ')})`;
    case 'IsDistinct':
      return `(${formatBoundExpr(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${formatBoundExpr(e.right)})`;
    case 'Subscript':
      return `${formatBoundExpr(e.base)}[${formatBoundExpr(e.index)}]`;
    case 'Dereference':
      return `${formatBoundExpr(e.base)}->${e.field}`;
    case 'ArrayConstruct':
      return `ARRAY[${e.elements.map(formatBoundExpr).join(', ')}]`;
    case 'MapConstruct':
      return `MAP(${e.entries.map((x) => `${formatBoundExpr(x.key)} := ${formatBoundExpr(x.value)}`).join(', ')})`;
    case 'StructConstruct':
      return `STRUCT(${e.fields.map((f) => `${f.name} := ${formatBoundExpr(f.value)}`).join(', ')})`;
    case 'Lambda':
      return `(${e.params.join(', ')}) => ${formatBoundExpr(e.body)}`;
    case 'LambdaVariable':
      return e.name;
  }
}
