// SqliteMaterializedTable: a table's rows in a real SQLite table named after it (exec's MaterializedTable port).

import type Database from 'better-sqlite3';
import type { Column, Row, Value, WindowBounds } from '../common/index.js';
import type { KeyCondition, MaterializedRow, MaterializedTable, MaterializedTableSpec } from '../exec/index.js';
import { fromSqlite, quoteSqlName, sqliteColumnType, toSqlite, type SqliteValue } from './sqlite-values.js';

/** Not a user column: every materialized table also keeps each row's event time. */
export const ROWTIME_COLUMN = 'ROWTIME';
const WINDOW_COLUMNS = ['WINDOWSTART', 'WINDOWEND'] as const;
/** The most prepared scan statements a connection keeps. */
const SCAN_STATEMENTS = 64;

/**
 * Pull queries repeat a few shapes (key = ?, window ranges), each with a new table object: a
 * shape's statement is prepared once per connection. The text names the table and its columns, so
 * it reads whatever table has that name when it runs (SQLite re-prepares it after a schema change).
 */
const scanStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function scanStatement(db: Database.Database, sql: string): Database.Statement {
  let statements = scanStatements.get(db);
  if (statements === undefined) {
    statements = new Map();
    scanStatements.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    if (statements.size >= SCAN_STATEMENTS) statements.clear();
    statement = db.prepare(sql).raw(true).safeIntegers(true);
    statements.set(sql, statement);
  }
  return statement;
}

/** The CREATE TABLE statement: key columns, window bounds, value columns, ROWTIME; primary key (keys, window). */
export function materializedTableDdl(spec: MaterializedTableSpec): string {
  const keys = spec.schema.columns.filter((c) => c.namespace === 'key');
  const values = spec.schema.columns.filter((c) => c.namespace === 'value');
  const windowed = spec.window !== null;
  const defs = [
    ...keys.map((c) => `${quoteSqlName(c.name)} ${sqliteColumnType(c.type)} NOT NULL`),
    ...(windowed ? WINDOW_COLUMNS.map((w) => `${w} INTEGER NOT NULL`) : []),
    ...values.map((c) => `${quoteSqlName(c.name)} ${sqliteColumnType(c.type)}`),
    `${ROWTIME_COLUMN} INTEGER NOT NULL`,
  ];
  const pk = [...keys.map((c) => quoteSqlName(c.name)), ...(windowed ? WINDOW_COLUMNS : [])];
  return `CREATE TABLE ${quoteSqlName(spec.name)} (${defs.join(', ')}, PRIMARY KEY (${pk.join(', ')}))`;
}

