// Scope: the columns visible to an expression, by name and optional source qualifier.

import { closestName } from '../catalog/index.js';
import { EngineError, type Schema, type SourceSpan, type SqlType } from '../common/index.js';

export interface Scope {
  /** The names a column may be qualified with (the source name and its alias). */
  readonly qualifiers: readonly string[];
  readonly schema: Schema;
  /** Parameters of the enclosing lambdas, innermost last wins: they shadow columns of the same name. */
  readonly lambdas?: ReadonlyMap<string, SqlType>;
  /** `CREATE TYPE` aliases, for CAST(x AS alias). */
  readonly types?: ReadonlyMap<string, SqlType>;
  /** In a join: per column, the qualifiers that name its source (columns of two sources may share a name). */
  readonly columnQualifiers?: readonly (readonly string[])[];
}

export const emptyScope: Scope = { qualifiers: [], schema: { columns: [] } };

/** The index of the column in the scope's schema, or a located UNKNOWN_COLUMN error with a suggestion. */
export function resolveColumn(scope: Scope, qualifier: string | null, name: string, span: SourceSpan): number {
  if (qualifier !== null && !scope.qualifiers.includes(qualifier)) {
    const suggestion = closestName(qualifier, scope.qualifiers);
    throw new EngineError(
      'UNKNOWN_SOURCE',
      `${qualifier} is not a source in this query.${suggestion === null ? '' : ` Did you mean ${suggestion}?`}`,
      span,
    );
  }
  const index = scope.columnQualifiers === undefined ? scope.schema.columns.findIndex((c) => c.name === name) : joinedColumn(scope, scope.columnQualifiers, qualifier, name, span);
  if (index >= 0) return index;
  if (scope.schema.columns.length === 0) {
    throw new EngineError('UNKNOWN_COLUMN', `Column ${name} cannot be used here: this expression may not refer to columns.`, span);
  }
  const suggestion = closestName(
    name,
    scope.schema.columns.map((c) => c.name),
  );
  throw new EngineError('UNKNOWN_COLUMN', `Column ${name} cannot be resolved.${suggestion === null ? '' : ` Did you mean ${suggestion}?`}`, span);
}

/** A column of a join: the qualifier picks the source; unqualified, the name must be in one source only. */
function joinedColumn(scope: Scope, qualifiers: readonly (readonly string[])[], qualifier: string | null, name: string, span: SourceSpan): number {
  const found = scope.schema.columns.flatMap((c, i) => (c.name === name && (qualifier === null || (qualifiers[i] ?? []).includes(qualifier)) ? [i] : []));
  const [first, second] = found;
  if (first === undefined) return -1;
  // ROWTIME and the other pseudo columns, unqualified, are the first source's.
  if (second !== undefined && scope.schema.columns[first]?.namespace !== 'pseudo') {
    const names = found.map((i) => qualifiers[i]?.[qualifiers[i].length - 1] ?? '?');
    throw new EngineError('AMBIGUOUS_COLUMN', `Column ${name} is in more than one source: qualify it (${names.map((q) => `${q}.${name}`).join(' or ')}).`, span);
  }
  return first;
}
