// Analysis of JOIN clauses: sources, the ON equalities, WITHIN rules per join kind, the joined columns.

import { requireSource, sourceRelationSchema, type Catalog, type SourceDefinition } from '../catalog/index.js';
import { EngineError, formatSqlType, sqlTypeEquals, type Column, type SourceSpan, type SqlType } from '../common/index.js';
import type { Expr, JoinClause, Relation, Select, TimeAmount } from '../sql/index.js';
import { durationMs } from './analyze-window.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { BoundJoin, JoinFlavor, JoinWindow } from './bound-join.js';
import type { Scope } from './scope.js';
import { commonSuperType } from './type-coercion.js';

interface JoinSide {
  readonly source: SourceDefinition;
  readonly scope: Scope;
  /** The name `*` prefixes this side's columns with: the alias, else the source name. */
  readonly prefix: string;
}

/** The joined relation a query with JOINs reads: its columns, who may qualify each, and the joins. */
export interface JoinAnalysis {
  readonly scope: Scope;
  /** Per joined column, the side (0 = FROM) it comes from. */
  readonly sideOf: readonly number[];
  readonly prefixes: readonly string[];
  readonly joins: readonly BoundJoin[];
  /** STREAM when any side is a stream. */
  readonly resultKind: 'STREAM' | 'TABLE';
}

/** ksqlDB's grace period when a stream-stream join gives none (its legacy default). */
const DEFAULT_JOIN_GRACE_MS = 86_400_000;

export function analyzeJoins(select: Select, catalog: Catalog): JoinAnalysis {
  const first = side(select.from, catalog);
  const sides: JoinSide[] = [first];
  let columns: Column[] = [...first.scope.schema.columns];
  let columnQualifiers: (readonly string[])[] = columns.map(() => first.scope.qualifiers);
  let sideOf: number[] = columns.map(() => 0);
  const joins: BoundJoin[] = [];
  for (const join of select.joins) {
    const right = side(join.right, catalog);
    const names = sides.flatMap((s) => s.scope.qualifiers);
    const clash = right.scope.qualifiers.find((q) => names.includes(q));
    if (clash !== undefined) {
      throw new EngineError('INVALID_STATEMENT', `${clash} appears twice in FROM: give each source its own alias (… AS a JOIN … AS b).`, join.right.span);
    }
    const sameTopic = sides.find((s) => s.source.topic === right.source.topic);
    if (sameTopic !== undefined) {
      throw new EngineError(
        'NOT_SUPPORTED',
        `${sameTopic.source.name} and ${right.source.name} read the same topic '${right.source.topic}': Eddy cannot join a topic with itself yet.`,
        join.right.span,
      );
    }
    const leftScope: Scope = { qualifiers: names, schema: { columns }, columnQualifiers, types: catalog.types };
    const leftKind = sides.some((s) => s.source.kind === 'STREAM') ? 'STREAM' : 'TABLE';
    checkJoinKinds(leftKind, right, join);
    const keys = checkCondition(leftScope, sides.map((s) => s.source.name), right, join);
    const flavor = joinFlavor(leftKind, right, keys, leftScope, join);
    columns = [...columns, ...right.scope.schema.columns];
    columnQualifiers = [...columnQualifiers, ...right.scope.schema.columns.map(() => right.scope.qualifiers)];
    sideOf = [...sideOf, ...right.scope.schema.columns.map(() => sides.length)];
    joins.push({
      flavor,
      joinType: join.joinType,
      right: right.source,
      rightSchema: right.scope.schema,
      leftKeys: keys.map((k) => k.left),
      rightKeys: keys.map((k) => k.right),
      within: join.within === null ? null : joinWindow(join),
      schema: { columns },
    });
    sides.push(right);
  }
  return {
    scope: { qualifiers: sides.flatMap((s) => s.scope.qualifiers), schema: { columns }, columnQualifiers, types: catalog.types },
    sideOf,
    prefixes: sides.map((s) => s.prefix),
    joins,
    resultKind: sides.some((s) => s.source.kind === 'STREAM') ? 'STREAM' : 'TABLE',
  };
}

function side(relation: Relation, catalog: Catalog): JoinSide {
  const source = requireSource(catalog, relation.name.name, relation.name.span);
  const qualifiers = [source.name, ...(relation.alias === null ? [] : [relation.alias.name])];
  return { source, scope: { qualifiers, schema: sourceRelationSchema(source), types: catalog.types }, prefix: relation.alias?.name ?? source.name };
}

function ms(t: TimeAmount): number {
  return durationMs({ ...t, kind: 'Duration' });
}

function joinWindow(join: JoinClause): JoinWindow {
  const w = join.within;
  if (w === null) throw new EngineError('INTERNAL', 'join window expected');
  return { beforeMs: ms(w.before), afterMs: ms(w.after), graceMs: w.grace === null ? DEFAULT_JOIN_GRACE_MS : ms(w.grace) };
}

