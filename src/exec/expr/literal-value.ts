// literalValue: a plan literal (JSON) as a runtime Value of its SQL type.

import { Decimal, type SqlType, type Value } from '../../common/index.js';
import type { BoundExpr } from '../../plan/index.js';

export function literalValue(lit: Extract<BoundExpr, { kind: 'Literal' }>): Value {
  return toValue(lit.value, lit.type);
}

function toValue(v: null | boolean | number | string, type: SqlType): Value {
  if (v === null) return null;
  switch (type.kind) {
    case 'BIGINT':
      return typeof v === 'boolean' ? null : BigInt(v);
    case 'DECIMAL':
      return Decimal.parse(String(v)).rescale(type.scale);
    default:
      return v;
  }
}
