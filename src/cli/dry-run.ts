// dryRun: checks a script without touching a data directory — DDL applies to an in-memory one.

import type { Engine } from '../engine/index.js';
import type { ParsedStatement, Statement } from '../sql/index.js';

/** Statements that only change definitions, applied so that later statements see them. */
const DEFINITIONS: ReadonlySet<Statement['kind']> = new Set([
  'CreateSource',
  'CreateAsSelect',
  'DropSource',
  'SetProperty',
  'UnsetProperty',
  'CreateType',
  'DropType',
  'AlterSource',
]);

/**
 * For each statement: `visit` gets it first (EXPLAIN printing), then definitions are applied to the
 * in-memory engine and everything else is only analyzed. Throws the first located error.
 */
export async function dryRun(engine: Engine, statements: readonly ParsedStatement[], visit: (s: ParsedStatement) => Promise<void>): Promise<void> {
  for (const parsed of statements) {
    await visit(parsed);
    const statement = engine.resolve(parsed);
    if (DEFINITIONS.has(statement.statement.kind)) await engine.execute(statement);
    else await engine.check(statement);
  }
}
