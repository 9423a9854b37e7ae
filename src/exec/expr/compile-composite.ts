// Compiled composite expressions: constructors, subscripts, `->`, IS DISTINCT FROM and lambdas.

import type { LambdaValue, MapKey, Value, ValueMap, ValueStruct } from '../../common/index.js';
import type { BoundExpr } from '../../plan/index.js';
import { equality } from './arithmetic.js';
import type { CompiledExpr } from './compile-expr.js';

type Compile = (expr: BoundExpr) => CompiledExpr;

type CompositeExpr = Extract<
  BoundExpr,
  { kind: 'IsDistinct' | 'Subscript' | 'Dereference' | 'ArrayConstruct' | 'MapConstruct' | 'StructConstruct' | 'Lambda' | 'LambdaVariable' }
>;

/** Lambda parameters in scope while compiling: innermost last. Compilation is synchronous, so a stack suffices. */
const lambdaScopes: Map<string, { value: Value }>[] = [];

export function compileComposite(expr: CompositeExpr, compile: Compile): CompiledExpr {
  switch (expr.kind) {
    case 'IsDistinct': {
      const l = compile(expr.left);
      const r = compile(expr.right);
      const eq = equality(expr.left.type);
      const negated = expr.negated;
      return (row) => {
        const a = l(row);
        const b = r(row);
        const same = a === null || b === null ? a === b : eq(a, b);
        return negated ? same : !same;
      };
    }
    case 'Subscript': {
      const base = compile(expr.base);
      const index = compile(expr.index);
      if (expr.base.type.kind === 'MAP') {
        return (row) => {
          const m = base(row) as ValueMap | null;
          const k = index(row);
          return m === null || k === null ? null : (m.entries.get(k as MapKey) ?? null);
        };
      }
      return (row) => {
        const a = base(row) as readonly Value[] | null;
        const i = index(row) as number | null;
        if (a === null || i === null) return null;
        const at = i > 0 ? i - 1 : i < 0 ? a.length + i : -1;
        return at >= 0 && at < a.length ? (a[at] ?? null) : null;
      };
    }
    case 'Dereference': {
      const base = compile(expr.base);
      const field = expr.field;
      return (row) => {
        const s = base(row) as ValueStruct | null;
        return s === null ? null : (s.fields[field] ?? null);
      };
    }
    case 'ArrayConstruct': {
      const elements = expr.elements.map(compile);
      return (row) => elements.map((e) => e(row));
    }
    case 'MapConstruct': {
      const entries = expr.entries.map((e) => [compile(e.key), compile(e.value)] as const);
      return (row) => {
        const m = new Map<MapKey, Value>();
        for (const [k, v] of entries) {
          const key = k(row);
          if (key !== null) m.set(key as MapKey, v(row));
        }
        return { kind: 'map', entries: m };
      };
    }
    case 'StructConstruct': {
      const fields = expr.fields.map((f) => [f.name, compile(f.value)] as const);
      return (row) => {
        const out: Record<string, Value> = {};
        for (const [name, value] of fields) out[name] = value(row);
        return { kind: 'struct', fields: out };
      };
    }
    case 'Lambda': {
      const holders = expr.params.map(() => ({ value: null as Value }));
      lambdaScopes.push(new Map(expr.params.map((p, i) => [p, holders[i] ?? { value: null }])));
      let body: CompiledExpr;
      try {
        body = compile(expr.body);
      } finally {
        lambdaScopes.pop();
      }
      return (row) => {
        const fn: LambdaValue = (...args) => {
          // Save and restore, so that a lambda called from inside its own body's function stays correct.
          const saved = holders.map((h) => h.value);
          holders.forEach((h, i) => (h.value = args[i] ?? null));
          try {
            return body(row);
          } finally {
            holders.forEach((h, i) => (h.value = saved[i] ?? null));
          }
        };
        return fn as unknown as Value;
      };
    }
    case 'LambdaVariable': {
      for (let i = lambdaScopes.length - 1; i >= 0; i--) {
        const holder = lambdaScopes[i]?.get(expr.name);
        if (holder !== undefined) return () => holder.value;
      }
      throw new Error(`lambda variable ${expr.name} is not in scope`);
    }
  }
}
