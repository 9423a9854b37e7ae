// formatCommand: canonical SQL for the statements beyond queries and DDL on sources (types, variables, PRINT, ASSERT, …).

import { assertNever } from '../common/index.js';
import type { Statement } from './ast.js';
import {
  formatColumn,
  formatExpr,
  formatIdentifier,
  formatSelect,
  formatString,
  formatTimeAmount,
  formatType,
  formatWith,
} from './format-sql.js';

type CoreKind = 'CreateSource' | 'CreateAsSelect' | 'InsertValues' | 'QueryStatement' | 'Show' | 'Describe' | 'DropSource' | 'Terminate' | 'Explain' | 'SetProperty' | 'UnsetProperty';

/** The statements formatSql delegates here. */
export type Command = Exclude<Statement, { readonly kind: CoreKind }>;

export function formatCommand(stmt: Command): string {
  switch (stmt.kind) {
    case 'InsertSelect':
      return `INSERT INTO ${formatIdentifier(stmt.target)}${formatWith(stmt.properties)} ${formatSelect(stmt.query)}`;
    case 'CreateType':
      return `CREATE TYPE ${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}${formatIdentifier(stmt.name)} AS ${formatType(stmt.type)}`;
    case 'DropType':
      return `DROP TYPE ${stmt.ifExists ? 'IF EXISTS ' : ''}${formatIdentifier(stmt.name)}`;
    case 'AlterSource':
      return `ALTER ${stmt.sourceKind} ${formatIdentifier(stmt.name)} ${stmt.columns.map((c) => `ADD COLUMN ${formatColumn(c)}`).join(', ')}`;
    case 'DefineVariable':
      return `DEFINE ${formatIdentifier(stmt.name)} = ${formatString(stmt.value)}`;
    case 'UndefineVariable':
      return `UNDEFINE ${formatIdentifier(stmt.name)}`;
    case 'DescribeSources':
      return `DESCRIBE ${stmt.what}${stmt.extended ? ' EXTENDED' : ''}`;
    case 'DescribeFunction':
      return `DESCRIBE FUNCTION ${formatIdentifier(stmt.name)}`;
    case 'Print': {
      const parts = [`PRINT ${formatString(stmt.topic)}`];
      if (stmt.fromBeginning) parts.push('FROM BEGINNING');
      if (stmt.interval !== null) parts.push(`INTERVAL ${stmt.interval}`);
      if (stmt.limit !== null) parts.push(`LIMIT ${stmt.limit}`);
      return parts.join(' ');
    }
    case 'RunScript':
      return `RUN SCRIPT ${formatString(stmt.path)}`;
    case 'PauseResume':
      return `${stmt.action} ${stmt.queryId === null ? 'ALL' : formatIdentifier(stmt.queryId)}`;
    case 'AssertTopic':
      return (
        `ASSERT ${stmt.exists ? '' : 'NOT EXISTS '}TOPIC ${formatString(stmt.topic)}${formatWith(stmt.properties)}` +
        (stmt.timeout === null ? '' : ` TIMEOUT ${formatTimeAmount(stmt.timeout)}`)
      );
    case 'AssertSchema':
      return (
        `ASSERT ${stmt.exists ? '' : 'NOT EXISTS '}SCHEMA` +
        (stmt.subject === null ? '' : ` SUBJECT ${formatString(stmt.subject)}`) +
        (stmt.id === null ? '' : ` ID ${stmt.id}`) +
        (stmt.timeout === null ? '' : ` TIMEOUT ${formatTimeAmount(stmt.timeout)}`)
      );
    case 'AssertValues':
    case 'AssertNullValues': {
      const columns = stmt.columns === null ? '' : ` (${stmt.columns.map(formatIdentifier).join(', ')})`;
      const values = (stmt.kind === 'AssertValues' ? stmt.values : stmt.keys).map((v) => formatExpr(v)).join(', ');
      return stmt.kind === 'AssertValues'
        ? `ASSERT VALUES ${formatIdentifier(stmt.target)}${columns} VALUES (${values})`
        : `ASSERT NULL VALUES ${formatIdentifier(stmt.target)}${columns} KEY (${values})`;
    }
    case 'AssertSource': {
      const columns = stmt.columns.length > 0 ? ` (${stmt.columns.map(formatColumn).join(', ')})` : '';
      return `ASSERT ${stmt.sourceKind} ${formatIdentifier(stmt.name)}${columns}${formatWith(stmt.properties)}`;
    }
    case 'UnresolvedStatement':
      return stmt.text;
    default:
      return assertNever(stmt, 'statement');
  }
}
