// TestResult: the outcome of one test case or SQL test, as every runner and report shares it.

export type TestStatus = 'passed' | 'failed' | 'error';

export interface TestResult {
  /** The case folder, or `file.sql: test name`. */
  readonly name: string;
  readonly status: TestStatus;
  readonly durationMs: number;
  /** Why it failed (the diff) or errored (the located error); empty when it passed. */
  readonly report: string;
}

/** 0 when everything passed, 2 when any test errored, else 1 when any failed. */
export function exitCodeOf(results: readonly TestResult[]): number {
  if (results.some((r) => r.status === 'error')) return 2;
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}
