// parse: SQL text → AST through the generated peggy parser; syntax errors become located EngineErrors.

import { EngineError, type SourcePosition, type SourceSpan } from '../common/index.js';
import type { Directive, Expr, ParsedStatement } from './ast.js';
import { parse as peggyParse, SyntaxError as PeggySyntaxError, type Expectation } from './generated/eddy-parser.js';

/** Parses a script of `;`-separated statements; empty input (or only comments) gives `[]`. */
export function parse(text: string): ParsedStatement[] {
  let statements: ParsedStatement[];
  try {
    statements = peggyParse(text);
  } catch (e) {
    throw toEngineError(e, text);
  }
  const directives = parseDirectives(text);
  if (directives.length === 0) return statements;
  let previousEnd = 0;
  return statements.map((s) => {
    const own = directives.filter((d) => d.line > previousEnd && d.line <= s.span.start.line);
    previousEnd = s.span.end.line;
    return own.length === 0 ? s : { ...s, directives: own };
  });
}

/** Every `--@name: value` comment line of a script (ksqlDB test directives), in order. */
export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*--@([^:\s]+)\s*(?::(.*))?$/.exec(line);
    if (m !== null) out.push({ name: m[1] ?? '', value: (m[2] ?? '').trim(), line: i + 1 });
  });
  return out;
}

/** Parses a single expression, e.g. `a + 1 > b`. */
export function parseExpression(text: string): Expr {
  try {
    return peggyParse(text, { startRule: 'ExprOnly' });
  } catch (e) {
    throw toEngineError(e, text);
  }
}

const START: SourceSpan = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

function toEngineError(e: unknown, text: string): EngineError {
  if (e instanceof EngineError) return e;
  if (e instanceof RangeError) return new EngineError('SYNTAX_ERROR', 'Statement is nested too deeply to parse', START);
  if (!(e instanceof PeggySyntaxError)) {
    const detail = e instanceof Error ? e.message : String(e);
    return new EngineError('SYNTAX_ERROR', `Could not parse the statement: ${detail}`, START);
  }
  const start = toPosition(e.location.start);
  // Errors raised by the grammar itself (`error(...)`) carry their own message and no expectations.
  if (e.expected === null || e.expected.length === 0) {
    return new EngineError('SYNTAX_ERROR', e.message.replace(/\.$/, ''), {
      start,
      end: toPosition(e.location.end),
    });
  }
  const token = tokenAt(text, start.offset);
  const end: SourcePosition =
    token === null
      ? toPosition(e.location.end)
      : { offset: start.offset + token.length, line: start.line, column: start.column + token.length };
  const expected = describeExpected(e.expected);
  const shown = token !== null && token.length > 40 ? `${token.slice(0, 37)}...` : token;
  const message =
    shown === null ? `Unexpected end of input: expected ${expected}` : `Expected ${expected} but ${JSON.stringify(shown)} found`;
  return new EngineError('SYNTAX_ERROR', message, { start, end });
}

function toPosition(p: { readonly offset: number; readonly line: number; readonly column: number }): SourcePosition {
  return { offset: p.offset, line: p.line, column: p.column };
}

/** `"," or FROM`, `"(", ")" or expression` — deduplicated, sorted, end of input last. */
function describeExpected(expected: readonly Expectation[]): string {
  const descriptions = new Set(expected.map(describeExpectation));
  // An identifier is an expression: listing both only adds noise.
  if (descriptions.has('expression')) descriptions.delete('identifier');
  const hasEnd = descriptions.delete('end of input');
  const list = [...descriptions].sort();
  if (hasEnd) list.push('end of input');
  if (list.length <= 1) return list[0] ?? 'something else';
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}`;
}

function describeExpectation(e: Expectation): string {
  switch (e.type) {
    case 'literal':
      return JSON.stringify(e.text);
    case 'other':
      return e.description;
    case 'end':
      return 'end of input';
    case 'any':
      return 'any character';
    case 'class':
      return `[${e.inverted ? '^' : ''}${e.parts.map((p) => (typeof p === 'string' ? p : `${p[0]}-${p[1]}`)).join('')}]`;
  }
}

const TOKEN =
  /^(?:[A-Za-z_][A-Za-z0-9_]*|\d[A-Za-z0-9_.]*|\.\d[A-Za-z0-9_]*|'(?:[^'\n]|'')*'|"(?:[^"\n]|"")*"|`(?:[^`\n]|``)*`|<>|<=|>=|!=|\|\||\S)/u;

/** The token the error points at (a word, number, quoted text or operator on one line); null at end of input. */
function tokenAt(text: string, offset: number): string | null {
  if (offset >= text.length) return null;
  return TOKEN.exec(text.slice(offset, offset + 200))?.[0] ?? text.charAt(offset);
}
