// resolveType: turns a syntax-level type (TypeExpr) into a SqlType.

import { assertNever, EngineError, type SqlType } from '../common/index.js';
import type { TypeExpr } from '../sql/index.js';

export function resolveType(type: TypeExpr): SqlType {
  switch (type.kind) {
    case 'PrimitiveTypeExpr':
      return { kind: type.name };
    case 'DecimalTypeExpr':
      if (type.precision < 1 || type.precision > 38) {
        throw new EngineError('TYPE_MISMATCH', `DECIMAL precision must be between 1 and 38, not ${type.precision}.`, type.span);
      }
      if (type.scale < 0 || type.scale > type.precision) {
        throw new EngineError('TYPE_MISMATCH', `DECIMAL scale must be between 0 and the precision (${type.precision}), not ${type.scale}.`, type.span);
      }
      return { kind: 'DECIMAL', precision: type.precision, scale: type.scale };
    case 'ArrayTypeExpr':
      return { kind: 'ARRAY', element: resolveType(type.element) };
    case 'MapTypeExpr':
      return { kind: 'MAP', key: resolveType(type.key), value: resolveType(type.value) };
    case 'StructTypeExpr':
      return { kind: 'STRUCT', fields: type.fields.map((f) => ({ name: f.name.name, type: resolveType(f.type) })) };
    case 'NamedTypeExpr':
      throw new EngineError('TYPE_MISMATCH', `Unknown type ${type.name.name}.`, type.span);
    default:
      return assertNever(type, 'type');
  }
}
