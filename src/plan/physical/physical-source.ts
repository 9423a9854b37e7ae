// PhysicalSource: decode records of one topic into rows of the source schema (plus pseudo columns).

import type { FormatSpec, Schema, WindowKind } from '../../common/index.js';

export interface PhysicalSource {
  readonly kind: 'PhysicalSource';
  readonly sourceName: string;
  readonly topic: string;
  readonly formats: FormatSpec;
  /** Key and value columns, then ROWTIME, ROWPARTITION, ROWOFFSET. */
  readonly schema: Schema;
  /** Columns to decode; others are left NULL (null: all). */
  readonly readColumns: readonly number[] | null;
  /** Index of the column that holds event time, or null to use the record timestamp. */
  readonly timestampColumn: number | null;
  /** TIMESTAMP_FORMAT: the event-time column is a string in this pattern. */
  readonly timestampFormat?: string;
  /** A windowed table's topic: keys carry their window, which fills WINDOWSTART and WINDOWEND. */
  readonly window?: { readonly kind: WindowKind; readonly sizeMs: number | null };
}
