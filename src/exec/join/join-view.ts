// JoinView: the joined row a key shows for a left row and a right row (either may be missing), per join type.

import type { Change, Row } from '../../common/index.js';
import type { JoinSide } from './join-side.js';

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

export function joinedRow(type: JoinType, left: JoinSide, right: JoinSide, l: Row | null, r: Row | null): Row | null {
  if (l !== null && r !== null) return [...l, ...r];
  if (l !== null) return type === 'LEFT' || type === 'FULL' ? [...l, ...right.nulls()] : null;
  if (r !== null) return type === 'RIGHT' || type === 'FULL' ? [...left.nulls(), ...r] : null;
  return null;
}

/** The change from one joined row to the next: an upsert (with the row it replaces), a retraction, or nothing. */
export function viewChange(before: Row | null, after: Row | null, timestamp: number): Change | null {
  if (after !== null) return { op: 'upsert', row: after, before, timestamp };
  if (before !== null) return { op: 'delete', row: before, before, timestamp };
  return null;
}
