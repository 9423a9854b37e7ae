// Catalog: an immutable snapshot of the metastore (sources and persistent queries) and its lookups.

import { EngineError, type SourceSpan, type SqlType } from '../common/index.js';
import type { QueryDefinition } from './query-definition.js';
import type { SourceDefinition } from './source-definition.js';

export interface Catalog {
  readonly sources: ReadonlyMap<string, SourceDefinition>;
  readonly queries: ReadonlyMap<string, QueryDefinition>;
  /** `CREATE TYPE` aliases, by upper-cased (unless quoted) name. */
  readonly types: ReadonlyMap<string, SqlType>;
}

export const emptyCatalog: Catalog = { sources: new Map(), queries: new Map(), types: new Map() };

export function catalogOf(
  sources: readonly SourceDefinition[],
  queries: readonly QueryDefinition[],
  types: readonly { readonly name: string; readonly type: SqlType }[] = [],
): Catalog {
  return {
    sources: new Map(sources.map((s) => [s.name, s])),
    queries: new Map(queries.map((q) => [q.id, q])),
    types: new Map(types.map((t) => [t.name, t.type])),
  };
}

/** The source named `name`, or an UNKNOWN_SOURCE error that suggests the closest existing name. */
export function requireSource(catalog: Catalog, name: string, span?: SourceSpan): SourceDefinition {
  const found = catalog.sources.get(name);
  if (found !== undefined) return found;
  const suggestion = closestName(name, [...catalog.sources.keys()]);
  const hint = suggestion === null ? '' : ` Did you mean ${suggestion}?`;
  throw new EngineError('UNKNOWN_SOURCE', `${name} does not exist.${hint}`, span);
}

/** Queries that read from or write to the source. */
export function queriesUsing(catalog: Catalog, sourceName: string): QueryDefinition[] {
  return [...catalog.queries.values()].filter((q) => q.sink === sourceName || q.sources.includes(sourceName));
}

/** The candidate nearest to `name` by edit distance, if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toUpperCase(), candidate.toUpperCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
