// Map functions: AS_MAP, ENTRIES, MAP_KEYS, MAP_VALUES, MAP_UNION.

import { SqlTypes, type MapKey, type SqlType, type Value, type ValueMap, type ValueStruct } from '../common/index.js';
import { arrayOf, generic, mapOf, returnsFirstArg, type ScalarFunction } from './scalar-function.js';

const K = generic('K');
const V = generic('V');
const map = (v: Value | undefined): ValueMap => v as ValueMap;
const makeMap = (entries: Map<MapKey, Value>): ValueMap => ({ kind: 'map', entries });

export const mapFunctions: readonly ScalarFunction[] = [
  {
    name: 'AS_MAP',
    category: 'MAP',
    description: 'A map built from an array of keys and an array of values, paired by position.',
    signatures: [{ params: [arrayOf('STRING'), arrayOf(V)], returns: (_a, g) => ({ kind: 'MAP', key: SqlTypes.STRING, value: g.get('V') ?? SqlTypes.STRING }) }],
    invoke: ([keys, values]) => {
      const ks = keys as readonly Value[];
      const vs = values as readonly Value[];
      const entries = new Map<MapKey, Value>();
      ks.forEach((k, i) => {
        if (k !== null && i < vs.length) entries.set(k as string, vs[i] ?? null);
      });
      return makeMap(entries);
    },
  },
  {
    name: 'ENTRIES',
    category: 'MAP',
    description: 'The entries of a map as an array of structs with fields K (key) and V (value), sorted by key when the flag is true.',
    signatures: [
      {
        params: [mapOf('STRING', V), 'BOOLEAN'],
        returns: (_a, g): SqlType => ({
          kind: 'ARRAY',
          element: { kind: 'STRUCT', fields: [{ name: 'K', type: SqlTypes.STRING }, { name: 'V', type: g.get('V') ?? SqlTypes.STRING }] },
        }),
      },
    ],
    invoke: ([m, sorted]) => {
      const entries = [...map(m).entries];
      if (sorted === true) entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
      return entries.map(([k, v]): ValueStruct => ({ kind: 'struct', fields: { K: k, V: v } }));
    },
  },
  {
    name: 'MAP_KEYS',
    category: 'MAP',
    description: 'The keys of a map as an array.',
    signatures: [{ params: [mapOf(K, V)], returns: (_a, g) => ({ kind: 'ARRAY', element: g.get('K') ?? SqlTypes.STRING }) }],
    invoke: ([m]) => [...map(m).entries.keys()],
  },
  {
    name: 'MAP_VALUES',
    category: 'MAP',
    description: 'The values of a map as an array.',
    signatures: [{ params: [mapOf(K, V)], returns: (_a, g) => ({ kind: 'ARRAY', element: g.get('V') ?? SqlTypes.STRING }) }],
    invoke: ([m]) => [...map(m).entries.values()],
  },
  {
    name: 'MAP_UNION',
    category: 'MAP',
    description: 'The entries of two maps together; for a key in both, the second map wins. A NULL map counts as empty unless both are.',
    signatures: [{ params: [mapOf(K, V), mapOf(K, V)], returns: returnsFirstArg }],
    callOnNull: true,
    invoke: ([a, b]) => {
      if ((a ?? null) === null && (b ?? null) === null) return null;
      return makeMap(new Map([...(a === null ? [] : map(a).entries), ...(b === null || b === undefined ? [] : map(b).entries)]));
    },
  },
];
