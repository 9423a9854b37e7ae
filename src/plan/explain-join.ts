// The EXPLAIN lines of a join: its flavor and type, keys on both sides, window, and in-query re-keying.

import { formatDuration, type Schema } from '../common/index.js';
import type { BoundExpr, JoinFlavor, JoinWindow } from '../analyze/index.js';
import { formatBoundExpr } from './format-expr.js';

interface JoinText {
  readonly flavor: JoinFlavor;
  readonly joinType: string;
  readonly leftKeys: readonly BoundExpr[];
  readonly rightKeys: readonly BoundExpr[];
  readonly within: JoinWindow | null;
  readonly left: { readonly schema: Schema };
  readonly right: { readonly schema: Schema };
}

const FLAVOR: Readonly<Record<JoinFlavor, string>> = {
  STREAM_STREAM: 'stream-stream',
  STREAM_TABLE: 'stream-table',
  TABLE_TABLE: 'table-table (primary key)',
  TABLE_TABLE_FK: 'table-table (foreign key)',
};

/** `LEFT stream-table ON (CUSTOMER) = (ID)` */
export function joinHeadline(join: JoinText): string {
  return `${join.joinType} ${FLAVOR[join.flavor]} ON (${join.leftKeys.map(formatBoundExpr).join(', ')}) = (${join.rightKeys.map(formatBoundExpr).join(', ')})`;
}

/** Window and re-keying notes (empty when there is nothing to say). */
export function joinDetails(join: JoinText): string[] {
  const out: string[] = [];
  const w = join.within;
  if (w !== null) {
    out.push(`window: WITHIN (${formatDuration(w.beforeMs)} before, ${formatDuration(w.afterMs)} after), GRACE ${formatDuration(w.graceMs)}; outer rows wait for the window to close`);
  }
  const rekeyed = [
    ...(onKey(join.leftKeys, join.left.schema) || join.flavor === 'TABLE_TABLE_FK' ? [] : ['left']),
    ...(onKey(join.rightKeys, join.right.schema) ? [] : ['right']),
  ];
  if (rekeyed.length > 0) {
    const who = rekeyed.length === 2 ? 'both sides are' : `the ${rekeyed.join('')} side is`;
    out.push(`re-keyed in the query: ${who} matched by the join expression, not the key (no repartition topic; one partition)`);
  }
  if (join.flavor === 'TABLE_TABLE_FK') out.push('foreign key: each left row follows the right row its key points to; the result is keyed by the left key');
  return out;
}

function onKey(keys: readonly BoundExpr[], schema: Schema): boolean {
  const keyColumns = schema.columns.flatMap((c, i) => (c.namespace === 'key' ? [i] : []));
  return keys.every((k) => k.kind === 'ColumnRef' && keyColumns.includes(k.index));
}
