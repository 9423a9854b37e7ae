// Analysis of INSERT INTO … VALUES: target columns, ROWTIME, and value types.

import { closestName, requireSource, type Catalog } from '../catalog/index.js';
import { EngineError, formatSqlType, parseDate, parseTime, parseTimestamp, SqlTypes, type SqlType } from '../common/index.js';
import type { InsertValues } from '../sql/index.js';
import { bindExpr } from './bind-expr.js';
import type { BoundExpr } from './bound-expr.js';
import type { BoundInsertValues } from './bound-statement.js';
import { emptyScope } from './scope.js';
import { coerce, isAssignable } from './type-coercion.js';

export function analyzeInsertValues(stmt: InsertValues, catalog: Catalog): BoundInsertValues {
  const target = requireSource(catalog, stmt.target.name, stmt.target.span);
  if (target.readOnly) {
    throw new EngineError('INVALID_STATEMENT', `${target.name} was created with CREATE SOURCE and is read-only.`, stmt.target.span);
  }
  if (target.window !== undefined && target.window !== null) {
    throw new EngineError('INVALID_STATEMENT', `${target.name} has windowed keys (${target.window.kind}): INSERT … VALUES cannot write a window into a key.`, stmt.target.span);
  }
  const columns = target.schema.columns;
  // Header columns are read-only: a row without a column list gives the key and value columns.
  const names = stmt.columns?.map((c) => c.name) ?? columns.filter((c) => c.namespace !== 'header').map((c) => c.name);
  if (names.length !== stmt.values.length) {
    throw new EngineError(
      'INVALID_STATEMENT',
      `Expected ${names.length} value(s) for (${names.join(', ')}), but got ${stmt.values.length}.`,
      stmt.span,
    );
  }
  const values: (BoundExpr | null)[] = columns.map(() => null);
  let rowtime: BoundExpr | null = null;
  names.forEach((name, i) => {
    const valueExpr = stmt.values[i];
    const span = stmt.columns?.[i]?.span ?? valueExpr?.span;
    if (valueExpr === undefined) return;
    if (name === 'ROWTIME') {
      const bound = bindExpr(valueExpr, emptyScope, SqlTypes.BIGINT);
      if (!isAssignable(bound.type, SqlTypes.BIGINT)) {
        throw new EngineError('TYPE_MISMATCH', `ROWTIME must be a BIGINT (epoch milliseconds), not ${formatSqlType(bound.type)}.`, valueExpr.span);
      }
      rowtime = coerce(bound, SqlTypes.BIGINT);
      return;
    }
    const index = columns.findIndex((c) => c.name === name);
    const column = columns[index];
    if (column === undefined) {
      const suggestion = closestName(name, [...columns.map((c) => c.name), 'ROWTIME']);
      throw new EngineError('UNKNOWN_COLUMN', `${target.name} has no column ${name}.${suggestion === null ? '' : ` Did you mean ${suggestion}?`}`, span);
    }
    if (column.namespace === 'header') {
      throw new EngineError('INVALID_STATEMENT', `${name} is a header column of ${target.name}: header columns are read-only (INSERT writes no headers).`, span);
    }
    if (values[index] !== null) throw new EngineError('INVALID_STATEMENT', `Column ${name} is given twice.`, span);
    const bound = bindExpr(valueExpr, { ...emptyScope, types: catalog.types }, column.type);
    if (isTemporalText(bound, column.type)) {
      const text = String((bound as { value: unknown }).value);
      const parsed = column.type.kind === 'DATE' ? parseDate(text) : column.type.kind === 'TIME' ? parseTime(text) : parseTimestamp(text);
      if (parsed === null) {
        throw new EngineError('TYPE_MISMATCH', `'${text}' is not a valid ${column.type.kind} (expected ISO-8601, e.g. ${TEMPORAL_EXAMPLES[column.type.kind]}).`, valueExpr.span);
      }
      values[index] = coerce(bound, column.type);
      return;
    }
    if (!isAssignable(bound.type, column.type)) {
      throw new EngineError(
        'TYPE_MISMATCH',
        `Column ${name} is ${formatSqlType(column.type)}, but the value is ${formatSqlType(bound.type)}.`,
        valueExpr.span,
      );
    }
    values[index] = coerce(bound, column.type);
  });
  return {
    kind: 'BoundInsertValues',
    target,
    values: values.map((v, i) => v ?? { kind: 'Literal', type: columns[i]?.type ?? SqlTypes.STRING, value: null }),
    rowtime,
  };
}

/** A STRING literal given for a DATE, TIME or TIMESTAMP column is read as ISO-8601 text, as in ksqlDB. */
function isTemporalText(bound: BoundExpr, type: SqlType): boolean {
  return bound.kind === 'Literal' && bound.type.kind === 'STRING' && (type.kind === 'DATE' || type.kind === 'TIME' || type.kind === 'TIMESTAMP');
}

const TEMPORAL_EXAMPLES: Readonly<Record<string, string>> = { DATE: "'2024-01-15'", TIME: "'10:20:30'", TIMESTAMP: "'2024-01-15T10:20:30.000'" };
