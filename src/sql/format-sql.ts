// formatSql: canonical SQL text for an AST; re-parsing the text gives the same tree (spans aside).

import { assertNever } from '../common/index.js';
import { formatCommand } from './format-command.js';
import type {
  BinaryOp,
  ColumnDefinition,
  Expr,
  Identifier,
  JoinClause,
  Property,
  PropertyValue,
  Relation,
  Select,
  Duration,
  WindowExpr,
  SelectItem,
  Statement,
  TimeAmount,
  TypeExpr,
} from './ast.js';

/** Words the grammar never accepts as unquoted identifiers: must match RESERVED in grammar/eddy.peggy. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'AND', 'AS', 'BETWEEN', 'BY', 'CASE', 'CAST', 'CREATE', 'DISTINCT', 'DROP', 'ELSE', 'EMIT', 'END',
  'ESCAPE', 'FALSE', 'FROM', 'FULL', 'GROUP', 'HAVING', 'IN', 'INNER', 'INSERT', 'INTO', 'IS', 'JOIN',
  'LEFT', 'LIKE', 'LIMIT', 'NOT', 'NULL', 'ON', 'OR', 'OUTER', 'PARTITION', 'RIGHT', 'SELECT', 'THEN',
  'TRUE', 'UNION', 'VALUES', 'WHEN', 'WHERE', 'WINDOW', 'WITH', 'WITHIN',
]);

export function formatSql(stmt: Statement): string {
  switch (stmt.kind) {
    case 'CreateSource': {
      const columns = stmt.columns.length > 0 ? ` (${stmt.columns.map(formatColumn).join(', ')})` : '';
      return (
        `CREATE ${stmt.orReplace ? 'OR REPLACE ' : ''}${stmt.readOnly ? 'SOURCE ' : ''}${stmt.sourceKind} ` +
        `${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}${formatIdentifier(stmt.name)}${columns}${formatWith(stmt.properties)}`
      );
    }
    case 'CreateAsSelect':
      return (
        `CREATE ${stmt.orReplace ? 'OR REPLACE ' : ''}${stmt.sourceKind} ${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}` +
        `${formatIdentifier(stmt.name)}${formatWith(stmt.properties)} AS ${formatSelect(stmt.query)}`
      );
    case 'InsertValues': {
      const columns = stmt.columns === null ? '' : ` (${stmt.columns.map(formatIdentifier).join(', ')})`;
      return `INSERT INTO ${formatIdentifier(stmt.target)}${columns} VALUES (${stmt.values.map((v) => formatExpr(v)).join(', ')})`;
    }
    case 'QueryStatement':
      return formatSelect(stmt.query);
    case 'Show':
      return `SHOW ${stmt.what}${stmt.extended ? ' EXTENDED' : ''}`;
    case 'Describe':
      return `DESCRIBE ${formatIdentifier(stmt.name)}${stmt.extended ? ' EXTENDED' : ''}`;
    case 'DropSource':
      return (
        `DROP ${stmt.sourceKind} ${stmt.ifExists ? 'IF EXISTS ' : ''}${formatIdentifier(stmt.name)}` +
        (stmt.deleteTopic ? ' DELETE TOPIC' : '')
      );
    case 'Terminate':
      return `TERMINATE ${stmt.queryId === null ? 'ALL' : formatIdentifier(stmt.queryId)}`;
    case 'Explain':
      return stmt.target.kind === 'ExplainStatement'
        ? `EXPLAIN ${formatSql(stmt.target.statement)}`
        : `EXPLAIN ${formatIdentifier(stmt.target.queryId)}`;
    case 'SetProperty':
      return `SET ${formatString(stmt.name)} = ${formatString(stmt.value)}`;
    case 'UnsetProperty':
      return `UNSET ${formatString(stmt.name)}`;
    default:
      return formatCommand(stmt);
  }
}

export function formatSelect(select: Select): string {
  const parts = [`SELECT ${select.items.map(formatSelectItem).join(', ')}`, `FROM ${formatRelation(select.from)}`];
  for (const join of select.joins) parts.push(formatJoin(join));
  if (select.window !== null) parts.push(`WINDOW ${formatWindow(select.window)}`);
  if (select.where !== null) parts.push(`WHERE ${formatExpr(select.where)}`);
  if (select.groupBy.length > 0) parts.push(`GROUP BY ${select.groupBy.map(formatExpr).join(', ')}`);
  if (select.partitionBy.length > 0) parts.push(`PARTITION BY ${select.partitionBy.map(formatExpr).join(', ')}`);
  if (select.having !== null) parts.push(`HAVING ${formatExpr(select.having)}`);
  if (select.emit !== null) parts.push(`EMIT ${select.emit}`);
  if (select.limit !== null) parts.push(`LIMIT ${select.limit}`);
  return parts.join(' ');
}

function formatWindow(w: WindowExpr): string {
  const d = (x: Duration) => `${x.value} ${x.unit}`;
  const parts = [w.type === 'SESSION' ? d(w.size) : `SIZE ${d(w.size)}`];
  if (w.advance !== null) parts.push(`ADVANCE BY ${d(w.advance)}`);
  if (w.retention !== null) parts.push(`RETENTION ${d(w.retention)}`);
  if (w.grace !== null) parts.push(`GRACE PERIOD ${d(w.grace)}`);
  return `${w.type} (${parts.join(', ')})`;
}

function formatSelectItem(item: SelectItem): string {
  switch (item.kind) {
    case 'SelectStar':
      return item.qualifier === null ? '*' : `${formatIdentifier(item.qualifier)}.*`;
    case 'SelectExpr':
      return item.alias === null ? formatExpr(item.expr) : `${formatExpr(item.expr)} AS ${formatIdentifier(item.alias)}`;
    case 'SelectStructStar':
      return `${formatAt(item.expr, Prec.Postfix)}->*`;
    default:
      return assertNever(item, 'select item');
  }
}

function formatJoin(join: JoinClause): string {
  const type = join.joinType === 'INNER' ? 'INNER JOIN' : `${join.joinType} OUTER JOIN`;
  let within = '';
  if (join.within !== null) {
    const { before, after, grace } = join.within;
    const same = before.value === after.value && before.unit === after.unit;
    within = ` WITHIN ${same ? formatTimeAmount(before) : `(${formatTimeAmount(before)}, ${formatTimeAmount(after)})`}`;
    if (grace !== null) within += ` GRACE PERIOD ${formatTimeAmount(grace)}`;
  }
  return `${type} ${formatRelation(join.right)}${within} ON ${formatExpr(join.on)}`;
}

export function formatTimeAmount(amount: TimeAmount): string {
  return `${amount.value} ${amount.unit}`;
}

function formatRelation(relation: Relation): string {
  const name = formatIdentifier(relation.name);
  return relation.alias === null ? name : `${name} AS ${formatIdentifier(relation.alias)}`;
}

export function formatColumn(column: ColumnDefinition): string {
  const constraint =
    column.constraint === null ? '' : column.constraint === 'HEADER' ? ` HEADER(${formatString(column.headerKey ?? '')})` : ` ${column.constraint}`;
  return `${formatIdentifier(column.name)} ${formatType(column.type)}${constraint}`;
}

export function formatWith(properties: readonly Property[]): string {
  if (properties.length === 0) return '';
  return ` WITH (${properties.map((p) => `${formatName(p.name)}=${formatPropertyValue(p.value)}`).join(', ')})`;
}

function formatPropertyValue(value: PropertyValue): string {
  switch (value.kind) {
    case 'StringLiteral':
      return formatString(value.value);
    case 'BooleanLiteral':
      return value.value ? 'TRUE' : 'FALSE';
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return value.text;
    default:
      return assertNever(value, 'property value');
  }
}

export function formatType(type: TypeExpr): string {
  switch (type.kind) {
    case 'PrimitiveTypeExpr':
      return type.name;
    case 'DecimalTypeExpr':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'ArrayTypeExpr':
      return `ARRAY<${formatType(type.element)}>`;
    case 'MapTypeExpr':
      return `MAP<${formatType(type.key)}, ${formatType(type.value)}>`;
    case 'StructTypeExpr':
      return `STRUCT<${type.fields.map((f) => `${formatIdentifier(f.name)} ${formatType(f.type)}`).join(', ')}>`;
    case 'NamedTypeExpr':
      return formatIdentifier(type.name);
    default:
      return assertNever(type, 'type');
  }
}

// ---------------------------------------------------------------- expressions

/** Binding strength, loosest first; an operand weaker than its slot requires is parenthesized. */
const Prec = {
  Or: 1,
  And: 2,
  Not: 3,
  Comparison: 4,
  Concat: 5,
  Additive: 6,
  Multiplicative: 7,
  Unary: 8,
  Postfix: 9,
  Primary: 10,
} as const;
type Prec = (typeof Prec)[keyof typeof Prec];

