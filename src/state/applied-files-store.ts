// AppliedFilesStore: which definition files `eddy apply` applied to this data directory, with their hash and time.

import type Database from 'better-sqlite3';

export interface AppliedFile {
  readonly path: string;
  /** SHA-256 of the file's content, hex. */
  readonly hash: string;
  readonly appliedAt: number;
  readonly statements: number;
}

export class AppliedFilesStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      list: db.prepare<[], { path: string; hash: string; applied_at: number; statements: number }>(
        'SELECT path, hash, applied_at, statements FROM applied_files ORDER BY path',
      ),
      put: db.prepare<[string, string, number, number]>(
        'INSERT INTO applied_files (path, hash, applied_at, statements) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, applied_at = excluded.applied_at, statements = excluded.statements',
      ),
    };
  }

  list(): AppliedFile[] {
    return this.statements.list.all().map((r) => ({ path: r.path, hash: r.hash, appliedAt: r.applied_at, statements: r.statements }));
  }

  /** Records the file unless it is recorded with the same hash already; returns whether it wrote. */
  record(file: AppliedFile): boolean {
    const existing = this.list().find((f) => f.path === file.path);
    if (existing?.hash === file.hash) return false;
    this.statements.put.run(file.path, file.hash, file.appliedAt, file.statements);
    return true;
  }
}
