// Arithmetic: + - * / % per SQL type, with Java's integer overflow and NULL for division by zero.

import { Decimal, type SqlType, type Value } from '../../common/index.js';

export type BinaryFn = (a: Value, b: Value) => Value;
type Op = '+' | '-' | '*' | '/' | '%';

/** The operation for operands already widened to `operandType`, producing `resultType`. */
export function arithmetic(op: Op, operandType: SqlType, resultType: SqlType): BinaryFn {
  switch (operandType.kind) {
    case 'INT':
      return intOp(op);
    case 'BIGINT':
      return bigintOp(op);
    case 'DECIMAL':
      return decimalOp(op, resultType.kind === 'DECIMAL' ? resultType.scale : operandType.scale);
    default:
      return doubleOp(op);
  }
}

function intOp(op: Op): BinaryFn {
  switch (op) {
    case '+':
      return (a, b) => ((a as number) + (b as number)) | 0;
    case '-':
      return (a, b) => ((a as number) - (b as number)) | 0;
    case '*':
      return (a, b) => Math.imul(a as number, b as number);
    case '/':
      return (a, b) => ((b as number) === 0 ? null : Math.trunc((a as number) / (b as number)) | 0);
    case '%':
      return (a, b) => ((b as number) === 0 ? null : ((a as number) % (b as number)) | 0);
  }
}

function bigintOp(op: Op): BinaryFn {
  const wrap = (n: bigint) => BigInt.asIntN(64, n);
  switch (op) {
    case '+':
      return (a, b) => wrap((a as bigint) + (b as bigint));
    case '-':
      return (a, b) => wrap((a as bigint) - (b as bigint));
    case '*':
      return (a, b) => wrap((a as bigint) * (b as bigint));
    case '/':
      return (a, b) => ((b as bigint) === 0n ? null : wrap((a as bigint) / (b as bigint)));
    case '%':
      return (a, b) => ((b as bigint) === 0n ? null : (a as bigint) % (b as bigint));
  }
}

function doubleOp(op: Op): BinaryFn {
  switch (op) {
    case '+':
      return (a, b) => (a as number) + (b as number);
    case '-':
      return (a, b) => (a as number) - (b as number);
    case '*':
      return (a, b) => (a as number) * (b as number);
    case '/':
      return (a, b) => (a as number) / (b as number);
    case '%':
      return (a, b) => (a as number) % (b as number);
  }
}

function decimalOp(op: Op, scale: number): BinaryFn {
  switch (op) {
    case '+':
      return (a, b) => (a as Decimal).add(b as Decimal).rescale(scale);
    case '-':
      return (a, b) => (a as Decimal).subtract(b as Decimal).rescale(scale);
    case '*':
      return (a, b) => (a as Decimal).multiply(b as Decimal).rescale(scale);
    case '/':
      return (a, b) => ((b as Decimal).unscaled === 0n ? null : (a as Decimal).divide(b as Decimal, scale));
    case '%':
      return (a, b) => ((b as Decimal).unscaled === 0n ? null : (a as Decimal).remainder(b as Decimal).rescale(scale));
  }
}

/** A comparator for two non-NULL values of the same type. */
export function comparator(type: SqlType): (a: Value, b: Value) => number {
  if (type.kind === 'DECIMAL') return (a, b) => (a as Decimal).compare(b as Decimal);
  if (type.kind === 'BYTES') return (a, b) => Buffer.compare(a as Uint8Array, b as Uint8Array);
  return (a, b) => {
    const x = a as number | string | bigint | boolean;
    const y = b as number | string | bigint | boolean;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Equality for two non-NULL values of the same type (containers compare structurally). */
export function equality(type: SqlType): (a: Value, b: Value) => boolean {
  if (type.kind === 'DECIMAL') return (a, b) => (a as Decimal).compare(b as Decimal) === 0;
  if (type.kind === 'BYTES') return (a, b) => Buffer.compare(a as Uint8Array, b as Uint8Array) === 0;
  if (type.kind === 'ARRAY' || type.kind === 'MAP' || type.kind === 'STRUCT') {
    return (a, b) => JSON.stringify(a, jsonSafe) === JSON.stringify(b, jsonSafe);
  }
  return (a, b) => a === b;
}

function jsonSafe(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Map) return [...v.entries()].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1));
  if (v instanceof Decimal) return `${v.toString()}d`;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return v;
}
