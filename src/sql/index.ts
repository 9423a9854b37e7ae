// sql: the SQL front end — parse text into the typed AST and format an AST back into SQL.

export { parse, parseDirectives, parseExpression } from './parse.js';
export { formatSql, formatExpr, formatType, formatIdentifier } from './format-sql.js';
export type * from './ast.js';
