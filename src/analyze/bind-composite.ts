// Binding of composite-value expressions: ARRAY[…], MAP(k := v), STRUCT(f := v), subscripts and `->`.

import { closestName } from '../catalog/index.js';
import { EngineError, formatSqlType, SqlTypes, type SqlType } from '../common/index.js';
import type { Expr } from '../sql/index.js';
import { bindExpr, unify } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { Scope } from './scope.js';
import { coerce, isAssignable } from './type-coercion.js';

type ConstructorExpr = Extract<Expr, { kind: 'ArrayConstructor' | 'MapConstructor' | 'StructConstructor' }>;

const PRIMITIVE_KEYS: ReadonlySet<string> = new Set(['STRING', 'INT', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP']);

export function bindConstructor(expr: ConstructorExpr, scope: Scope, hint: SqlType | undefined): BoundExpr {
  switch (expr.kind) {
    case 'ArrayConstructor': {
      const [first, ...rest] = expr.elements;
      if (first === undefined) {
        if (hint?.kind === 'ARRAY') return { kind: 'ArrayConstruct', type: hint, elements: [] };
        throw new EngineError('TYPE_MISMATCH', 'An empty ARRAY[] has no element type here: write CAST(ARRAY[] AS ARRAY<INT>) or give an element.', expr.span);
      }
      const elements = unify([first, ...rest], scope, expr.span, 'ARRAY[…]');
      return { kind: 'ArrayConstruct', type: { kind: 'ARRAY', element: elements[0]?.type ?? SqlTypes.STRING }, elements };
    }
    case 'MapConstructor': {
      const [first, ...rest] = expr.entries;
      if (first === undefined) {
        if (hint?.kind === 'MAP') return { kind: 'MapConstruct', type: hint, entries: [] };
        throw new EngineError('TYPE_MISMATCH', "An empty MAP() has no key and value types here: write CAST(MAP() AS MAP<STRING, INT>) or give an entry.", expr.span);
      }
      const keys = unify([first.key, ...rest.map((e) => e.key)], scope, expr.span, 'MAP keys');
      const values = unify([first.value, ...rest.map((e) => e.value)], scope, expr.span, 'MAP values');
      const keyType = keys[0]?.type ?? SqlTypes.STRING;
      if (!PRIMITIVE_KEYS.has(keyType.kind)) {
        throw new EngineError('TYPE_MISMATCH', `MAP keys must be a primitive type, not ${formatSqlType(keyType)}.`, first.key.span);
      }
      const type: SqlType = { kind: 'MAP', key: keyType, value: values[0]?.type ?? SqlTypes.STRING };
      return { kind: 'MapConstruct', type, entries: keys.map((key, i) => ({ key, value: values[i] ?? key })) };
    }
    case 'StructConstructor': {
      const seen = new Set<string>();
      const hinted = hint?.kind === 'STRUCT' ? hint.fields : [];
      const fields = expr.fields.map((f) => {
        if (seen.has(f.name.name)) throw new EngineError('INVALID_STATEMENT', `STRUCT field ${f.name.name} is given twice.`, f.name.span);
        seen.add(f.name.name);
        const value = bindExpr(f.value, scope, hinted.find((h) => h.name === f.name.name)?.type);
        return { name: f.name.name, value };
      });
      return { kind: 'StructConstruct', type: { kind: 'STRUCT', fields: fields.map((f) => ({ name: f.name, type: f.value.type })) }, fields };
    }
  }
}

export function bindSubscript(expr: Extract<Expr, { kind: 'SubscriptExpr' }>, scope: Scope): BoundExpr {
  const base = bindExpr(expr.base, scope);
  if (base.type.kind === 'ARRAY') {
    const index = bindExpr(expr.index, scope, SqlTypes.INT);
    if (index.type.kind !== 'INT' && index.type.kind !== 'BIGINT') {
      throw new EngineError('TYPE_MISMATCH', `An array index must be an INT, not ${formatSqlType(index.type)}.`, expr.index.span);
    }
    return { kind: 'Subscript', type: base.type.element, base, index: coerce(index, SqlTypes.INT) };
  }
  if (base.type.kind === 'MAP') {
    const keyType = base.type.key;
    const index = bindExpr(expr.index, scope, keyType);
    if (!isAssignable(index.type, keyType)) {
      throw new EngineError('TYPE_MISMATCH', `The map's keys are ${formatSqlType(keyType)}, but the subscript is ${formatSqlType(index.type)}.`, expr.index.span);
    }
    return { kind: 'Subscript', type: base.type.value, base, index: coerce(index, keyType) };
  }
  const hint = base.type.kind === 'STRUCT' ? ' Use -> to read a STRUCT field, e.g. s->name.' : '';
  throw new EngineError('TYPE_MISMATCH', `Only ARRAY and MAP values can be subscripted with […], not ${formatSqlType(base.type)}.${hint}`, expr.base.span);
}

export function bindDereference(expr: Extract<Expr, { kind: 'DereferenceExpr' }>, scope: Scope): BoundExpr {
  const base = bindExpr(expr.base, scope);
  const field = structField(base.type, expr.field.name, expr);
  return { kind: 'Dereference', type: field.type, base, field: field.name };
}

/** The field `name` of a STRUCT type (exact name first, then case-insensitive), or a located error. */
export function structField(type: SqlType, name: string, expr: Extract<Expr, { kind: 'DereferenceExpr' }>): { name: string; type: SqlType } {
  if (type.kind !== 'STRUCT') {
    throw new EngineError('TYPE_MISMATCH', `-> reads a field of a STRUCT, but this is ${formatSqlType(type)}.`, expr.base.span);
  }
  const found = type.fields.find((f) => f.name === name) ?? type.fields.find((f) => f.name.toUpperCase() === name.toUpperCase());
  if (found !== undefined) return found;
  const suggestion = closestName(name, type.fields.map((f) => f.name));
  throw new EngineError(
    'UNKNOWN_COLUMN',
    `The struct has no field ${name}.${suggestion === null ? '' : ` Did you mean ${suggestion}?`} Its fields: ${type.fields.map((f) => f.name).join(', ')}.`,
    expr.field.span,
  );
}
