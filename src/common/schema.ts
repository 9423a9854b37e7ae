// Schema: ordered, typed columns of a relation, split into key, value and pseudo columns.

import { formatSqlType, type SqlType } from './sql-type.js';

/** `key` columns come from the record key, `value` from the record value, `pseudo` are system columns. */
export type ColumnNamespace = 'key' | 'value' | 'pseudo';

export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: ColumnNamespace;
}

/** Columns in row order: every `Row` produced under this schema has exactly these positions. */
export interface Schema {
  readonly columns: readonly Column[];
}

export const PSEUDO_COLUMNS = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET'] as const;
export type PseudoColumnName = (typeof PSEUDO_COLUMNS)[number];

export function keyColumns(schema: Schema): readonly Column[] {
  return schema.columns.filter((c) => c.namespace === 'key');
}

export function valueColumns(schema: Schema): readonly Column[] {
  return schema.columns.filter((c) => c.namespace === 'value');
}

export function columnIndexes(schema: Schema, namespace: ColumnNamespace): readonly number[] {
  const out: number[] = [];
  schema.columns.forEach((c, i) => {
    if (c.namespace === namespace) out.push(i);
  });
  return out;
}

export function findColumn(schema: Schema, name: string): number {
  return schema.columns.findIndex((c) => c.name === name);
}

/** `ID STRING KEY, TEMP DOUBLE` — the form DESCRIBE and EXPLAIN print. */
export function formatSchema(schema: Schema): string {
  return schema.columns
    .filter((c) => c.namespace !== 'pseudo')
    .map((c) => `${c.name} ${formatSqlType(c.type)}${c.namespace === 'key' ? ' KEY' : ''}`)
    .join(', ');
}
