// `eddy test`: ksql-test-runner compatible cases (-s/-i/-o, --cases DIR) and SQL-only test files, with JUnit output.

import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import {
  exitCodeOf,
  formatRecordFile,
  formatResult,
  formatSummary,
  junitXml,
  loadKsqlCase,
  runCaseFolders,
  runKsqlTest,
  runSqlTestFiles,
  type TestResult,
} from '../../testing/index.js';
import { EXIT_RUNTIME, EXIT_SQL } from '../report-error.js';

interface TestOptions {
  readonly sqlFile?: string;
  readonly inputFile?: string;
  readonly outputFile?: string;
  readonly writeActual?: string;
  readonly cases?: string;
  readonly junit?: string;
}

export function registerTest(program: Command): void {
  program
    .command('test')
    .description(
      'run tests: `-s statements.sql [-i input.json] [-o output.json]` (ksql-test-runner files), `--cases DIR` (a folder of such cases), or SQL test files (`--@test:` … `ASSERT VALUES`) in a file or folder',
    )
    .argument('[path]', 'a SQL test file, or a folder of them')
    .option('-s, --sql-file <file>', 'the statements of a ksql-test-runner case')
    .option('-i, --input-file <file>', 'its input records: {"inputs": [{topic, key, value, timestamp?}, …]}')
    .option('-o, --output-file <file>', 'its expected output records: {"outputs": [...]}')
    .option('--write-actual <file>', 'write the records the sink topics received, as {"outputs": [...]}')
    .option('--cases <dir>', 'run every folder under DIR holding statements.sql, input.json and output.json')
    .option('--junit <file>', 'also write a JUnit XML report')
    .action(async (path: string | undefined, opts: TestOptions) => {
      process.exitCode = await runTests(path, opts);
    });
}

async function runTests(path: string | undefined, opts: TestOptions): Promise<number> {
  const started = performance.now();
  const print = (r: TestResult) => process.stdout.write(`${formatResult(r)}\n`);
  for (const file of [opts.sqlFile, opts.inputFile, opts.outputFile, opts.cases, path]) {
    if (file !== undefined && !existsSync(file)) {
      process.stderr.write(`${file}: no such file or folder\n`);
      return EXIT_RUNTIME;
    }
  }
  let results: TestResult[];
  if (opts.sqlFile !== undefined) {
    let kase;
    try {
      kase = loadKsqlCase(opts.sqlFile, opts.sqlFile, opts.inputFile ?? null, opts.outputFile ?? null);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return EXIT_SQL;
    }
    const result = await runKsqlTest(kase);
    if (opts.writeActual !== undefined) writeFileSync(opts.writeActual, formatRecordFile('outputs', result.actual));
    if (result.status === 'passed') process.stdout.write(kase.outputs === null ? '>>> Test ran (no expected output given).\n' : '>>> Test passed!\n');
    else if (result.status === 'failed') process.stdout.write(`>>>>> Test failed: the output differs from ${opts.outputFile ?? ''}\n${result.report}\n`);
    else process.stderr.write(`>>>>> Test failed: a statement failed\n${result.report}\n`);
    results = [result];
  } else if (opts.cases !== undefined) {
    results = await runCaseFolders(opts.cases, print);
    process.stdout.write(`${formatSummary(results, performance.now() - started)}\n`);
  } else if (path !== undefined) {
    results = await runSqlTestFiles(path, print);
    process.stdout.write(`${formatSummary(results, performance.now() - started)}\n`);
  } else {
    process.stderr.write('eddy test: give a SQL test file or folder, -s statements.sql [-i input.json] [-o output.json], or --cases DIR\n');
    return EXIT_RUNTIME;
  }
  if (opts.junit !== undefined) writeFileSync(opts.junit, junitXml(results));
  return exitCodeOf(results);
}
