// Plan fixtures for operator tests: the pseudo columns every source row carries, and a JSON source node.

import { SqlTypes, type Column, type Schema } from '../../../src/common/index.js';
import type { PhysicalNode } from '../../../src/plan/index.js';

/** ROWTIME, ROWPARTITION and ROWOFFSET, after a source's key and value columns. */
export const PSEUDO_COLUMNS: readonly Column[] = [
  { name: 'ROWTIME', type: SqlTypes.BIGINT, namespace: 'pseudo' },
  { name: 'ROWPARTITION', type: SqlTypes.INT, namespace: 'pseudo' },
  { name: 'ROWOFFSET', type: SqlTypes.BIGINT, namespace: 'pseudo' },
];

/** A source reading topic `topic` (source name: upper-cased) with JSON values, reading every column. */
export function jsonSource(topic: string, schema: Schema, keyFormat: 'NONE' | 'KAFKA' = 'NONE'): PhysicalNode {
  return {
    kind: 'PhysicalSource',
    sourceName: topic.toUpperCase(),
    topic,
    formats: { keyFormat, valueFormat: 'JSON', wrapSingleValue: true },
    schema,
    readColumns: null,
    timestampColumn: null,
  };
}