export function formatExpr(e: Expr): string {
  return formatAt(e, 0);
}

function formatAt(e: Expr, min: number): string {
  const text = formatBare(e);
  return precedence(e) < min ? `(${text})` : text;
}

const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, Prec>> = {
  OR: Prec.Or,
  AND: Prec.And,
  '=': Prec.Comparison,
  '<>': Prec.Comparison,
  '<': Prec.Comparison,
  '<=': Prec.Comparison,
  '>': Prec.Comparison,
  '>=': Prec.Comparison,
  '||': Prec.Concat,
  '+': Prec.Additive,
  '-': Prec.Additive,
  '*': Prec.Multiplicative,
  '/': Prec.Multiplicative,
  '%': Prec.Multiplicative,
};

function precedence(e: Expr): Prec {
  switch (e.kind) {
    case 'BinaryExpr':
      return BINARY_PRECEDENCE[e.op];
    case 'UnaryExpr':
      return e.op === 'NOT' ? Prec.Not : Prec.Unary;
    case 'LikeExpr':
    case 'BetweenExpr':
    case 'InListExpr':
    case 'IsNullExpr':
    case 'IsDistinctExpr':
      return Prec.Comparison;
    case 'SubscriptExpr':
    case 'DereferenceExpr':
      return Prec.Postfix;
    case 'LambdaExpr':
      return Prec.Or;
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
    case 'ColumnRef':
    case 'CaseExpr':
    case 'CastExpr':
    case 'FunctionCall':
    case 'ArrayConstructor':
    case 'MapConstructor':
    case 'StructConstructor':
      return Prec.Primary;
    default:
      return assertNever(e, 'expression');
  }
}

