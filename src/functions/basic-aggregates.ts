// Basic aggregates: COUNT (and COUNT(*)), SUM, MIN, MAX, AVG over the numeric (and comparable) types.

import { Decimal, SqlTypes, type SqlType, type Value } from '../common/index.js';
import type { AggregateFunction, AggregateImplementation } from './aggregate-function.js';
import { returnsFirstArg, returnsType } from './scalar-function.js';

/** Exact addition and subtraction per numeric type, with Java's overflow for INT and BIGINT. */
interface NumericOps {
  zero: Value;
  add(a: Value, b: Value): Value;
  subtract(a: Value, b: Value): Value;
  toJson(v: Value): unknown;
  fromJson(j: unknown): Value;
  toNumber(v: Value): number;
}

function numericOps(type: SqlType): NumericOps {
  switch (type.kind) {
    case 'INT':
      return {
        zero: 0,
        add: (a, b) => ((a as number) + (b as number)) | 0,
        subtract: (a, b) => ((a as number) - (b as number)) | 0,
        toJson: (v) => v,
        fromJson: (j) => j as number,
        toNumber: (v) => v as number,
      };
    case 'BIGINT':
      return {
        zero: 0n,
        add: (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint)),
        subtract: (a, b) => BigInt.asIntN(64, (a as bigint) - (b as bigint)),
        toJson: (v) => (v as bigint).toString(),
        fromJson: (j) => BigInt(j as string),
        toNumber: (v) => Number(v),
      };
    case 'DECIMAL': {
      const scale = type.scale;
      return {
        zero: Decimal.fromBigInt(0n).rescale(scale),
        add: (a, b) => (a as Decimal).add(b as Decimal).rescale(scale),
        subtract: (a, b) => (a as Decimal).subtract(b as Decimal).rescale(scale),
        toJson: (v) => (v as Decimal).toString(),
        fromJson: (j) => Decimal.parse(j as string).rescale(scale),
        toNumber: (v) => (v as Decimal).toNumber(),
      };
    }
    default:
      return {
        zero: 0,
        add: (a, b) => (a as number) + (b as number),
        subtract: (a, b) => (a as number) - (b as number),
        toJson: (v) => (Number.isFinite(v) ? v : (v as number).toString()),
        fromJson: (j) => Number(j),
        toNumber: (v) => v as number,
      };
  }
}

/** The typed implementation, as the registry's state-agnostic contract. */
function erase<S>(impl: AggregateImplementation<S>): AggregateImplementation {
  return impl as unknown as AggregateImplementation;
}

