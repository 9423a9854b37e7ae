// Materialized tables' lifecycle: create, drop, name checks against Eddy's own tables, and dumps.

import type Database from 'better-sqlite3';
import { EngineError } from '../common/index.js';
import type { MaterializedTableSpec } from '../exec/index.js';
import { materializedTableDdl } from './sqlite-materialized-table.js';
import { quoteSqlName, sqliteColumnType } from './sqlite-values.js';

/** Eddy's own tables in the data directory's database (plus any name starting with `eddy_` or `sqlite_`). */
const INTERNAL_TABLES = [
  'schema_versions',
  'catalog_sources',
  'catalog_queries',
  'catalog_counters',
  'consumer_offsets',
  'query_leases',
  'state_kv',
  'state_checkpoints',
  'catalog_types',
  'applied_files',
  'processing_log',
  'log_topics',
  'log_records',
];

/** Why `name` cannot be a materialized table's name, or null. SQLite table names ignore case. */
export function materializedNameProblem(db: Database.Database, name: string): string | null {
  const lower = name.toLowerCase();
  if (INTERNAL_TABLES.includes(lower) || lower.startsWith('eddy_') || lower.startsWith('sqlite_')) {
    return `${name} is reserved: Eddy keeps its own data in SQLite tables with that name (or prefix). Choose another name.`;
  }
  const existing = db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) = ?").get(lower);
  if (existing !== undefined) {
    return `${name} would be materialized as the SQLite table ${existing.name}, which already exists (SQLite table names ignore case).`;
  }
  return null;
}

/** Creates the SQLite table of a new table (inside the caller's transaction). */
export function createMaterializedTable(db: Database.Database, spec: MaterializedTableSpec): void {
  const problem = materializedNameProblem(db, spec.name);
  if (problem !== null) throw new EngineError('INVALID_STATEMENT', problem);
  const lower = spec.schema.columns.map((c) => c.name.toLowerCase());
  const clash = lower.find((n, i) => lower.indexOf(n) !== i || n === 'rowtime' || n === 'windowstart' || n === 'windowend');
  if (clash !== undefined) {
    throw new EngineError('INVALID_STATEMENT', `Column names of ${spec.name} must differ in more than case to be SQLite columns (${clash}).`);
  }
  db.exec(materializedTableDdl(spec));
}

export function dropMaterializedTable(db: Database.Database, name: string): void {
  db.exec(`DROP TABLE IF EXISTS ${quoteSqlName(name)}`);
}

/** The SQLite table's column names and rows as SQLite returns them, in primary-key order (tests, tools). */
export function dumpMaterializedTable(db: Database.Database, name: string): { columns: string[]; rows: unknown[][] } | null {
  const exists = db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
  if (exists === undefined) return null;
  const info = db.prepare(`PRAGMA table_info(${quoteSqlName(name)})`).all() as { name: string; pk: number }[];
  const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => quoteSqlName(c.name));
  const statement = db.prepare(`SELECT * FROM ${quoteSqlName(name)} ORDER BY ${pk.join(', ') || 'rowid'}`).raw(true).safeIntegers(true);
  return { columns: info.map((c) => c.name), rows: statement.all() as unknown[][] };
}

/**
 * Creates a table's SQLite table unless it exists (a process that learned of the table from
 * elsewhere), and adds the value columns it lacks (the table was altered: `ALTER TABLE … ADD`).
 */
export function ensureMaterializedTable(db: Database.Database, spec: MaterializedTableSpec): void {
  db.exec(materializedTableDdl(spec).replace(/^CREATE TABLE /, 'CREATE TABLE IF NOT EXISTS '));
  addMaterializedColumns(db, spec);
}

/** Adds the spec's value columns that the existing SQLite table lacks (their value is NULL in the rows already there). */
export function addMaterializedColumns(db: Database.Database, spec: MaterializedTableSpec): void {
  const present = new Set((db.prepare(`PRAGMA table_info(${quoteSqlName(spec.name)})`).all() as { name: string }[]).map((c) => c.name));
  if (present.size === 0) return;
  for (const c of spec.schema.columns) {
    if (c.namespace === 'value' && !present.has(c.name)) db.exec(`ALTER TABLE ${quoteSqlName(spec.name)} ADD COLUMN ${quoteSqlName(c.name)} ${sqliteColumnType(c.type)}`);
  }
}
