// toJsonNode: a typed SQL value as a JSON node (TO_JSON_STRING), the way ksqlDB's JSON format writes it.

import type { Decimal} from '../common/index.js';
import { formatDouble, type SqlType, type Value, type ValueMap, type ValueStruct } from '../common/index.js';
import type { JsonNode } from './json-node.js';
import { valueText } from './value-text.js';

export function toJsonNode(v: Value, type: SqlType): JsonNode {
  if (v === null) return { t: 'null' };
  switch (type.kind) {
    case 'BOOLEAN':
      return { t: 'boolean', value: v as boolean };
    case 'INT':
    case 'BIGINT':
      return { t: 'number', text: (v as number | bigint).toString() };
    case 'DOUBLE':
      return Number.isFinite(v) ? { t: 'number', text: formatDouble(v as number) } : { t: 'string', value: formatDouble(v as number) };
    case 'DECIMAL':
      return { t: 'number', text: (v as Decimal).toString() };
    case 'STRING':
      return { t: 'string', value: v as string };
    case 'BYTES':
      return { t: 'string', value: Buffer.from(v as Uint8Array).toString('base64') };
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return { t: 'string', value: valueText(v, type) };
    case 'ARRAY':
      return { t: 'array', items: (v as readonly Value[]).map((x) => toJsonNode(x, type.element)) };
    case 'MAP':
      return { t: 'object', fields: new Map([...(v as ValueMap).entries].map(([k, x]) => [String(k), toJsonNode(x, type.value)])) };
    case 'STRUCT': {
      const fields = (v as ValueStruct).fields;
      return { t: 'object', fields: new Map(type.fields.map((f) => [f.name, toJsonNode(fields[f.name] ?? null, f.type)])) };
    }
  }
}
