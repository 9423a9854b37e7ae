// Type coercion: ksqlDB's implicit numeric widening and the explicit CAST rules.

import { EngineError, formatSqlType, isNumericType, type SourceSpan, type SqlType } from '../common/index.js';
import type { BoundExpr } from './bound-expr.js';

const NUMERIC_RANK: Readonly<Partial<Record<SqlType['kind'], number>>> = { INT: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

/** The type both operands widen to, or null when they cannot be combined implicitly. */
export function commonSuperType(a: SqlType, b: SqlType): SqlType | null {
  if (a.kind === 'ARRAY' && b.kind === 'ARRAY') {
    const element = commonSuperType(a.element, b.element);
    return element === null ? null : { kind: 'ARRAY', element };
  }
  if (a.kind === 'MAP' && b.kind === 'MAP') {
    const key = commonSuperType(a.key, b.key);
    const value = commonSuperType(a.value, b.value);
    return key === null || value === null ? null : { kind: 'MAP', key, value };
  }
  if (a.kind === 'STRUCT' || b.kind === 'STRUCT') return formatSqlType(a) === formatSqlType(b) ? a : null;
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
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return isAssignable(from.element, to.element);
  if (from.kind === 'MAP' && to.kind === 'MAP') return isAssignable(from.key, to.key) && isAssignable(from.value, to.value);
  if (isNumericType(from) && isNumericType(to)) {
    const common = commonSuperType(from, to);
    return common !== null && (common.kind === to.kind);
  }
  return false;
}

/** Whether CAST(x AS to) is allowed for x of type `from`, following ksqlDB's rules. */
export function castable(from: SqlType, to: SqlType): boolean {
  if (formatSqlType(from) === formatSqlType(to)) return true;
  if (to.kind === 'STRING') return true;
  if (isNumericType(from) && isNumericType(to)) return true;
  switch (to.kind) {
    case 'BOOLEAN':
    case 'INT':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL':
      return from.kind === 'STRING';
    case 'DATE':
    case 'TIME':
      return from.kind === 'STRING' || from.kind === 'TIMESTAMP';
    case 'TIMESTAMP':
      return from.kind === 'STRING' || from.kind === 'DATE';
    case 'BYTES':
      return false;
    case 'ARRAY':
      return from.kind === 'ARRAY' && castable(from.element, to.element);
    case 'MAP':
      return from.kind === 'MAP' && castable(from.key, to.key) && castable(from.value, to.value);
    case 'STRUCT':
      return (
        from.kind === 'STRUCT' &&
        to.fields.every((f) => {
          const source = from.fields.find((g) => g.name === f.name);
          return source === undefined || castable(source.type, f.type);
        })
      );
  }
}

/** Explicit CAST: a located TYPE_MISMATCH naming both types when `castable` says no. */
export function checkCast(from: SqlType, to: SqlType, span: SourceSpan): void {
  if (castable(from, to)) return;
  const hint =
    to.kind === 'BYTES' || from.kind === 'BYTES'
      ? ' Use TO_BYTES or FROM_BYTES to convert between STRING and BYTES.'
      : from.kind === 'BOOLEAN'
        ? ' A BOOLEAN can only be cast to STRING.'
        : '';
  throw new EngineError('TYPE_MISMATCH', `Cannot cast ${formatSqlType(from)} to ${formatSqlType(to)}.${hint}`, span);
}
