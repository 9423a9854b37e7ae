// compareOutputs: expected against actual records, per topic, in order, with the same count; a readable diff.

import type { TestRecord } from '../engine/index.js';
import { matchRecord, type MatchContext } from './record-matcher.js';
import { formatFileRecord, type FileRecord } from './test-file-records.js';

export interface TopicComparison {
  readonly topic: string;
  readonly expected: number;
  readonly actual: number;
  readonly ok: boolean;
  /** The per-record diff (empty when the topic matches). */
  readonly lines: readonly string[];
}

/** Groups expected records by topic and compares each group with the topic's actual records. */
export function compareOutputs(
  expected: readonly FileRecord[],
  actualOf: (topic: string) => readonly TestRecord[],
  contextOf: (topic: string) => MatchContext,
): TopicComparison[] {
  const byTopic = new Map<string, FileRecord[]>();
  for (const r of expected) {
    const list = byTopic.get(r.topic) ?? [];
    list.push(r);
    byTopic.set(r.topic, list);
  }
  return [...byTopic].map(([topic, records]) => compareTopic(topic, records, actualOf(topic), contextOf(topic)));
}

function compareTopic(topic: string, expected: readonly FileRecord[], actual: readonly TestRecord[], ctx: MatchContext): TopicComparison {
  const lines: string[] = [];
  let ok = expected.length === actual.length;
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    const label = `#${i + 1}`.padEnd(5);
    if (e !== undefined && a !== undefined) {
      const problem = matchRecord(e, a, ctx);
      if (problem === null) {
        lines.push(`  ${label} ok        ${formatFileRecord(e)}`);
        continue;
      }
      ok = false;
      lines.push(`  ${label} expected  ${formatFileRecord(e)}`, `  ${' '.repeat(5)} actual    ${formatFileRecord(actualRecord(a))}`);
      for (const p of problem.split('\n')) lines.push(`  ${' '.repeat(15)} ↳ ${p}`);
    } else if (e !== undefined) {
      lines.push(`  ${label} expected  ${formatFileRecord(e)}`, `  ${' '.repeat(5)} actual    (no record)`);
    } else if (a !== undefined) {
      lines.push(`  ${label} expected  (no record)`, `  ${' '.repeat(5)} actual    ${formatFileRecord(actualRecord(a))}`);
    }
  }
  return { topic, expected: expected.length, actual: actual.length, ok, lines: ok ? [] : lines };
}

/** An actual record in the test-file shape (what --write-actual writes). */
export function actualRecord(r: TestRecord): FileRecord {
  return { topic: r.topic, key: r.key, value: r.value, timestamp: r.timestamp, window: null, headers: r.headers.length === 0 ? null : r.headers };
}

/** The diff of the topics that differ, as text. */
export function renderComparisons(comparisons: readonly TopicComparison[]): string {
  const out: string[] = [];
  for (const c of comparisons) {
    if (c.ok) continue;
    const count = c.expected === c.actual ? `${c.expected} record${c.expected === 1 ? '' : 's'}` : `expected ${c.expected} record${c.expected === 1 ? '' : 's'}, got ${c.actual}`;
    out.push(`topic '${c.topic}': ${count}`, ...c.lines);
  }
  return out.join('\n');
}