export class SqliteMaterializedTable implements MaterializedTable {
  private readonly keys: { index: number; column: Column }[] = [];
  private readonly values: { index: number; column: Column }[] = [];
  private readonly windowed: boolean;
  private readonly table: string;
  private readonly keyNames: readonly string[];
  private readonly selectList: string;
  private readonly orderBy: string;
  /** Prepared on first use (by-key reads: an aggregation whose state is this table's rows). */
  private byKey: Database.Statement | null = null;
  /** Prepared on first use: a pull query's table only reads. */
  private writes: { upsert: Database.Statement; delete: Database.Statement; expire: Database.Statement | null } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly spec: MaterializedTableSpec,
  ) {
    spec.schema.columns.forEach((column, index) => {
      if (column.namespace === 'key') this.keys.push({ index, column });
      else if (column.namespace === 'value') this.values.push({ index, column });
    });
    this.windowed = spec.window !== null;
    this.table = quoteSqlName(spec.name);
    this.keyNames = [...this.keys.map((k) => quoteSqlName(k.column.name)), ...(this.windowed ? WINDOW_COLUMNS : [])];
    this.selectList = [...this.keyNames, ...this.values.map((v) => quoteSqlName(v.column.name)), ROWTIME_COLUMN].join(', ');
    this.orderBy = this.keyNames.join(', ');
  }

  upsert(row: Row, rowtime: number, window: WindowBounds | undefined): void {
    const args: SqliteValue[] = this.keyArgs(row, window);
    for (const v of this.values) args.push(toSqlite(row[v.index] ?? null, v.column.type));
    args.push(rowtime);
    this.writeStatements().upsert.run(...args);
  }

  delete(row: Row, window: WindowBounds | undefined): void {
    this.writeStatements().delete.run(...this.keyArgs(row, window));
  }

  expireWindows(bound: number): void {
    this.writeStatements().expire?.run(bound);
  }

  private writeStatements(): NonNullable<SqliteMaterializedTable['writes']> {
    if (this.writes === null) {
      const { db, table, keyNames } = this;
      const width = keyNames.length + this.values.length + 1;
      this.writes = {
        upsert: db.prepare(`INSERT OR REPLACE INTO ${table} (${this.selectList}) VALUES (${new Array<string>(width).fill('?').join(', ')})`),
        delete: db.prepare(`DELETE FROM ${table} WHERE ${keyNames.map((k) => `${k} = ?`).join(' AND ')}`),
        expire: this.windowed ? db.prepare(`DELETE FROM ${table} WHERE WINDOWEND < ?`) : null,
      };
    }
    return this.writes;
  }

  *scan(conditions: readonly KeyCondition[]): Iterable<MaterializedRow> {
    const where: string[] = [];
    const args: SqliteValue[] = [];
    for (const c of conditions) {
      const key = this.keys.find((k) => k.column.name === c.column);
      if (key === undefined && !(WINDOW_COLUMNS as readonly string[]).includes(c.column)) continue;
      where.push(`${quoteSqlName(c.column)} ${c.op} ?`);
      args.push(key === undefined ? Number(c.value) : toSqlite(c.value, key.column.type));
    }
    const sql = `SELECT ${this.selectList} FROM ${this.table}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${this.orderBy}`;
    const statement = scanStatement(this.db, sql);
    // Read at once: an open iterator would keep the shared connection busy for other statements.
    for (const raw of statement.all(...args) as unknown[][]) yield this.rowOf(raw);
  }

  get(key: readonly Value[]): MaterializedRow | undefined {
    if (this.windowed) throw new Error(`a by-key read of windowed table ${this.spec.name}`);
    this.byKey ??= this.db
      .prepare(`SELECT ${this.selectList} FROM ${this.table} WHERE ${this.keyNames.map((k) => `${k} = ?`).join(' AND ')}`)
      .raw(true)
      .safeIntegers(true);
    const keys = this.keys;
    const args: SqliteValue[] = new Array<SqliteValue>(keys.length);
    for (let i = 0; i < keys.length; i++) args[i] = toSqlite(key[i] ?? null, (keys[i] as (typeof keys)[number]).column.type);
    const raw = this.byKey.get(...args) as unknown[] | undefined;
    return raw === undefined ? undefined : this.rowOf(raw);
  }

  /** A row as `selectList` reads it: keys, window bounds, values, ROWTIME. */
  private rowOf(raw: readonly unknown[]): MaterializedRow {
    const row: Value[] = new Array<Value>(this.spec.schema.columns.length).fill(null);
    let i = 0;
    for (const k of this.keys) row[k.index] = fromSqlite(raw[i++], k.column.type);
    const window = this.windowed ? { start: Number(raw[i++]), end: Number(raw[i++]) } : null;
    for (const v of this.values) row[v.index] = fromSqlite(raw[i++], v.column.type);
    return { row, rowtime: Number(raw[i]), window };
  }

  private keyArgs(row: Row, window: WindowBounds | undefined): SqliteValue[] {
    const args = this.keys.map((k) => toSqlite(row[k.index] ?? null, k.column.type));
    if (this.windowed) args.push(window?.start ?? 0, window?.end ?? 0);
    return args;
  }
}
