// Analysis of the test runner's ASSERT statements: expected records as bound values, expected sources as checks.

import { requireSource, type Catalog } from '../catalog/index.js';
import { columnConstraintText, formatSqlType, type Column } from '../common/index.js';
import type { AssertNullValues, AssertSource, AssertValues, Identifier } from '../sql/index.js';
import type { AnalysisContext } from './analysis-context.js';
import { declaredColumn } from './analyze-create-source.js';
import { analyzeInsertValues } from './analyze-insert.js';
import type { BoundAssertSource, BoundAssertValues } from './bound-statement.js';
import { resolveType } from './resolve-type.js';
import { WithProperties } from './with-properties.js';

/** `ASSERT VALUES` binds like `INSERT … VALUES` into the sink; `ASSERT NULL VALUES` binds the key columns only. */
export function analyzeAssertValues(stmt: AssertValues | AssertNullValues, catalog: Catalog): BoundAssertValues {
  const target = requireSource(catalog, stmt.target.name, stmt.target.span);
  const tombstone = stmt.kind === 'AssertNullValues';
  const values = stmt.kind === 'AssertValues' ? stmt.values : stmt.keys;
  const columns: readonly Identifier[] | null =
    stmt.columns ??
    (tombstone
      ? target.schema.columns.filter((c) => c.namespace === 'key').map((c): Identifier => ({ kind: 'Identifier', name: c.name, quoted: true, span: stmt.target.span }))
      : null);
  // Read-only sources can be asserted on: bind as if they were writable.
  const bound = analyzeInsertValues({ kind: 'InsertValues', target: stmt.target, columns, values, span: stmt.span }, withWritable(catalog, target.name));
  return { kind: 'BoundAssertValues', target, values: bound.values, rowtime: bound.rowtime, tombstone };
}

function withWritable(catalog: Catalog, name: string): Catalog {
  const source = catalog.sources.get(name);
  if (source === undefined || !source.readOnly) return catalog;
  const sources = new Map(catalog.sources);
  sources.set(name, { ...source, readOnly: false });
  return { ...catalog, sources };
}

/** Compares the source with the asserted kind, columns (when listed) and each WITH property given. */
export function analyzeAssertSource(stmt: AssertSource, ctx: AnalysisContext): BoundAssertSource {
  const source = requireSource(ctx.catalog, stmt.name.name, stmt.name.span);
  const problems: string[] = [];
  if (source.kind !== stmt.sourceKind) problems.push(`${source.name} is a ${source.kind}, not a ${stmt.sourceKind}`);
  if (stmt.columns.length > 0) {
    const expected: Column[] = stmt.columns.map((c) => declaredColumn(c, resolveType(c.type)));
    const show = (cols: readonly Column[]) => cols.map((c) => `${c.name} ${formatSqlType(c.type)}${columnConstraintText(c)}`).join(', ');
    const actual = source.schema.columns.filter((c) => c.namespace !== 'pseudo');
    const sorted = [...expected.filter((c) => c.namespace === 'key'), ...expected.filter((c) => c.namespace !== 'key')];
    if (show(sorted) !== show(actual)) problems.push(`schema: expected (${show(sorted)}) but was (${show(actual)})`);
  }
  const props = new WithProperties(stmt.properties, stmt.span);
  const check = (name: string, expected: string | number | boolean | undefined, actual: string | number | boolean | null | undefined) => {
    if (expected === undefined) return;
    const same = typeof expected === 'string' && typeof actual === 'string' && name !== 'KAFKA_TOPIC' ? expected.toUpperCase() === actual.toUpperCase() : expected === actual;
    if (!same) problems.push(`${name}: expected ${String(expected)} but was ${String(actual ?? 'none')}`);
  };
  check('KAFKA_TOPIC', props.string('KAFKA_TOPIC'), source.topic);
  check('KEY_FORMAT', props.format('KEY_FORMAT') ?? props.format('FORMAT'), source.formats.keyFormat);
  check('VALUE_FORMAT', props.format('VALUE_FORMAT') ?? props.format('FORMAT'), source.formats.valueFormat);
  check('WRAP_SINGLE_VALUE', props.boolean('WRAP_SINGLE_VALUE'), source.formats.wrapSingleValue);
  check('PARTITIONS', props.int('PARTITIONS'), ctx.topics.get(source.topic)?.partitions);
  const ts = props.string('TIMESTAMP');
  check('TIMESTAMP', ts === undefined ? undefined : /^`.*`$|^".*"$/.test(ts) ? ts.slice(1, -1) : ts.toUpperCase(), source.timestampColumn);
  return { kind: 'BoundAssertSource', source, problems };
}
