// matchRecord: one expected record against one actual record — key (and window), value, timestamp, headers.

import type { LosslessJson, TestRecord, TopicShape } from '../engine/index.js';
import { matchJson, show } from './json-matcher.js';
import type { FileRecord } from './test-file-records.js';
import { splitWindowedKey } from './windowed-key.js';

export interface MatchContext {
  readonly shape: TopicShape;
  /** Decodes inner key bytes of a windowed key in the topic's key format. */
  readonly decodeKey: (bytes: Uint8Array | null) => LosslessJson;
  /** The case had no input records (data came from INSERT VALUES): an expected timestamp of 0 matches any. */
  readonly noInputs: boolean;
}

/** Null when the actual record matches, else every difference found, one per line. */
export function matchRecord(expected: FileRecord, actual: TestRecord, ctx: MatchContext): string | null {
  const problems: string[] = [];
  const keyProblem = matchKey(expected, actual, ctx);
  if (keyProblem !== null) problems.push(keyProblem);
  const valueProblem = matchJson(expected.value, actual.value, ctx.shape.valueType, 'value');
  if (valueProblem !== null) problems.push(valueProblem);
  if (expected.timestamp !== null && !(ctx.noInputs && expected.timestamp === 0) && expected.timestamp !== actual.timestamp) {
    problems.push(`timestamp: expected ${expected.timestamp} but was ${actual.timestamp}`);
  }
  if (expected.headers !== null) {
    const e = expected.headers.map((h) => `${h.key}=${h.value ?? 'null'}`).join(', ');
    const a = actual.headers.map((h) => `${h.key}=${h.value ?? 'null'}`).join(', ');
    if (e !== a) problems.push(`headers: expected [${e}] but was [${a}]`);
  }
  return problems.length === 0 ? null : problems.join('\n');
}

function matchKey(expected: FileRecord, actual: TestRecord, ctx: MatchContext): string | null {
  const window = expected.window;
  if (window === null) return matchJson(expected.key, actual.key, ctx.shape.keyType, 'key');
  const split = actual.keyBytes === null ? null : splitWindowedKey(actual.keyBytes, window.type);
  if (split === null) return `key: expected a ${window.type}-windowed key ${show(expected.key)} but was ${show(actual.key)}`;
  const bounds = `window: expected [${window.start}, ${window.end}] (${window.type})`;
  if (split.start !== window.start) return `${bounds} but the window starts at ${split.start}`;
  if (split.end !== null && split.end !== window.end) return `${bounds} but was [${split.start}, ${split.end}]`;
  return matchJson(expected.key, ctx.decodeKey(split.inner), ctx.shape.keyType, 'key');
}
