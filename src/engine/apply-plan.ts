// planApply: what `eddy apply` must do to make the catalog match a set of definition files.

import type { BoundStatement } from '../analyze/index.js';
import { queriesUsing, type Catalog, type SourceDefinition } from '../catalog/index.js';
import { EngineError, type SourceSpan } from '../common/index.js';
import { formatSql, parse, type ParsedStatement, type Statement } from '../sql/index.js';
import { replaceIncompatibility } from './replace-query.js';

/** A statement of a definition file. */
export interface Definition {
  readonly statement: ParsedStatement;
  readonly file: string;
}

/** An error in one of the definition files (`file` says which; the span is inside it). */
export class DefinitionError extends EngineError {
  constructor(
    readonly file: string,
    message: string,
    span: SourceSpan,
  ) {
    super('INVALID_STATEMENT', message, span);
  }
}

export type SourceNoun = 'STREAM' | 'TABLE';

export type ApplyAction =
  | { readonly kind: 'create'; readonly name: string; readonly noun: SourceNoun; readonly definition: Definition }
  /** `refused`: why the change cannot be applied in place (null: it can). */
  | { readonly kind: 'replace'; readonly name: string; readonly noun: SourceNoun; readonly definition: Definition; readonly refused: string | null }
  | { readonly kind: 'unchanged'; readonly name: string; readonly noun: SourceNoun; readonly definition: Definition }
  /** In the catalog but not in the files: dropped with --prune (its query terminated first). */
  | { readonly kind: 'drop'; readonly name: string; readonly noun: SourceNoun; readonly queryId: string | null }
  /** In the catalog but not in the files, and not pruned. */
  | { readonly kind: 'keep'; readonly name: string; readonly noun: SourceNoun }
  | { readonly kind: 'set'; readonly definition: Definition };

/**
 * Compares each definition with the catalog by name: missing → create, same statement (after
 * formatting, ignoring OR REPLACE / IF NOT EXISTS) → unchanged, otherwise replace (refused with a
 * reason when the change cannot keep the query's offsets). Sources no file defines are dropped
 * (with `prune`, readers before what they read) or kept. Definitions run in file order.
 */
export function planApply(
  catalog: Catalog,
  definitions: readonly Definition[],
  prune: boolean,
  analyzeStatement: (s: ParsedStatement) => BoundStatement,
): ApplyAction[] {
  const actions: ApplyAction[] = [];
  const desired = new Map<string, Definition>();
  for (const definition of definitions) {
    const stmt = definition.statement.statement;
    if (stmt.kind === 'SetProperty' || stmt.kind === 'UnsetProperty') {
      actions.push({ kind: 'set', definition });
      continue;
    }
    if (stmt.kind !== 'CreateSource' && stmt.kind !== 'CreateAsSelect') {
      throw new DefinitionError(
        definition.file,
        'eddy apply takes definitions only: CREATE STREAM|TABLE, CREATE … AS SELECT, SET and UNSET (run other statements with eddy run).',
        definition.statement.span,
      );
    }
    const name = stmt.name.name;
    const earlier = desired.get(name);
    if (earlier !== undefined) {
      throw new DefinitionError(definition.file, `${name} is defined twice (also in ${earlier.file}:${earlier.statement.span.start.line}).`, stmt.name.span);
    }
    desired.set(name, definition);
    const existing = catalog.sources.get(name);
    const noun = stmt.sourceKind;
    if (existing === undefined) actions.push({ kind: 'create', name, noun, definition });
    else if (normalized(stmt) === normalizedText(existing.sql)) actions.push({ kind: 'unchanged', name, noun, definition });
    else actions.push({ kind: 'replace', name, noun, definition, refused: refusal(catalog, existing, definition, analyzeStatement) });
  }
  const removed = [...catalog.sources.values()].filter((s) => !desired.has(s.name));
  if (!prune) return [...actions, ...removed.map((s): ApplyAction => ({ kind: 'keep', name: s.name, noun: s.kind }))];
  return [...actions, ...dropOrder(catalog, removed).map((s): ApplyAction => ({ kind: 'drop', name: s.name, noun: s.kind, queryId: s.writtenBy }))];
}

/** The statement as canonical SQL, without the flags that do not change what it defines. */
function normalized(stmt: Statement): string {
  if (stmt.kind === 'CreateSource' || stmt.kind === 'CreateAsSelect') return formatSql({ ...stmt, orReplace: false, ifNotExists: false });
  return formatSql(stmt);
}

function normalizedText(sql: string): string {
  try {
    const [first] = parse(sql);
    return first === undefined ? sql : normalized(first.statement);
  } catch {
    return sql;
  }
}

function refusal(catalog: Catalog, existing: SourceDefinition, definition: Definition, analyzeStatement: (s: ParsedStatement) => BoundStatement): string | null {
  const stmt = definition.statement.statement;
  if (stmt.kind !== 'CreateSource' && stmt.kind !== 'CreateAsSelect') return null;
  if (existing.kind !== stmt.sourceKind) return `${existing.name} is a ${existing.kind.toLowerCase()}; it cannot become a ${stmt.sourceKind.toLowerCase()} in place`;
  if (stmt.kind === 'CreateSource') {
    if (existing.writtenBy !== null) return `${existing.name} is written by query ${existing.writtenBy}; a stream over a topic cannot replace it in place`;
    if (stmt.sourceKind !== 'TABLE') return null;
    // A table over a topic is replaced in place only by adding value columns: analysis says what else differs.
    try {
      analyzeStatement({ ...definition.statement, statement: { ...stmt, orReplace: true, ifNotExists: false } });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    return null;
  }
  const query = existing.writtenBy === null ? undefined : catalog.queries.get(existing.writtenBy);
  if (query === undefined) return `${existing.name} is a ${existing.kind.toLowerCase()} over a topic, not a query's sink; it cannot become one in place`;
  let bound: BoundStatement;
  try {
    bound = analyzeStatement({ ...definition.statement, statement: { ...stmt, orReplace: true, ifNotExists: false } });
  } catch (e) {
    // A definition that reads a source created earlier in this apply is checked when it runs.
    if (e instanceof EngineError && e.code === 'UNKNOWN_SOURCE') return null;
    return e instanceof Error ? e.message : String(e);
  }
  return bound.kind === 'BoundCreateAsSelect' ? replaceIncompatibility(catalog, query, bound) : null;
}

/** Sources to drop, each after every query that reads it is gone (readers' sinks first). */
function dropOrder(catalog: Catalog, removed: readonly SourceDefinition[]): SourceDefinition[] {
  const left = new Map(removed.map((s) => [s.name, s]));
  const out: SourceDefinition[] = [];
  while (left.size > 0) {
    const next = [...left.values()].find((s) => !queriesUsing(catalog, s.name).some((q) => q.sink !== s.name && left.has(q.sink)));
    // A cycle cannot happen (a query never reads its own sink); take any one if it did.
    const pick = next ?? [...left.values()][0];
    if (pick === undefined) break;
    out.push(pick);
    left.delete(pick.name);
  }
  return out;
}
