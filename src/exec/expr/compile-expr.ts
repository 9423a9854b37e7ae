// compileExpr: turns a BoundExpr into a closure over a positional row, once per query.

import { assertNever, Decimal, type Row, type Value } from '../../common/index.js';
import { findFunction, implementationFor } from '../../functions/index.js';
import type { BoundExpr } from '../../plan/index.js';
import { arithmetic, comparator, equality } from './arithmetic.js';
import { caster } from './cast.js';
import { compileComposite } from './compile-composite.js';
import { likeRegExp } from './like.js';
import { literalValue } from './literal-value.js';

export type CompiledExpr = (row: Row) => Value;

export function compileExpr(expr: BoundExpr): CompiledExpr {
  switch (expr.kind) {
    case 'Literal': {
      const v = literalValue(expr);
      return () => v;
    }
    case 'ColumnRef': {
      const i = expr.index;
      return (row) => row[i] ?? null;
    }
    case 'Arithmetic': {
      const l = compileExpr(expr.left);
      const r = compileExpr(expr.right);
      const fn = arithmetic(expr.op, expr.left.type, expr.type);
      return (row) => {
        const a = l(row);
        if (a === null) return null;
        const b = r(row);
        return b === null ? null : fn(a, b);
      };
    }
    case 'Negate': {
      const o = compileExpr(expr.operand);
      return (row) => {
        const v = o(row);
        if (v === null) return null;
        if (typeof v === 'bigint') return BigInt.asIntN(64, -v);
        if (v instanceof Decimal) return v.negate();
        return expr.type.kind === 'INT' ? -(v as number) | 0 : -(v as number);
      };
    }
    case 'Comparison':
      return compileComparison(expr);
    case 'Logical': {
      const l = compileExpr(expr.left);
      const r = compileExpr(expr.right);
      if (expr.op === 'AND') {
        return (row) => {
          const a = l(row);
          if (a === false) return false;
          const b = r(row);
          if (b === false) return false;
          return a === null || b === null ? null : true;
        };
      }
      return (row) => {
        const a = l(row);
        if (a === true) return true;
        const b = r(row);
        if (b === true) return true;
        return a === null || b === null ? null : false;
      };
    }
    case 'Not': {
      const o = compileExpr(expr.operand);
      return (row) => {
        const v = o(row);
        return v === null ? null : !v;
      };
    }
    case 'IsNull': {
      const o = compileExpr(expr.operand);
      return expr.negated ? (row) => o(row) !== null : (row) => o(row) === null;
    }
    case 'Like':
      return compileLike(expr);
    case 'Between': {
      const v = compileExpr(expr.value);
      const lo = compileExpr(expr.low);
      const hi = compileExpr(expr.high);
      const cmp = comparator(expr.value.type);
      const negated = expr.negated;
      return (row) => {
        const x = v(row);
        const a = lo(row);
        const b = hi(row);
        if (x === null || a === null || b === null) return null;
        const inside = cmp(x, a) >= 0 && cmp(x, b) <= 0;
        return negated ? !inside : inside;
      };
    }
    case 'InList': {
      const v = compileExpr(expr.value);
      const items = expr.list.map(compileExpr);
      const eq = equality(expr.value.type);
      const negated = expr.negated;
      return (row) => {
        const x = v(row);
        if (x === null) return null;
        let sawNull = false;
        for (const item of items) {
          const y = item(row);
          if (y === null) sawNull = true;
          else if (eq(x, y)) return !negated;
        }
        return sawNull ? null : negated;
      };
    }
    case 'Case': {
      const whens = expr.whens.map((w) => [compileExpr(w.when), compileExpr(w.then)] as const);
      const otherwise = expr.otherwise === null ? null : compileExpr(expr.otherwise);
      return (row) => {
        for (const [when, then] of whens) if (when(row) === true) return then(row);
        return otherwise === null ? null : otherwise(row);
      };
    }
    case 'Cast': {
      const o = compileExpr(expr.operand);
      const convert = caster(expr.operand.type, expr.type);
      return (row) => convert(o(row));
    }
    case 'Concat': {
      const l = compileExpr(expr.left);
      const r = compileExpr(expr.right);
      return (row) => {
        const a = l(row);
        const b = r(row);
        return a === null || b === null ? null : (a as string) + (b as string);
      };
    }
    case 'Call': {
      const fn = findFunction(expr.name);
      if (fn === undefined) throw new Error(`function ${expr.name} is not registered`);
      const args = expr.args.map(compileExpr);
      const invoke = implementationFor(fn, expr.args.map((a) => a.type));
      if (fn.callOnNull === true) return (row) => invoke(args.map((a) => a(row)));
      return (row) => {
        const values: Value[] = [];
        for (const a of args) {
          const v = a(row);
          if (v === null) return null;
          values.push(v);
        }
        return invoke(values);
      };
    }
    case 'IsDistinct':
    case 'Subscript':
    case 'Dereference':
    case 'ArrayConstruct':
    case 'MapConstruct':
    case 'StructConstruct':
    case 'Lambda':
    case 'LambdaVariable':
      return compileComposite(expr, compileExpr);
    default:
      return assertNever(expr, 'expression');
  }
}

function compileComparison(expr: Extract<BoundExpr, { kind: 'Comparison' }>): CompiledExpr {
  const l = compileExpr(expr.left);
  const r = compileExpr(expr.right);
  const type = expr.left.type;
  if (expr.op === '=' || expr.op === '<>') {
    const eq = equality(type);
    const want = expr.op === '=';
    return (row) => {
      const a = l(row);
      if (a === null) return null;
      const b = r(row);
      return b === null ? null : eq(a, b) === want;
    };
  }
  const cmp = comparator(type);
  const test: (c: number) => boolean =
    expr.op === '<' ? (c) => c < 0 : expr.op === '<=' ? (c) => c <= 0 : expr.op === '>' ? (c) => c > 0 : (c) => c >= 0;
  return (row) => {
    const a = l(row);
    if (a === null) return null;
    const b = r(row);
    return b === null ? null : test(cmp(a, b));
  };
}

function compileLike(expr: Extract<BoundExpr, { kind: 'Like' }>): CompiledExpr {
  const value = compileExpr(expr.value);
  const negated = expr.negated;
  const escape = expr.escape === null ? null : compileExpr(expr.escape);
  if (expr.pattern.kind === 'Literal' && (expr.escape === null || expr.escape.kind === 'Literal')) {
    const p = expr.pattern.value;
    const e = expr.escape?.kind === 'Literal' ? (literalValue(expr.escape) as string | null) : null;
    if (p === null) return () => null;
    const re = likeRegExp(String(p), e);
    return (row) => {
      const v = value(row);
      return v === null ? null : re.test(v as string) !== negated;
    };
  }
  const pattern = compileExpr(expr.pattern);
  const cache = new Map<string, RegExp>();
  return (row) => {
    const v = value(row);
    const p = pattern(row);
    const e = escape === null ? null : escape(row);
    if (v === null || p === null) return null;
    const cacheKey = `${e === null ? '' : (e as string)}\u0000${p as string}`;
    let re = cache.get(cacheKey);
    if (re === undefined) {
      re = likeRegExp(p as string, e as string | null);
      if (cache.size < 1000) cache.set(cacheKey, re);
    }
    return re.test(v as string) !== negated;
  };
}
