// exec/expr: expression compilation to closures.

export { compileExpr, type CompiledExpr } from './compile-expr.js';
export { caster } from './cast.js';
