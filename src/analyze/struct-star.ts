// `s->*` in a projection: one output column per field of the struct, named after the field.

import { EngineError, formatSqlType } from '../common/index.js';
import type { SelectItem } from '../sql/index.js';
import { bindExpr } from './bind-expr.js';
import type { ProjectionItem } from './bound-statement.js';
import type { Scope } from './scope.js';

export function structStarItems(item: Extract<SelectItem, { kind: 'SelectStructStar' }>, scope: Scope): ProjectionItem[] {
  const base = bindExpr(item.expr, scope);
  if (base.type.kind !== 'STRUCT') {
    throw new EngineError('TYPE_MISMATCH', `->* expands the fields of a STRUCT, but this is ${formatSqlType(base.type)}.`, item.expr.span);
  }
  return base.type.fields.map((f) => ({ name: f.name, expr: { kind: 'Dereference', type: f.type, base, field: f.name } }));
}
