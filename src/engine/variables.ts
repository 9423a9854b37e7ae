// Variable substitution: `${name}` in a statement becomes the value DEFINE gave it (names are case-insensitive).

import { closestName } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { parse, type ParsedStatement } from '../sql/index.js';

/**
 * Substitutes the session's variables into a statement that uses them and parses the result. Errors
 * inside the substituted text point into the original statement (columns after a substitution shift).
 */
export function resolveVariables(parsed: ParsedStatement, variables: ReadonlyMap<string, string>): ParsedStatement {
  const stmt = parsed.statement;
  if (stmt.kind !== 'UnresolvedStatement') return parsed;
  const start = stmt.span.start;
  const text = stmt.text.replace(/\$\{([^}]*)\}/g, (match, raw: string, offset: number) => {
    const name = raw.trim().toUpperCase();
    const value = variables.get(name);
    if (value !== undefined) return value;
    const before = stmt.text.slice(0, offset).split('\n');
    const line = start.line + before.length - 1;
    const column = before.length === 1 ? start.column + offset : (before[before.length - 1] ?? '').length + 1;
    const at = { offset: start.offset + offset, line, column };
    const suggestion = closestName(name, [...variables.keys()]);
    throw new EngineError(
      'INVALID_STATEMENT',
      `Variable ${name} is not defined.${suggestion === null ? ` Define it first: DEFINE ${raw.trim()} = '…';` : ` Did you mean ${suggestion}?`}`,
      { start: at, end: { ...at, offset: at.offset + match.length, column: at.column + match.length } },
    );
  });
  // Padded so that positions in the substituted text are positions in the script (up to the first substitution).
  const padded = '\n'.repeat(start.line - 1) + ' '.repeat(start.column - 1) + text;
  let statements: ParsedStatement[];
  try {
    statements = parse(padded);
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.code, `${e.message} (after variable substitution)`, e.span);
    throw e;
  }
  const [only, extra] = statements;
  if (only === undefined || extra !== undefined) {
    throw new EngineError('SYNTAX_ERROR', 'After variable substitution this is not exactly one statement.', stmt.span);
  }
  return { ...only, text, span: parsed.span, directives: parsed.directives };
}
