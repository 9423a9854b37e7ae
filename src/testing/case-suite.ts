// Test suites on disk: case folders (statements.sql + input.json + output.json) and folders of SQL test files.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runKsqlTest, type KsqlTestCase } from './run-ksql-test.js';
import { runSqlTestFile } from './run-sql-test.js';
import { parseRecordFile } from './test-file-records.js';
import type { TestResult } from './test-result.js';

export const STATEMENTS_FILE = 'statements.sql';
export const INPUT_FILE = 'input.json';
export const OUTPUT_FILE = 'output.json';

/** Reads a ksql-test-runner case from its files; `input` may be null (data from INSERT … VALUES). */
export function loadKsqlCase(name: string, statementsFile: string, inputFile: string | null, outputFile: string | null): KsqlTestCase {
  return {
    name,
    statementsFile,
    statements: readFileSync(statementsFile, 'utf8'),
    inputs: inputFile === null ? [] : parseRecordFile(readFileSync(inputFile, 'utf8'), 'inputs', inputFile),
    outputs: outputFile === null ? null : parseRecordFile(readFileSync(outputFile, 'utf8'), 'outputs', outputFile),
  };
}

/** Every folder under `dir` (itself included) that holds a statements.sql, sorted by path. */
export function findCaseFolders(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    if (existsSync(join(d, STATEMENTS_FILE))) out.push(d);
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  visit(dir);
  return out;
}

/** Runs every case folder under `dir`, each on its own fresh in-memory engine, one after another. */
export async function runCaseFolders(dir: string, onResult?: (r: TestResult) => void): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const folder of findCaseFolders(dir)) {
    const name = relative(dir, folder) || '.';
    let result: TestResult;
    try {
      const input = join(folder, INPUT_FILE);
      const output = join(folder, OUTPUT_FILE);
      result = await runKsqlTest(loadKsqlCase(name, join(folder, STATEMENTS_FILE), existsSync(input) ? input : null, existsSync(output) ? output : null));
    } catch (e) {
      result = { name, status: 'error', durationMs: 0, report: (e as Error).message };
    }
    results.push(result);
    onResult?.(result);
  }
  return results;
}

/** Every `.sql` file under a path (a file is itself), sorted. */
export function findSqlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() ? findSqlFiles(child) : name.endsWith('.sql') ? [child] : [];
    });
}

/** Runs every SQL-only test file under `path`. */
export async function runSqlTestFiles(path: string, onResult?: (r: TestResult) => void): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const file of findSqlFiles(path)) {
    for (const r of await runSqlTestFile(readFileSync(file, 'utf8'), file)) {
      results.push(r);
      onResult?.(r);
    }
  }
  return results;
}