function formatBare(e: Expr): string {
  switch (e.kind) {
    case 'NullLiteral':
      return 'NULL';
    case 'BooleanLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'IntegerLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'DecimalLiteral':
      // `DECIMAL '5'` has no decimal point: keep the typed form so it re-parses as a DECIMAL.
      return /^(\d+\.\d*|\.\d+)$/.test(e.text) ? e.text : `DECIMAL ${formatString(e.text)}`;
    case 'StringLiteral':
      return formatString(e.value);
    case 'ColumnRef':
      return e.qualifier === null ? formatIdentifier(e.name) : `${formatIdentifier(e.qualifier)}.${formatIdentifier(e.name)}`;
    case 'UnaryExpr': {
      if (e.op === 'NOT') return `NOT ${formatAt(e.operand, Prec.Not)}`;
      // Parenthesize a nested sign: `--` would start a comment.
      const operand = e.operand.kind === 'UnaryExpr' ? `(${formatBare(e.operand)})` : formatAt(e.operand, Prec.Unary);
      return `${e.op}${operand}`;
    }
    case 'BinaryExpr': {
      const p = precedence(e);
      return `${formatAt(e.left, p)} ${e.op} ${formatAt(e.right, p + 1)}`;
    }
    case 'LikeExpr': {
      const escape = e.escape === null ? '' : ` ESCAPE ${formatAt(e.escape, Prec.Concat)}`;
      return `${formatAt(e.value, Prec.Comparison)} ${e.negated ? 'NOT ' : ''}LIKE ${formatAt(e.pattern, Prec.Concat)}${escape}`;
    }
    case 'BetweenExpr':
      return (
        `${formatAt(e.value, Prec.Comparison)} ${e.negated ? 'NOT ' : ''}BETWEEN ` +
        `${formatAt(e.low, Prec.Concat)} AND ${formatAt(e.high, Prec.Concat)}`
      );
    case 'InListExpr':
      return `${formatAt(e.value, Prec.Comparison)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(formatExpr).join(', ')})`;
    case 'IsNullExpr':
      return `${formatAt(e.value, Prec.Comparison)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'CaseExpr': {
      const parts = ['CASE'];
      if (e.operand !== null) parts.push(formatExpr(e.operand));
      for (const w of e.whens) parts.push(`WHEN ${formatExpr(w.when)} THEN ${formatExpr(w.then)}`);
      if (e.otherwise !== null) parts.push(`ELSE ${formatExpr(e.otherwise)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'CastExpr':
      return `CAST(${formatExpr(e.value)} AS ${formatType(e.type)})`;
    case 'FunctionCall':
      return `${formatIdentifier(e.name)}(${e.star ? '*' : e.args.map(formatExpr).join(', ')})`;
    case 'IsDistinctExpr':
      return `${formatAt(e.left, Prec.Comparison)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${formatAt(e.right, Prec.Concat)}`;
    case 'SubscriptExpr':
      return `${formatAt(e.base, Prec.Postfix)}[${formatExpr(e.index)}]`;
    case 'DereferenceExpr':
      return `${formatAt(e.base, Prec.Postfix)}->${formatIdentifier(e.field)}`;
    case 'ArrayConstructor':
      return `ARRAY[${e.elements.map(formatExpr).join(', ')}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((x) => `${formatExpr(x.key)} := ${formatExpr(x.value)}`).join(', ')})`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((f) => `${formatIdentifier(f.name)} := ${formatExpr(f.value)}`).join(', ')})`;
    case 'LambdaExpr': {
      const params = e.params.map(formatIdentifier);
      return `${params.length === 1 ? (params[0] ?? '') : `(${params.join(', ')})`} => ${formatExpr(e.body)}`;
    }
    default:
      return assertNever(e, 'expression');
  }
}

// ---------------------------------------------------------------- lexical

/** Bare when it re-parses as the same unquoted identifier, otherwise in backticks. */
export function formatIdentifier(id: Identifier): string {
  return id.quoted ? backticks(id.name) : formatName(id.name);
}

function formatName(name: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) && !RESERVED_WORDS.has(name) ? name : backticks(name);
}

function backticks(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

export function formatString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
