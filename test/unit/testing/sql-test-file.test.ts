// Unit tests for SQL-only test files: splitting at --@test, directives, and the outcome of each kind of test.
import { describe, expect, it } from 'vitest';
import { runSqlTestFile, splitSqlTests } from '../../../src/testing/index.js';

const STREAM = "CREATE STREAM s (k INT KEY, v INT) WITH (KAFKA_TOPIC='s', PARTITIONS=1, VALUE_FORMAT='JSON');";

describe('splitSqlTests', () => {
  it('cuts at --@test lines, keeps line numbers, and reads the expected error directives', () => {
    const tests = splitSqlTests(['-- header comment', '--@test: one', STREAM, '', '--@test: two', '--@expected.error: SOURCE_EXISTS', '--@expected.message: exists', STREAM].join('\n'), 'f.sql');
    expect(tests.map((t) => [t.name, t.line, t.expectedError, t.expectedMessage])).toEqual([
      ['one', 2, null, null],
      ['two', 5, 'SOURCE_EXISTS', 'exists'],
    ]);
    expect(tests[1]!.text.split('\n')[7]).toBe(STREAM);
  });

  it('rejects statements before the first test and unknown directives, with their line', () => {
    expect(() => splitSqlTests(`${STREAM}\n--@test: x`, 'f.sql')).toThrow('f.sql:1: every test starts with a `--@test: name` line');
    expect(() => splitSqlTests('--@test: x\n--@expected.eror: X', 'f.sql')).toThrow('f.sql:2: unknown directive');
  });
});

describe('runSqlTestFile', () => {
  it('passes, fails and errors per test, each on a fresh engine', async () => {
    const text = [
      '--@test: pass',
      STREAM,
      'CREATE STREAM t AS SELECT k, v + 1 AS w FROM s;',
      'INSERT INTO s (ROWTIME, k, v) VALUES (7, 1, 1);',
      'INSERT INTO s (k, v) VALUES (2, NULL);',
      'ASSERT VALUES t (ROWTIME, k, w) VALUES (7, 1, 2);',
      'ASSERT VALUES t (k) VALUES (2);',
      "ASSERT STREAM t (k INT KEY, w INT) WITH (KAFKA_TOPIC='T', VALUE_FORMAT='JSON', PARTITIONS=1);",
      '--@test: wrong schema',
      STREAM,
      'CREATE STREAM t AS SELECT k, v + 1 AS w FROM s;',
      "ASSERT STREAM t (k INT KEY, w BIGINT) WITH (KAFKA_TOPIC='t');",
      '--@test: expected error that does not happen',
      '--@expected.error: SOURCE_EXISTS',
      STREAM,
      '--@test: wrong expected message',
      '--@expected.message: no such thing',
      STREAM,
      STREAM,
      '--@test: unexpected error',
      'CREATE STREAM t AS SELECT * FROM nope;',
      '',
    ].join('\n');
    const results = await runSqlTestFile(text, 'f.sql');
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['f.sql: pass', 'passed'],
      ['f.sql: wrong schema', 'failed'],
      ['f.sql: expected error that does not happen', 'failed'],
      ['f.sql: wrong expected message', 'failed'],
      ['f.sql: unexpected error', 'error'],
    ]);
    expect(results[1]!.report).toContain('f.sql:12:1: T does not match:');
    expect(results[1]!.report).toContain('  - schema: expected (K INT KEY, W BIGINT) but was (K INT KEY, W INT)');
    expect(results[1]!.report).toContain("  - KAFKA_TOPIC: expected t but was T");
    expect(results[2]!.report).toBe('f.sql:13: expected an error (SOURCE_EXISTS), but every statement succeeded');
    expect(results[3]!.report).toContain('expected the error message to contain "no such thing"');
    expect(results[4]!.report).toContain('f.sql:21:34: NOPE does not exist.');
  });

  it('ASSERT NULL VALUES expects a tombstone; ASSERT VALUES with no record left fails', async () => {
    const text = ['--@test: t', STREAM, 'CREATE STREAM t AS SELECT * FROM s;', 'INSERT INTO s (k, v) VALUES (1, 1);', 'ASSERT NULL VALUES t (k) KEY (1);', 'ASSERT VALUES t (k, v) VALUES (1, 1);'].join('\n');
    const [result] = await runSqlTestFile(text, 'f.sql');
    expect(result!.status).toBe('failed');
    expect(result!.report).toContain('f.sql:5:1: record #1 of T does not match');
    expect(result!.report).toContain('↳ value: expected null but was {"V":1}');
    const missing = await runSqlTestFile(['--@test: t', STREAM, 'CREATE STREAM t AS SELECT * FROM s;', 'ASSERT VALUES t (k, v) VALUES (1, 1);'].join('\n'), 'f.sql');
    expect(missing[0]!.report).toContain('f.sql:4:1: T has no record #1 (it has 0)');
  });
});
