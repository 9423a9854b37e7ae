// JSON functions over JSON text: EXTRACTJSONFIELD, IS_JSON_STRING, JSON_ARRAY_CONTAINS, JSON_ARRAY_LENGTH, JSON_CONCAT,
// JSON_ITEMS, JSON_KEYS, JSON_RECORDS, TO_JSON_STRING.

import { formatDouble, SqlTypes, type MapKey, type SqlType, type Value, type ValueMap } from '../common/index.js';
import { followPath, isIntegral, parseJson, parseJsonPath, writeJson, type JsonNode } from './json-node.js';
import { attempt } from './or-null.js';
import { noDefaultInvoke, returnsType, type ScalarFunction, type Signature } from './scalar-function.js';
import { toJsonNode } from './to-json.js';

const { STRING, BOOLEAN, INT } = SqlTypes;
const ARRAY_OF_STRING: SqlType = { kind: 'ARRAY', element: STRING };
const str = (v: Value | undefined): string => v as string;
const parsed = (v: Value | undefined): JsonNode | null => attempt(() => parseJson(str(v)));

/** A JSON value as EXTRACTJSONFIELD returns it: strings unquoted, numbers as Java prints them, the rest as JSON. */
function nodeText(node: JsonNode): string | null {
  switch (node.t) {
    case 'null':
      return null;
    case 'string':
      return node.value;
    case 'number':
      return isIntegral(node.text) ? node.text : formatDouble(Number(node.text));
    case 'boolean':
      return String(node.value);
    case 'object':
    case 'array':
      return writeJson(node);
  }
}

/** Whether an array item equals a searched value of the same JSON kind (integers match only integers, doubles only fractions). */
function itemMatches(item: JsonNode, v: Value, kind: SqlType['kind']): boolean {
  if (v === null) return item.t === 'null';
  if (kind === 'BOOLEAN') return item.t === 'boolean' && item.value === v;
  if (kind === 'STRING') return item.t === 'string' && item.value === v;
  if (item.t !== 'number') return false;
  if (kind === 'DOUBLE') return !isIntegral(item.text) && Number(item.text) === v;
  return isIntegral(item.text) && BigInt(item.text) === BigInt(v as number | bigint);
}

/** JSON_CONCAT: objects merge (the last key wins), otherwise everything concatenates as arrays. */
function concatJson(nodes: readonly JsonNode[]): JsonNode {
  if (nodes.every((n) => n.t === 'object')) {
    const fields = new Map<string, JsonNode>();
    for (const n of nodes) if (n.t === 'object') for (const [k, v] of n.fields) fields.set(k, v);
    return { t: 'object', fields };
  }
  return { t: 'array', items: nodes.flatMap((n) => (n.t === 'array' ? n.items : [n])) };
}

const containsSignatures = (['BOOLEAN', 'INT', 'BIGINT', 'DOUBLE', 'STRING'] as const).map(
  (kind): Signature => ({
    params: ['STRING', kind],
    returns: returnsType(BOOLEAN),
    invoke: ([json, v]) => {
      if (json === null || json === undefined) return false;
      const node = parsed(json);
      return node !== null && node.t === 'array' && node.items.some((item) => itemMatches(item, v ?? null, kind));
    },
  }),
);

export const jsonFunctions: readonly ScalarFunction[] = [
  {
    name: 'EXTRACTJSONFIELD',
    category: 'JSON',
    description: "The value at a JSONPath ('$.a.b[0]') in JSON text, as a STRING; NULL when the path or the JSON is not there.",
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(STRING) }],
    invoke: ([json, path]) => {
      const node = parsed(json);
      const steps = parseJsonPath(str(path));
      const found = node === null || steps === null ? undefined : followPath(node, steps);
      return found === undefined ? null : nodeText(found);
    },
  },
  {
    name: 'IS_JSON_STRING',
    category: 'JSON',
    description: 'Whether a string is valid JSON text of any JSON value (false for NULL).',
    signatures: [{ params: ['STRING'], returns: returnsType(BOOLEAN) }],
    callOnNull: true,
    invoke: ([s]) => s !== null && s !== undefined && parsed(s) !== null,
  },
  {
    name: 'JSON_ARRAY_CONTAINS',
    category: 'JSON',
    description: 'Whether JSON text holding an array contains a value of the same JSON kind; false when it is not an array.',
    signatures: containsSignatures,
    callOnNull: true,
    invoke: noDefaultInvoke,
  },
  {
    name: 'JSON_ARRAY_LENGTH',
    category: 'JSON',
    description: 'The number of items of the top-level array in JSON text; NULL when it is not an array.',
    signatures: [{ params: ['STRING'], returns: returnsType(INT) }],
    invoke: ([json]) => {
      const node = parsed(json);
      return node?.t === 'array' ? node.items.length : null;
    },
  },
  {
    name: 'JSON_CONCAT',
    category: 'JSON',
    description: 'Merges JSON objects (later keys win) or concatenates JSON arrays, wrapping other values in arrays; NULL if any input is NULL or invalid.',
    signatures: [{ params: ['STRING', 'STRING'], variadic: true, returns: returnsType(STRING) }],
    invoke: (args) => {
      const nodes = args.map(parsed);
      return nodes.some((n) => n === null) ? null : writeJson(concatJson(nodes as JsonNode[]));
    },
  },
  {
    name: 'JSON_ITEMS',
    category: 'JSON',
    description: 'The items of the top-level array in JSON text, each as JSON text; NULL when it is not an array.',
    signatures: [{ params: ['STRING'], returns: returnsType(ARRAY_OF_STRING) }],
    invoke: ([json]) => {
      const node = parsed(json);
      return node?.t === 'array' ? node.items.map(writeJson) : null;
    },
  },
  {
    name: 'JSON_KEYS',
    category: 'JSON',
    description: 'The top-level keys of a JSON object; NULL when the text is not an object.',
    signatures: [{ params: ['STRING'], returns: returnsType(ARRAY_OF_STRING) }],
    invoke: ([json]) => {
      const node = parsed(json);
      return node?.t === 'object' ? [...node.fields.keys()] : null;
    },
  },
  {
    name: 'JSON_RECORDS',
    category: 'JSON',
    description: 'The top-level entries of a JSON object as a map from key to the value as JSON text; NULL when it is not an object.',
    signatures: [{ params: ['STRING'], returns: returnsType({ kind: 'MAP', key: STRING, value: STRING }) }],
    invoke: ([json]) => {
      const node = parsed(json);
      if (node?.t !== 'object') return null;
      return { kind: 'map', entries: new Map<MapKey, Value>([...node.fields].map(([k, v]) => [k, writeJson(v)])) } satisfies ValueMap;
    },
  },
  {
    name: 'TO_JSON_STRING',
    category: 'JSON',
    description: "Any value as JSON text ('null' for NULL; dates, times and timestamps as ISO strings).",
    signatures: [{ params: ['ANY'], returns: returnsType(STRING) }],
    callOnNull: true,
    invoke: noDefaultInvoke,
    specialize: (types) => {
      const type = types[0] ?? STRING;
      return ([v]) => writeJson(toJsonNode(v ?? null, type));
    },
  },
];
