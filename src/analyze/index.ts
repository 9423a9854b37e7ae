// analyze: AST + catalog → bound statements (names resolved, types checked, located errors).

export { analyze } from './analyze.js';
export { propertyNames } from './with-properties.js';
export type * from './analysis-context.js';
export type * from './bound-statement.js';
export type * from './bound-command.js';
export type * from './bound-expr.js';
export type * from './bound-join.js';
export { referencedColumns, transformBoundExpr } from './bound-expr.js';
