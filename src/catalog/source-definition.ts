// SourceDefinition: a stream or table in the metastore (its topic, schema, formats, event time).

import type { FormatSpec, Schema, SqlType, WindowKind } from '../common/index.js';

export type SourceKind = 'STREAM' | 'TABLE';

export interface SourceDefinition {
  /** Upper-cased unless it was quoted. */
  readonly name: string;
  readonly kind: SourceKind;
  readonly topic: string;
  /** Key then value columns, in declaration order; pseudo columns are not stored. */
  readonly schema: Schema;
  readonly formats: FormatSpec;
  /** The column used as event time instead of the record timestamp (`TIMESTAMP` property). */
  readonly timestampColumn: string | null;
  /** TIMESTAMP_FORMAT: the timestamp column is a string in this Java DateTimeFormatter pattern. */
  readonly timestampFormat?: string | null;
  /** `CREATE SOURCE …`: inserts are refused. */
  readonly readOnly: boolean;
  /** The persistent query that writes this source (C*AS), or null for a source declared over a topic. */
  readonly writtenBy: string | null;
  /** The statement that created it, as typed. */
  readonly sql: string;
  /** A windowed table (a windowed aggregation's result): its key is (key columns, window). Absent: not windowed. */
  readonly window?: SourceWindow | null;
}

export interface SourceWindow {
  readonly kind: WindowKind;
  /** Window size (null for SESSION). */
  readonly sizeMs: number | null;
}

/** Pseudo columns of a windowed source: the window of each row's key. */
export const WINDOW_BOUND_COLUMNS = ['WINDOWSTART', 'WINDOWEND'] as const;

/** The schema a query sees when it reads the source: its columns plus ROWTIME, ROWPARTITION, ROWOFFSET. */
export function sourceRelationSchema(source: SourceDefinition): Schema {
  const pseudo: { name: string; type: SqlType }[] = [
    { name: 'ROWTIME', type: { kind: 'BIGINT' } },
    { name: 'ROWPARTITION', type: { kind: 'INT' } },
    { name: 'ROWOFFSET', type: { kind: 'BIGINT' } },
  ];
  if (source.window !== undefined && source.window !== null) {
    for (const name of WINDOW_BOUND_COLUMNS) pseudo.push({ name, type: { kind: 'BIGINT' } });
  }
  return {
    columns: [...source.schema.columns, ...pseudo.map((p) => ({ ...p, namespace: 'pseudo' as const }))],
  };
}
