// resolveType: turns a syntax-level type (TypeExpr) into a SqlType.

import { closestName } from '../catalog/index.js';
import { assertNever, EngineError, type SqlType } from '../common/index.js';
import type { TypeExpr } from '../sql/index.js';

/** `types`: the `CREATE TYPE` aliases a NamedTypeExpr may refer to. */
export function resolveType(type: TypeExpr, types: ReadonlyMap<string, SqlType> = new Map()): SqlType {
  const resolve = (t: TypeExpr) => resolveType(t, types);
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
      return { kind: 'ARRAY', element: resolve(type.element) };
    case 'MapTypeExpr': {
      const key = resolve(type.key);
      if (key.kind === 'ARRAY' || key.kind === 'MAP' || key.kind === 'STRUCT' || key.kind === 'BYTES') {
        throw new EngineError('TYPE_MISMATCH', `MAP keys must be a primitive type, not ${key.kind}.`, type.key.span);
      }
      return { kind: 'MAP', key, value: resolve(type.value) };
    }
    case 'StructTypeExpr': {
      const seen = new Set<string>();
      for (const f of type.fields) {
        if (seen.has(f.name.name)) throw new EngineError('TYPE_MISMATCH', `STRUCT field ${f.name.name} is declared twice.`, f.name.span);
        seen.add(f.name.name);
      }
      return { kind: 'STRUCT', fields: type.fields.map((f) => ({ name: f.name.name, type: resolve(f.type) })) };
    }
    case 'NamedTypeExpr': {
      const alias = types.get(type.name.name);
      if (alias !== undefined) return alias;
      const suggestion = closestName(type.name.name, [...types.keys(), 'BOOLEAN', 'INT', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'VARCHAR', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP', 'ARRAY', 'MAP', 'STRUCT']);
      throw new EngineError(
        'TYPE_MISMATCH',
        `Unknown type ${type.name.name}.${suggestion === null ? ' CREATE TYPE defines one; SHOW TYPES lists them.' : ` Did you mean ${suggestion}?`}`,
        type.span,
      );
    }
    default:
      return assertNever(type, 'type');
  }
}
