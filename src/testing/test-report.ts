// Test reports: the one-line-per-test progress, the summary with the slowest tests, and JUnit XML for CI.

import type { TestResult } from './test-result.js';

const MARK = { passed: 'PASS', failed: 'FAIL', error: 'ERROR' } as const;

/** `PASS name (12 ms)`, followed by the indented report of a failure or error. */
export function formatResult(r: TestResult): string {
  const head = `${MARK[r.status].padEnd(5)} ${r.name} (${Math.round(r.durationMs)} ms)`;
  return r.report === '' ? head : `${head}\n${r.report.replace(/^/gm, '    ')}`;
}

/** `12 passed, 1 failed, 0 errored in 1.23 s` and the slowest tests. */
export function formatSummary(results: readonly TestResult[], wallMs: number, slowest = 5): string {
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  const lines = [`${results.length} test${results.length === 1 ? '' : 's'}: ${count('passed')} passed, ${count('failed')} failed, ${count('error')} errored in ${(wallMs / 1000).toFixed(2)} s`];
  if (results.length > 1) {
    const top = [...results].sort((a, b) => b.durationMs - a.durationMs).slice(0, slowest);
    lines.push('slowest:', ...top.map((r) => `  ${`${Math.round(r.durationMs)} ms`.padStart(8)}  ${r.name}`));
  }
  return lines.join('\n');
}

/** A JUnit XML report (one testsuite; failures and errors carry their report). */
export function junitXml(results: readonly TestResult[], suiteName = 'eddy test'): string {
  const failures = results.filter((r) => r.status === 'failed').length;
  const errors = results.filter((r) => r.status === 'error').length;
  const time = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((s, r) => s + r.durationMs, 0);
  const cases = results.map((r) => {
    const attrs = `name="${xml(r.name)}" classname="${xml(suiteName)}" time="${time(r.durationMs)}"`;
    if (r.status === 'passed') return `    <testcase ${attrs}/>`;
    const tag = r.status === 'failed' ? 'failure' : 'error';
    const message = r.report.split('\n')[0] ?? '';
    return `    <testcase ${attrs}>\n      <${tag} message="${xml(message)}">${xml(r.report)}</${tag}>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${failures}" errors="${errors}" time="${time(total)}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${time(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
}
