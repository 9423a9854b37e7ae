// Analysis of JOIN clauses: sources, the ON equality, WITHIN rules per join kind — then "not supported yet".

import { requireSource, sourceRelationSchema, type Catalog, type SourceDefinition } from '../catalog/index.js';
import { EngineError, formatSqlType, type SourceSpan } from '../common/index.js';
import type { Expr, JoinClause, Relation, Select } from '../sql/index.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { Scope } from './scope.js';
import { commonSuperType } from './type-coercion.js';

interface JoinSide {
  readonly source: SourceDefinition;
  readonly scope: Scope;
}

/**
 * Checks every JOIN as ksqlDB would (so that mistakes get precise errors), then refuses the query:
 * join execution comes with a later version.
 */
export function analyzeJoins(select: Select, catalog: Catalog): never {
  const sides: JoinSide[] = [side(select.from, catalog)];
  for (const join of select.joins) {
    const right = side(join.right, catalog);
    const names = sides.flatMap((s) => s.scope.qualifiers);
    const clash = right.scope.qualifiers.find((q) => names.includes(q));
    if (clash !== undefined) {
      throw new EngineError('INVALID_STATEMENT', `${clash} appears twice in FROM: give each source its own alias (… AS a JOIN … AS b).`, join.right.span);
    }
    checkJoinKinds(sides, right, join);
    checkCondition(sides, right, join);
    sides.push(right);
  }
  const first = select.joins[0];
  throw new EngineError('NOT_SUPPORTED', 'Joins are not supported yet: the query is valid, but Eddy cannot run joins in this version.', first?.span ?? select.span);
}

function side(relation: Relation, catalog: Catalog): JoinSide {
  const source = requireSource(catalog, relation.name.name, relation.name.span);
  const qualifiers = [source.name, ...(relation.alias === null ? [] : [relation.alias.name])];
  return { source, scope: { qualifiers, schema: sourceRelationSchema(source) } };
}

function checkJoinKinds(left: readonly JoinSide[], right: JoinSide, join: JoinClause): void {
  const leftKind = left.some((s) => s.source.kind === 'STREAM') ? 'STREAM' : 'TABLE';
  const rightKind = right.source.kind;
  if (leftKind === 'STREAM' && rightKind === 'STREAM') {
    if (join.within === null) {
      throw new EngineError('INVALID_STATEMENT', 'A stream-stream join needs a window: add WITHIN n unit (e.g. WITHIN 1 HOUR) before ON.', join.span);
    }
    return;
  }
  if (join.within !== null) {
    throw new EngineError('INVALID_STATEMENT', `WITHIN is only for stream-stream joins, but this joins a ${leftKind.toLowerCase()} with a ${rightKind.toLowerCase()}.`, join.within.span);
  }
  if (leftKind === 'TABLE' && rightKind === 'STREAM') {
    throw new EngineError('INVALID_STATEMENT', 'A table cannot be joined with a stream on its right: put the stream first (FROM stream JOIN table).', join.span);
  }
  if (leftKind === 'STREAM' && (join.joinType === 'RIGHT' || join.joinType === 'FULL')) {
    throw new EngineError('INVALID_STATEMENT', `A stream-table join can be INNER or LEFT, not ${join.joinType}.`, join.span);
  }
}

/** ON must be one equality between an expression of the left side(s) and one of the right side. */
function checkCondition(left: readonly JoinSide[], right: JoinSide, join: JoinClause): void {
  const on = join.on;
  if (on.kind !== 'BinaryExpr' || on.op !== '=') {
    throw new EngineError('INVALID_STATEMENT', 'A join condition must be one equality between the two sides, e.g. ON a.id = b.id.', on.span);
  }
  const l = bindSide(on.left, left, right);
  const r = bindSide(on.right, left, right);
  if (l.onRight === r.onRight) {
    throw new EngineError('INVALID_STATEMENT', 'The two sides of the join condition must come from different sources.', on.span);
  }
  if (commonSuperType(l.bound.type, r.bound.type) === null) {
    throw new EngineError('TYPE_MISMATCH', `Cannot join on ${formatSqlType(l.bound.type)} = ${formatSqlType(r.bound.type)}.`, on.span);
  }
}

function bindSide(expr: Expr, left: readonly JoinSide[], right: JoinSide): { bound: BoundExpr; onRight: boolean } {
  const attempts = [...left.map((s) => ({ s, onRight: false })), { s: right, onRight: true }];
  const found: { bound: BoundExpr; onRight: boolean }[] = [];
  let firstError: unknown = null;
  for (const { s, onRight } of attempts) {
    try {
      found.push({ bound: bindExpr(expr, s.scope), onRight });
    } catch (e) {
      // A column missing from the source its qualifier names says more than "not a source" from the others.
      if (firstError === null || (e instanceof EngineError && e.code === 'UNKNOWN_COLUMN')) firstError = e;
    }
  }
  const [only, second] = found;
  if (only === undefined) throw unresolved(expr, firstError, [...left, right]);
  if (second !== undefined) {
    throw new EngineError('AMBIGUOUS_COLUMN', 'This expression could come from more than one source: qualify its columns (e.g. a.id).', expr.span);
  }
  return only;
}

function unresolved(expr: Expr, error: unknown, sides: readonly JoinSide[]): unknown {
  if (error instanceof EngineError && error.code === 'UNKNOWN_COLUMN') {
    const span: SourceSpan | undefined = error.span ?? expr.span;
    const names = sides.map((s) => s.source.name).join(', ');
    return new EngineError('UNKNOWN_COLUMN', `${error.message.replace(/\.$/, '')} (in none of ${names}).`, span);
  }
  return error;
}