function checkJoinKinds(leftKind: 'STREAM' | 'TABLE', right: JoinSide, join: JoinClause): void {
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

interface KeyPair {
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  readonly span: SourceSpan;
}

/** ON must be one equality, or equalities joined by AND, each between the left side(s) and the right side. */
function checkCondition(left: Scope, leftNames: readonly string[], right: JoinSide, join: JoinClause): KeyPair[] {
  return conjuncts(join.on).map((on) => {
    if (on.kind !== 'BinaryExpr' || on.op !== '=') {
      throw new EngineError('INVALID_STATEMENT', 'A join condition must be equalities between the two sides, e.g. ON a.id = b.id (several joined by AND).', on.span);
    }
    const l = bindSide(on.left, left, leftNames, right);
    const r = bindSide(on.right, left, leftNames, right);
    if (l.onRight === r.onRight) {
      throw new EngineError('INVALID_STATEMENT', 'The two sides of the join condition must come from different sources.', on.span);
    }
    const [lhs, rhs] = l.onRight ? [r.bound, l.bound] : [l.bound, r.bound];
    const type = commonSuperType(lhs.type, rhs.type);
    if (type === null) {
      throw new EngineError('TYPE_MISMATCH', `Cannot join on ${formatSqlType(l.bound.type)} = ${formatSqlType(r.bound.type)}.`, on.span);
    }
    return { left: castTo(lhs, type), right: castTo(rhs, type), span: on.span };
  });
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'BinaryExpr' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function castTo(e: BoundExpr, type: SqlType): BoundExpr {
  return sqlTypeEquals(e.type, type) ? e : { kind: 'Cast', type, operand: e };
}

/** A table on the right is joined on its primary key; a table on the left on its key (else a foreign-key join). */
function joinFlavor(leftKind: 'STREAM' | 'TABLE', right: JoinSide, keys: readonly KeyPair[], left: Scope, join: JoinClause): JoinFlavor {
  if (right.source.kind === 'STREAM') return 'STREAM_STREAM';
  const rightKey = right.scope.schema.columns.flatMap((c, i) => (c.namespace === 'key' ? [i] : []));
  const onKey = keys.length === rightKey.length && keys.every((k, i) => unwrap(k.right)?.index === rightKey[i]);
  if (!onKey) {
    const names = rightKey.map((i) => right.scope.schema.columns[i]?.name).join(', ');
    throw new EngineError('INVALID_STATEMENT', `A join with table ${right.source.name} must be on its primary key (${names}) alone.`, keys[0]?.span ?? join.span);
  }
  if (leftKind === 'STREAM') return 'STREAM_TABLE';
  const leftOnKey = keys.every((k) => {
    const ref = unwrap(k.left);
    return ref !== null && left.schema.columns[ref.index]?.namespace === 'key';
  });
  if (leftOnKey) return 'TABLE_TABLE';
  if (join.joinType === 'RIGHT' || join.joinType === 'FULL') {
    throw new EngineError('INVALID_STATEMENT', `A foreign-key table-table join can be INNER or LEFT, not ${join.joinType}.`, join.span);
  }
  return 'TABLE_TABLE_FK';
}

function unwrap(e: BoundExpr): { index: number } | null {
  if (e.kind === 'ColumnRef') return e;
  return e.kind === 'Cast' ? unwrap(e.operand) : null;
}

function bindSide(expr: Expr, left: Scope, leftNames: readonly string[], right: JoinSide): { bound: BoundExpr; onRight: boolean } {
  const attempts = [
    { s: left, onRight: false },
    { s: right.scope, onRight: true },
  ];
  const found: { bound: BoundExpr; onRight: boolean }[] = [];
  let firstError: unknown = null;
  for (const { s, onRight } of attempts) {
    try {
      found.push({ bound: bindExpr(expr, s), onRight });
    } catch (e) {
      // A column missing from the source its qualifier names says more than "not a source" from the others.
      if (firstError === null || (e instanceof EngineError && (e.code === 'UNKNOWN_COLUMN' || e.code === 'AMBIGUOUS_COLUMN'))) firstError = e;
    }
  }
  const [only, second] = found;
  if (only === undefined) throw unresolved(expr, firstError, [...leftNames, right.source.name]);
  if (second !== undefined) {
    throw new EngineError('AMBIGUOUS_COLUMN', 'This expression could come from more than one source: qualify its columns (e.g. a.id).', expr.span);
  }
  return only;
}

function unresolved(expr: Expr, error: unknown, names: readonly string[]): unknown {
  if (error instanceof EngineError && error.code === 'UNKNOWN_COLUMN') {
    const span: SourceSpan | undefined = error.span ?? expr.span;
    return new EngineError('UNKNOWN_COLUMN', `${error.message.replace(/\.$/, '')} (in none of ${[...new Set(names)].join(', ')}).`, span);
  }
  return error;
}
