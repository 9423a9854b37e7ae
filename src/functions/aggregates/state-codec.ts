// State codec: any SQL value as JSON and back (tagged for BIGINT, DECIMAL, BYTES, maps, structs, NaN), for aggregate states.

import { Decimal, type MapKey, type Value, type ValueMap, type ValueStruct } from '../../common/index.js';

type Encoded = null | boolean | number | string | { readonly [tag: string]: unknown };

export function encodeValue(v: Value): Encoded {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { f: String(v) };
  if (typeof v === 'bigint') return { l: v.toString() };
  if (v instanceof Decimal) return { d: v.toString() };
  if (v instanceof Uint8Array) return { y: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return { a: (v as readonly Value[]).map(encodeValue) };
  const c = v as ValueMap | ValueStruct;
  if (c.kind === 'map') return { m: [...c.entries].map(([k, x]) => [encodeValue(k), encodeValue(x)]) };
  return { s: Object.entries(c.fields).map(([k, x]) => [k, encodeValue(x)]) };
}

export function decodeValue(e: unknown): Value {
  if (e === null || typeof e === 'boolean' || typeof e === 'string' || typeof e === 'number') return e;
  const o = e as Record<string, unknown>;
  if ('f' in o) return Number(o.f);
  if ('l' in o) return BigInt(o.l as string);
  if ('d' in o) return Decimal.parse(o.d as string);
  if ('y' in o) return new Uint8Array(Buffer.from(o.y as string, 'base64'));
  if ('a' in o) return (o.a as unknown[]).map(decodeValue);
  if ('m' in o) return { kind: 'map', entries: new Map((o.m as [unknown, unknown][]).map(([k, x]) => [decodeValue(k) as MapKey, decodeValue(x)])) };
  return { kind: 'struct', fields: Object.fromEntries((o.s as [string, unknown][]).map(([k, x]) => [k, decodeValue(x)])) };
}

export const encodeValues = (vs: readonly Value[]): unknown => vs.map(encodeValue);
export const decodeValues = (e: unknown): Value[] => (e as unknown[]).map(decodeValue);
