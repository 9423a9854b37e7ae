// Function catalog: every built-in function — scalar, aggregate and table — as SHOW FUNCTIONS and DESCRIBE FUNCTION print them.

import { formatSqlType, type SqlType } from '../common/index.js';
import type { AggregateFunction } from './aggregate-function.js';
import { moreAggregates } from './aggregates/more-aggregates.js';
import { listFunctions } from './function-registry.js';
import type { ParamType, Signature } from './scalar-function.js';
import { formatParams } from './signature-matching.js';
import { tableFunctions } from './table-functions.js';

export type FunctionKind = 'SCALAR' | 'AGGREGATE' | 'TABLE';

export interface FunctionDescription {
  readonly name: string;
  readonly kind: FunctionKind;
  /** MATH, STRING, … for scalar functions; AGGREGATE or TABLE for the others. */
  readonly category: string;
  readonly description: string;
  /** One line per overload: `SUBSTRING(STRING, INT, INT) → STRING`. */
  readonly signatures: readonly string[];
  /** COUNT_DISTINCT: the result is an estimate. */
  readonly approximate: boolean;
}

/** Placeholder types that print as a generic's name (`T`) or a bare kind (`DECIMAL`) in a formatted return type. */
const MARK = '__';
const marker = (name: string): SqlType => ({ kind: 'STRUCT', fields: [{ name: `${MARK}${name}`, type: { kind: 'INT' } }] });
function instantiate(p: ParamType, generics: Map<string, SqlType>): SqlType {
  if (typeof p === 'string') {
    if (p === 'ANY' || p === 'ARRAY' || p === 'MAP' || p === 'STRUCT' || p === 'DECIMAL') return marker(p);
    return { kind: p };
  }
  if ('generic' in p) {
    const t = generics.get(p.generic) ?? marker(p.generic);
    generics.set(p.generic, t);
    return t;
  }
  if ('arrayOf' in p) return { kind: 'ARRAY', element: instantiate(p.arrayOf, generics) };
  if ('mapOf' in p) return { kind: 'MAP', key: instantiate(p.mapOf[0], generics), value: instantiate(p.mapOf[1], generics) };
  return instantiate(p.returns, generics);
}

/** `NAME(params) → result`, with generics and open kinds printed by name. */
export function formatSignature(name: string, sig: Signature): string {
  const generics = new Map<string, SqlType>();
  let result: string;
  try {
    const args = sig.params.map((p) => instantiate(p, generics));
    result = formatSqlType(sig.returns(args, generics)).replace(new RegExp(`STRUCT<\`?${MARK}(\\w+)\`? INT>`, 'g'), '$1');
  } catch {
    result = 'ANY';
  }
  return `${name}(${formatParams(sig)}) → ${result}`;
}

/** Every built-in function, sorted by name. `aggregates` defaults to the ones in this module (the registry adds COUNT, SUM, …). */
export function describeFunctions(aggregates: readonly AggregateFunction[] = moreAggregates): readonly FunctionDescription[] {
  const all: FunctionDescription[] = [
    ...listFunctions().map((f) => ({
      name: f.name,
      kind: 'SCALAR' as const,
      category: f.category,
      description: f.description,
      signatures: f.signatures.map((s) => formatSignature(f.name, s)),
      approximate: false,
    })),
    ...aggregates.map((f) => ({
      name: f.name,
      kind: 'AGGREGATE' as const,
      category: 'AGGREGATE',
      description: f.description,
      signatures: f.signatures.map((s) => formatSignature(f.name, s)),
      approximate: f.approximate === true,
    })),
    ...tableFunctions.map((f) => ({
      name: f.name,
      kind: 'TABLE' as const,
      category: 'TABLE',
      description: f.description,
      signatures: f.signatures.map((s) => formatSignature(f.name, s)),
      approximate: false,
    })),
  ];
  return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One function by name (case-insensitive), or undefined. */
export function describeFunction(name: string, aggregates?: readonly AggregateFunction[]): FunctionDescription | undefined {
  const upper = name.toUpperCase();
  return describeFunctions(aggregates).find((f) => f.name === upper);
}
