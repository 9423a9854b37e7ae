// Type coercion: ksqlDB's implicit numeric widening and the explicit CAST rules.

import { EngineError, formatSqlType, isNumericType, type SourceSpan, type SqlType } from '../common/index.js';
import type { BoundExpr } from './bound-expr.js';

const NUMERIC_RANK: Readonly<Partial<Record<SqlType['kind'], number>>> = { INT: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

/** The type both operands widen to, or null when they cannot be combined implicitly. */
export function commonSuperType(a: SqlType, b: SqlType): SqlType | null {
  if (a.kind === b.kind && a.kind !== 'DECIMAL') return a;
  const ra = NUMERIC_RANK[a.kind];
  const rb = NUMERIC_RANK[b.kind];
  if (ra === undefined || rb === undefined) return null;
  if (a.kind === 'DECIMAL' && b.kind === 'DECIMAL') {
    const scale = Math.max(a.scale, b.scale);
    const integral = Math.max(a.precision - a.scale, b.precision - b.scale);
    return { kind: 'DECIMAL', precision: Math.min(38, integral + scale), scale };
  }
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    const [dec, other] = a.kind === 'DECIMAL' ? [a, b] : [b, a];
    if (other.kind === 'DOUBLE') return other;
    if (dec.kind !== 'DECIMAL') return null;
    const digits = other.kind === 'INT' ? 10 : 19;
    const integral = Math.max(dec.precision - dec.scale, digits);
    return { kind: 'DECIMAL', precision: Math.min(38, integral + dec.scale), scale: dec.scale };
  }
  return ra > rb ? a : b;
}

/** Wraps `expr` in a Cast when its type differs from `to`. */
export function coerce(expr: BoundExpr, to: SqlType): BoundExpr {
  if (formatSqlType(expr.type) === formatSqlType(to)) return expr;
  if (expr.kind === 'Literal' && expr.value === null) return { ...expr, type: to };
  return { kind: 'Cast', type: to, operand: expr };
}

/** Whether a value of `from` may be stored where `to` is declared (INSERT, function arguments). */
export function isAssignable(from: SqlType, to: SqlType): boolean {
  if (formatSqlType(from) === formatSqlType(to)) return true;
  if (isNumericType(from) && isNumericType(to)) {
    const common = commonSuperType(from, to);
    return common !== null && (common.kind === to.kind);
  }
  return false;
}

/** Explicit CAST: any primitive to STRING and back, numbers among themselves, BOOLEAN ↔ STRING. */
export function checkCast(from: SqlType, to: SqlType, span: SourceSpan): void {
  const primitive = (t: SqlType) => t.kind !== 'ARRAY' && t.kind !== 'MAP' && t.kind !== 'STRUCT';
  const ok =
    formatSqlType(from) === formatSqlType(to) ||
    (primitive(from) && to.kind === 'STRING') ||
    (from.kind === 'STRING' && primitive(to) && to.kind !== 'BYTES') ||
    (isNumericType(from) && isNumericType(to));
  if (!ok) {
    throw new EngineError('TYPE_MISMATCH', `Cannot cast ${formatSqlType(from)} to ${formatSqlType(to)}.`, span);
  }
}
