// runSqlTestFile: runs each `--@test:` of a SQL-only test file on a fresh engine, checking its ASSERT statements.

import { EngineError, manualClock, type SourceSpan } from '../common/index.js';
import { Engine } from '../engine/index.js';
import type { ParsedStatement } from '../sql/index.js';
import { matchRecord } from './record-matcher.js';
import { renderTestError } from './render-test-error.js';
import { SinkRecorder } from './sink-recorder.js';
import { splitSqlTests, type SqlTest } from './sql-test-file.js';
import { formatFileRecord, type FileRecord } from './test-file-records.js';
import type { TestResult } from './test-result.js';
import { actualRecord } from './topic-diff.js';

export async function runSqlTestFile(text: string, file: string): Promise<TestResult[]> {
  let tests: SqlTest[];
  try {
    tests = splitSqlTests(text, file);
  } catch (e) {
    return [{ name: file, status: 'error', durationMs: 0, report: renderTestError(e, text, file) }];
  }
  const results: TestResult[] = [];
  for (const test of tests) results.push(await runSqlTest(test, text, file));
  return results;
}

/**
 * Statements run in order; the engine drains before each ASSERT, which then checks the next
 * unread record of its sink (ASSERT VALUES: the columns listed hold those values and the others
 * are NULL; ROWTIME is checked only when listed) or the source's shape (ASSERT STREAM|TABLE).
 * With `--@expected.error` / `--@expected.message`, the test passes when a statement fails with
 * that error, and fails when none does.
 */
async function runSqlTest(test: SqlTest, fullText: string, file: string): Promise<TestResult> {
  const started = performance.now();
  const name = `${file}: ${test.name}`;
  const done = (status: TestResult['status'], report = ''): TestResult => ({ name, status, durationMs: performance.now() - started, report });
  const expectsError = test.expectedError !== null || test.expectedMessage !== null;
  const onError = (e: unknown, span?: SourceSpan): TestResult => {
    if (expectsError && e instanceof EngineError) {
      const mismatch = expectedErrorMismatch(test, e);
      return mismatch === null ? done('passed') : done('failed', `${renderTestError(e, fullText, file, span)}\n${mismatch}`);
    }
    return done('error', renderTestError(e, fullText, file, span));
  };
  const engine = Engine.open({ dataDir: ':memory:', clock: manualClock(0), logger: { info: () => undefined, warn: () => undefined } });
  try {
    let statements;
    try {
      statements = engine.parse(test.text);
    } catch (e) {
      return onError(e);
    }
    const recorder = new SinkRecorder(engine);
    const cursors = new Map<string, number>();
    for (const statement of statements) {
      const kind = statement.statement.kind;
      if (kind === 'AssertValues' || kind === 'AssertNullValues' || kind === 'AssertSource') {
        await engine.drain();
        let failure: string | null;
        try {
          failure = await checkAssertion(engine, statement, recorder, cursors);
        } catch (e) {
          return onError(e, statement.span);
        }
        if (failure !== null) {
          const [headline = '', ...details] = failure.split('\n');
          return done('failed', [new EngineError('INVALID_STATEMENT', headline, statement.span).render(fullText, file), ...details].join('\n'));
        }
        continue;
      }
      try {
        const result = await engine.execute(statement);
        if (result.kind === 'query') await result.query.run(() => undefined, { untilCaughtUp: true });
        if (kind === 'InsertValues') await engine.drain();
      } catch (e) {
        return onError(e, statement.span);
      }
    }
    if (expectsError) {
      const what = [test.expectedError, test.expectedMessage === null ? null : `"${test.expectedMessage}"`].filter((x) => x !== null).join(' ');
      return done('failed', `${file}:${test.line}: expected an error (${what}), but every statement succeeded`);
    }
    return done('passed');
  } finally {
    await engine.close();
  }
}

async function checkAssertion(engine: Engine, statement: ParsedStatement, recorder: SinkRecorder, cursors: Map<string, number>): Promise<string | null> {
  const assertion = await engine.testAssertion(statement);
  if (assertion.kind === 'source') {
    return assertion.problems.length === 0 ? null : `${assertion.name} does not match:\n${assertion.problems.map((p) => `  - ${p}`).join('\n')}`;
  }
  recorder.watch(assertion.topic);
  await recorder.collect();
  const records = recorder.records(assertion.topic);
  const index = cursors.get(assertion.topic) ?? 0;
  cursors.set(assertion.topic, index + 1);
  const expected: FileRecord = { topic: assertion.topic, key: assertion.key, value: assertion.value, timestamp: assertion.timestamp, window: null, headers: null };
  const actual = records[index];
  if (actual === undefined) {
    return `${assertion.sink} has no record #${index + 1} (it has ${records.length})\n  expected  ${formatFileRecord(expected)}`;
  }
  const shape = await engine.topicShape(assertion.topic);
  const problem = matchRecord(expected, actual, { shape, decodeKey: (b) => engine.decodeTestKey(assertion.topic, b), noInputs: false });
  if (problem === null) return null;
  return [
    `record #${index + 1} of ${assertion.sink} does not match`,
    `  expected  ${formatFileRecord(expected)}`,
    `  actual    ${formatFileRecord(actualRecord(actual))}`,
    ...problem.split('\n').map((p) => `  ↳ ${p}`),
  ].join('\n');
}

/** Null when the error is the expected one, else why not. */
function expectedErrorMismatch(test: SqlTest, e: EngineError): string | null {
  const cls = test.expectedError;
  // Java exception class names (ksqlDB's files) match any error; otherwise the code must match.
  if (cls !== null && cls !== '' && !/\.|Exception$/.test(cls) && cls.toUpperCase() !== e.code) {
    return `expected error ${cls}, but the error was ${e.code}`;
  }
  if (test.expectedMessage !== null && !e.message.includes(test.expectedMessage)) {
    return `expected the error message to contain "${test.expectedMessage}"`;
  }
  return null;
}
