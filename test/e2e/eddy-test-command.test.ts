// End-to-end: `eddy test` on Eddy's own examples (both file styles), exit codes, --write-actual and --junit.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeDir, REPO_ROOT, runCli } from './cli-process.js';

const CASES = path.join(REPO_ROOT, 'queries', 'tests', 'cases');
const SQL_TESTS = path.join(REPO_ROOT, 'queries', 'tests', 'sql');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('eddy-test-');
});
afterAll(() => removeDir(dir));

describe('eddy test', () => {
  it("passes the SQL-only tests of Eddy's examples (queries/tests/sql)", async () => {
    const r = await runCli(['test', SQL_TESTS]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/4 tests: 4 passed, 0 failed, 0 errored/);
    expect(r.code).toBe(0);
  });

  it("passes the ksql-test-runner cases of Eddy's examples (queries/tests/cases), and writes JUnit XML", async () => {
    const junit = path.join(dir, 'report.xml');
    const r = await runCli(['test', '--cases', CASES, '--junit', junit]);
    expect(r.stdout).toMatch(/4 tests: 4 passed, 0 failed, 0 errored/);
    expect(r.stdout).toContain('slowest:');
    expect(r.code).toBe(0);
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="eddy test" tests="4" failures="0" errors="0"');
    expect(xml).toContain('<testcase name="quickstart-hot-readings" classname="eddy test"');
  });

  it('-s/-i/-o: exit 0 on a pass, 1 with the diff on a mismatch, 2 with a located error when a statement fails', async () => {
    const c = path.join(CASES, 'quickstart-hot-readings');
    const args = ['test', '-s', path.join(c, 'statements.sql'), '-i', path.join(c, 'input.json')];
    const pass = await runCli([...args, '-o', path.join(c, 'output.json')]);
    expect(pass.stdout).toBe('>>> Test passed!\n');
    expect(pass.code).toBe(0);

    const wrong = path.join(dir, 'wrong.json');
    fs.writeFileSync(wrong, fs.readFileSync(path.join(c, 'output.json'), 'utf8').replace('"LEVEL": "very hot"}, "timestamp": 3000', '"LEVEL": "warm"}, "timestamp": 3000'));
    const fail = await runCli([...args, '-o', wrong]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain(`>>>>> Test failed: the output differs from ${wrong}`);
    expect(fail.stdout).toContain('↳ value.LEVEL: expected "warm" but was "very hot"');

    const badSql = path.join(dir, 'bad.sql');
    fs.writeFileSync(badSql, "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', PARTITIONS=1, VALUE_FORMAT='JSON');\nCREATE STREAM t AS SELECT w FROM s;\n");
    const error = await runCli(['test', '-s', badSql, '-o', wrong]);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain(`${badSql}:2:27: Column W cannot be resolved.`);
    expect(error.stderr).toContain('  |                           ^');
  });

  it('--write-actual writes what the sinks received; that file passes as the expected output', async () => {
    const c = path.join(CASES, 'quickstart-hot-readings');
    const actual = path.join(dir, 'actual.json');
    const first = await runCli(['test', '-s', path.join(c, 'statements.sql'), '-i', path.join(c, 'input.json'), '--write-actual', actual]);
    expect(first.code).toBe(0);
    const written = fs.readFileSync(actual, 'utf8');
    expect(written).toContain('{"topic": "HOT_READINGS", "key": "s-2", "value": {"LOCATION":"GREENHOUSE","FAHRENHEIT":87.8,"LEVEL":"hot"}, "timestamp": 2000}');
    const again = await runCli(['test', '-s', path.join(c, 'statements.sql'), '-i', path.join(c, 'input.json'), '-o', actual]);
    expect(again.stdout).toBe('>>> Test passed!\n');
  });

  it('a SQL test file with a wrong ASSERT fails (exit 1) and says which record differs', async () => {
    const file = path.join(dir, 'wrong.sql');
    fs.writeFileSync(
      file,
      [
        '--@test: doubling',
        "CREATE STREAM s (k INT KEY, v INT) WITH (KAFKA_TOPIC='s', PARTITIONS=2, VALUE_FORMAT='JSON');",
        'CREATE STREAM t AS SELECT k, v * 2 AS w FROM s;',
        'INSERT INTO s (k, v) VALUES (1, 21);',
        'ASSERT VALUES t (k, w) VALUES (1, 43);',
        '',
      ].join('\n'),
    );
    const r = await runCli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  ${file}: doubling`);
    expect(r.stdout).toContain(`${file}:5:1: record #1 of T does not match`);
    expect(r.stdout).toContain('↳ value.W: expected 43 but was 42');
  });
});