/** Orders two non-null values of one comparable type. */
function compare(a: Value, b: Value): number {
  if (a instanceof Decimal && b instanceof Decimal) return a.compare(b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** JSON for a MIN/MAX state value of a comparable type. */
function scalarJson(type: SqlType): { to(v: Value): unknown; from(j: unknown): Value } {
  if (type.kind === 'BIGINT' || type.kind === 'DECIMAL' || type.kind === 'DOUBLE') {
    const ops = numericOps(type);
    return { to: (v) => (v === null ? null : ops.toJson(v)), from: (j) => (j === null ? null : ops.fromJson(j)) };
  }
  return { to: (v) => v, from: (j) => j as Value };
}

/**
 * Whether a SUM/MIN/MAX of this type is its own state and its value comes back exactly from a
 * materialized table (INTEGER columns). Not DOUBLE (SQLite stores NaN as NULL), DECIMAL, or text
 * (a lone surrogate does not survive UTF-8).
 */
function exactResult(type: SqlType | undefined): boolean {
  return type?.kind === 'INT' || type?.kind === 'BIGINT';
}

const count: AggregateFunction = {
  name: 'COUNT',
  description: 'The number of rows (COUNT(*)) or of non-NULL values (COUNT(col)) in each group.',
  signatures: [
    { params: [], returns: returnsType(SqlTypes.BIGINT) },
    { params: ['ANY'], returns: returnsType(SqlTypes.BIGINT) },
  ],
  create(argTypes): AggregateImplementation {
    const counts = argTypes.length === 0 ? () => true : (args: readonly Value[]) => args[0] !== null && args[0] !== undefined;
    return erase<number>({
      initial: () => 0,
      add: (s, args) => (counts(args) ? s + 1 : s),
      undo: (s, args) => (counts(args) ? s - 1 : s),
      merge: (a, b) => a + b,
      result: (s) => BigInt(s),
      serialize: (s) => s,
      deserialize: (j) => j as number,
      fromResult: (r) => (r === null ? 0 : Number(r)),
    });
  },
};

const NUMERIC_SIGNATURES = [
  { params: ['INT'], returns: returnsFirstArg },
  { params: ['BIGINT'], returns: returnsFirstArg },
  { params: ['DECIMAL'], returns: returnsFirstArg },
  { params: ['DOUBLE'], returns: returnsFirstArg },
] as const;

const sum: AggregateFunction = {
  name: 'SUM',
  description: 'The sum of the non-NULL values in each group (0 when there are none).',
  signatures: NUMERIC_SIGNATURES,
  create(argTypes): AggregateImplementation {
    const ops = numericOps(argTypes[0] ?? SqlTypes.DOUBLE);
    return erase<Value>({
      initial: () => ops.zero,
      add: (s, [v]) => (v === null || v === undefined ? s : ops.add(s, v)),
      undo: (s, [v]) => (v === null || v === undefined ? s : ops.subtract(s, v)),
      merge: (a, b) => ops.add(a, b),
      result: (s) => s,
      serialize: (s) => ops.toJson(s),
      deserialize: (j) => ops.fromJson(j),
      ...(exactResult(argTypes[0]) ? { fromResult: (r: Value) => r ?? ops.zero } : {}),
    });
  },
};

const COMPARABLE_SIGNATURES = [
  ...NUMERIC_SIGNATURES,
  { params: ['STRING'], returns: returnsFirstArg },
  { params: ['DATE'], returns: returnsFirstArg },
  { params: ['TIME'], returns: returnsFirstArg },
  { params: ['TIMESTAMP'], returns: returnsFirstArg },
] as const;

/** MIN and MAX: no `undo` (a retracted extreme cannot be recovered), so not over table sources. */
function extreme(name: 'MIN' | 'MAX', sign: 1 | -1): AggregateFunction {
  return {
    name,
    description: `The ${name === 'MIN' ? 'smallest' : 'largest'} non-NULL value in each group (NULL when there is none).`,
    signatures: COMPARABLE_SIGNATURES,
    create(argTypes): AggregateImplementation {
      const json = scalarJson(argTypes[0] ?? SqlTypes.DOUBLE);
      const pick = (a: Value, b: Value): Value => (a === null ? b : b === null ? a : sign * compare(b, a) < 0 ? b : a);
      return erase<Value>({
        initial: () => null,
        add: (s, [v]) => pick(s, v ?? null),
        merge: pick,
        result: (s) => s,
        serialize: (s) => json.to(s),
        deserialize: (j) => json.from(j),
        ...(exactResult(argTypes[0]) ? { fromResult: (r: Value) => r } : {}),
      });
    },
  };
}

interface AvgState {
  readonly sum: Value;
  readonly count: number;
}

const avg: AggregateFunction = {
  name: 'AVG',
  description: 'The average of the non-NULL values in each group, as a DOUBLE (NULL when there are none).',
  signatures: NUMERIC_SIGNATURES.map((s) => ({ ...s, returns: returnsType(SqlTypes.DOUBLE) })),
  create(argTypes): AggregateImplementation {
    const ops = numericOps(argTypes[0] ?? SqlTypes.DOUBLE);
    return erase<AvgState>({
      initial: () => ({ sum: ops.zero, count: 0 }),
      add: (s, [v]) => (v === null || v === undefined ? s : { sum: ops.add(s.sum, v), count: s.count + 1 }),
      undo: (s, [v]) => (v === null || v === undefined ? s : { sum: ops.subtract(s.sum, v), count: s.count - 1 }),
      merge: (a, b) => ({ sum: ops.add(a.sum, b.sum), count: a.count + b.count }),
      result: (s) => (s.count === 0 ? null : ops.toNumber(s.sum) / s.count),
      serialize: (s) => [ops.toJson(s.sum), s.count],
      deserialize: (j) => {
        const [total, n] = j as [unknown, number];
        return { sum: ops.fromJson(total), count: n };
      },
    });
  },
};

export const basicAggregates: readonly AggregateFunction[] = [count, sum, extreme('MIN', 1), extreme('MAX', -1), avg];
