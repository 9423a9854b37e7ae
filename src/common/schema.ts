// Schema: ordered, typed columns of a relation, split into key, value and pseudo columns.

import { formatSqlType, type SqlType } from './sql-type.js';

/**
 * `key` columns come from the record key, `value` from the record value, `header` from the record
 * headers (read-only: never written to a topic), `pseudo` are system columns.
 */
export type ColumnNamespace = 'key' | 'value' | 'header' | 'pseudo';

export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: ColumnNamespace;
  /** A `header` column: `HEADER('k')` reads the last header `k` (BYTES); without it, `HEADERS` (every header, in order). */
  readonly headerKey?: string;
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
    .map((c) => `${c.name} ${formatSqlType(c.type)}${columnConstraintText(c)}`)
    .join(', ');
}

/** ` KEY`, ` HEADERS`, ` HEADER('k')` or nothing: a column's role as its declaration spells it. */
export function columnConstraintText(c: Column): string {
  switch (c.namespace) {
    case 'key':
      return ' KEY';
    case 'header':
      return c.headerKey === undefined ? ' HEADERS' : ` HEADER('${c.headerKey.replaceAll("'", "''")}')`;
    case 'value':
    case 'pseudo':
      return '';
  }
}
