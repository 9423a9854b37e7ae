// The projection of a join: `*` and `a.*` name columns `A_COL`, and the join key the result carries.

import { EngineError, sqlTypeEquals, type SqlType } from '../common/index.js';
import { transformBoundExpr, type BoundExpr } from './bound-expr.js';
import type { JoinAnalysis } from './analyze-join.js';
import type { ProjectionItem } from './bound-statement.js';

/** `*` (or `a.*`) over a join: every non-pseudo column of the side(s), named `<alias>_<column>` as in ksqlDB. */
export function joinedStar(joined: JoinAnalysis, qualifier: string | null): ProjectionItem[] {
  const columns = joined.scope.schema.columns;
  const qualifiers = joined.scope.columnQualifiers ?? [];
  if (qualifier !== null && !joined.scope.qualifiers.includes(qualifier)) {
    throw new EngineError('UNKNOWN_SOURCE', `${qualifier} is not a source in this query.`);
  }
  return columns.flatMap((c, index) => {
    if (c.namespace === 'pseudo') return [];
    if (qualifier !== null && !(qualifiers[index] ?? []).includes(qualifier)) return [];
    const prefix = joined.prefixes[joined.sideOf[index] ?? 0] ?? '';
    return [{ name: `${prefix}_${c.name}`, expr: { kind: 'ColumnRef', type: c.type, index, name: c.name } }];
  });
}

/**
 * ksqlDB's rule for the key of a join's result: the join expression. A persistent query must
 * project, for every ON equality of the last join, a column of either side of it; that column is the key.
 */
export function joinResultKey(joined: JoinAnalysis): JoinResultKey | null {
  const last = joined.joins[joined.joins.length - 1];
  if (last === undefined) return null;
  const offset = last.schema.columns.length - last.rightSchema.columns.length;
  if (last.flavor === 'TABLE_TABLE_FK') {
    // A foreign-key join has one row per left row: it keeps the left table's key.
    const keys = last.schema.columns.flatMap((c, index) => (index < offset && c.namespace === 'key' ? [{ index, name: c.name }] : []));
    return {
      keyOf: (e) => (e.kind === 'ColumnRef' ? keys.findIndex((k) => k.index === e.index) : -1),
      expected: keys.map((k, index) => ({ index, name: k.name })),
      keyExpr: () => null,
    };
  }
  const refs = last.leftKeys.map((l, i) => {
    const r = last.rightKeys[i];
    const left = columnOf(l);
    const right = r === undefined ? null : columnOf(r);
    return { indexes: [left?.index, right === null ? undefined : right.index + offset].filter((x): x is number => x !== undefined), name: left?.name ?? right?.name ?? `KEY${i}` };
  });
  return {
    keyOf: (e) => {
      if (e.kind !== 'ColumnRef') return null;
      const i = refs.findIndex((r) => r.indexes.includes(e.index));
      return i < 0 ? null : i;
    },
    expected: refs.map((r, index) => ({ index, name: r.name })),
    keyExpr: (i, type) => {
      // An outer join's padded rows have NULL on one side: the key is whichever side is there.
      const l = last.leftKeys[i];
      const r = last.rightKeys[i];
      if (last.joinType === 'INNER' || l === undefined || r === undefined || !sqlTypeEquals(l.type, type)) return null;
      const right = transformBoundExpr(r, (e) => (e.kind === 'ColumnRef' ? { ...e, index: e.index + offset } : e));
      return { kind: 'Case', type, whens: [{ when: { kind: 'IsNull', type: { kind: 'BOOLEAN' }, negated: true, operand: l }, then: l }], otherwise: right };
    },
  };
}

export interface JoinResultKey {
  /** Which key (by ON equality) a projected expression is, if any (-1 or null: none). */
  readonly keyOf: (e: BoundExpr) => number | null;
  readonly expected: { index: number; name: string }[];
  /** The expression key `i` is computed by (null: the projected column as is). */
  readonly keyExpr: (i: number, type: SqlType) => BoundExpr | null;
}

function columnOf(e: BoundExpr): { index: number; name: string } | null {
  if (e.kind === 'ColumnRef') return e;
  return e.kind === 'Cast' ? columnOf(e.operand) : null;
}
