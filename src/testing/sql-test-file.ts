// splitSqlTests: a SQL-only test file cut into tests at `--@test:` lines, with their `--@expected.*` directives.

import { EngineError } from '../common/index.js';

export interface SqlTest {
  readonly name: string;
  /** 1-based line of the `--@test:` directive. */
  readonly line: number;
  /** The test's lines, preceded by blank lines so that parse positions are positions in the whole file. */
  readonly text: string;
  /** `--@expected.error:` — an EngineError code (SOURCE_EXISTS), or a Java exception class name, which any error matches. */
  readonly expectedError: string | null;
  /** `--@expected.message:` — a substring of the expected error's message. */
  readonly expectedMessage: string | null;
}

const TEST = /^\s*--@test:\s*(.*?)\s*$/;
const EXPECTED_ERROR = /^\s*--@expected\.error:\s*(.*?)\s*$/;
const EXPECTED_MESSAGE = /^\s*--@expected\.message:\s*(.*?)\s*$/;
const DIRECTIVE = /^\s*--@/;

/** Statements before the first `--@test:` and unknown `--@` directives are errors (with their line). */
export function splitSqlTests(text: string, file: string): SqlTest[] {
  const lines = text.split('\n');
  const tests: SqlTest[] = [];
  let current: { name: string; line: number; start: number; error: string | null; message: string | null } | null = null;
  const close = (end: number) => {
    if (current === null) return;
    const body = lines.slice(current.start, end).join('\n');
    tests.push({ name: current.name, line: current.line, text: '\n'.repeat(current.start) + body, expectedError: current.error, expectedMessage: current.message });
  };
  lines.forEach((line, i) => {
    const test = TEST.exec(line);
    if (test !== null) {
      close(i);
      current = { name: test[1] || `test at line ${i + 1}`, line: i + 1, start: i, error: null, message: null };
      return;
    }
    const error = EXPECTED_ERROR.exec(line);
    const message = EXPECTED_MESSAGE.exec(line);
    if (current === null) {
      if (line.replace(/--.*$/, '').trim() !== '' || DIRECTIVE.test(line)) {
        throw new EngineError('INVALID_STATEMENT', `${file}:${i + 1}: every test starts with a \`--@test: name\` line; this comes before the first one`);
      }
      return;
    }
    if (error !== null) current.error = error[1] ?? '';
    else if (message !== null) current.message = message[1] ?? '';
    else if (DIRECTIVE.test(line)) {
      throw new EngineError('INVALID_STATEMENT', `${file}:${i + 1}: unknown directive (known: --@test:, --@expected.error:, --@expected.message:)`);
    }
  });
  close(lines.length);
  return tests;
}
