// SqlType: the SQL type model shared by every stage (ksqlDB's base types plus containers).

export type SqlType =
  | { readonly kind: 'BOOLEAN' }
  | { readonly kind: 'INT' }
  | { readonly kind: 'BIGINT' }
  | { readonly kind: 'DOUBLE' }
  | { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'STRING' }
  | { readonly kind: 'BYTES' }
  | { readonly kind: 'DATE' }
  | { readonly kind: 'TIME' }
  | { readonly kind: 'TIMESTAMP' }
  | { readonly kind: 'ARRAY'; readonly element: SqlType }
  | { readonly kind: 'MAP'; readonly key: SqlType; readonly value: SqlType }
  | { readonly kind: 'STRUCT'; readonly fields: readonly StructField[] };

export interface StructField {
  readonly name: string;
  readonly type: SqlType;
}

export type SqlTypeKind = SqlType['kind'];

export const SqlTypes = {
  BOOLEAN: { kind: 'BOOLEAN' },
  INT: { kind: 'INT' },
  BIGINT: { kind: 'BIGINT' },
  DOUBLE: { kind: 'DOUBLE' },
  STRING: { kind: 'STRING' },
  BYTES: { kind: 'BYTES' },
  DATE: { kind: 'DATE' },
  TIME: { kind: 'TIME' },
  TIMESTAMP: { kind: 'TIMESTAMP' },
} as const satisfies Record<string, SqlType>;

export function decimalType(precision: number, scale: number): SqlType {
  return { kind: 'DECIMAL', precision, scale };
}

/** The type as ksqlDB prints it: `BIGINT`, `DECIMAL(4, 2)`, `ARRAY<STRING>`, `STRUCT<A INT>`. */
export function formatSqlType(type: SqlType): string {
  switch (type.kind) {
    case 'DECIMAL':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'ARRAY':
      return `ARRAY<${formatSqlType(type.element)}>`;
    case 'MAP':
      return `MAP<${formatSqlType(type.key)}, ${formatSqlType(type.value)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields.map((f) => `${quoteIfNeeded(f.name)} ${formatSqlType(f.type)}`).join(', ')}>`;
    case 'BOOLEAN':
    case 'INT':
    case 'BIGINT':
    case 'DOUBLE':
    case 'STRING':
    case 'BYTES':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return type.kind;
  }
}

function quoteIfNeeded(name: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) ? name : `\`${name}\``;
}

export function sqlTypeEquals(a: SqlType, b: SqlType): boolean {
  return formatSqlType(a) === formatSqlType(b);
}

export function isNumericType(type: SqlType): boolean {
  return type.kind === 'INT' || type.kind === 'BIGINT' || type.kind === 'DOUBLE' || type.kind === 'DECIMAL';
}
