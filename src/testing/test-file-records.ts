// Test-file records: `{"inputs": […]}` / `{"outputs": […]}` read losslessly, and written back with numbers verbatim.

import { EngineError } from '../common/index.js';
import { formatLosslessJson, JsonNumber, parseLosslessJson, type LosslessJson } from '../engine/index.js';

export type WindowType = 'time' | 'session';

export interface TestWindow {
  readonly start: number;
  readonly end: number;
  readonly type: WindowType;
}

/** One record of an input or output file: `{topic, key?, value, timestamp?, window?, headers?}`. */
export interface FileRecord {
  readonly topic: string;
  /** A missing key is a null key. */
  readonly key: LosslessJson;
  readonly value: LosslessJson;
  /** null: not given (an expected record then matches any timestamp; an input gets 0). */
  readonly timestamp: number | null;
  readonly window: TestWindow | null;
  /** null: not given. Header values are base64. */
  readonly headers: readonly { readonly key: string; readonly value: string | null }[] | null;
}

type JsonObject = { readonly [key: string]: LosslessJson };

function isObject(node: LosslessJson): node is JsonObject {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && !(node instanceof JsonNumber);
}

/** Reads the records under `field` ("inputs" or "outputs") of a test file's text. */
export function parseRecordFile(text: string, field: 'inputs' | 'outputs', file: string): FileRecord[] {
  let root: LosslessJson;
  try {
    root = parseLosslessJson(text);
  } catch (e) {
    throw new EngineError('INVALID_STATEMENT', `${file}: not valid JSON: ${(e as Error).message}`);
  }
  const list = isObject(root) ? root[field] : undefined;
  if (!Array.isArray(list)) throw new EngineError('INVALID_STATEMENT', `${file}: expected an object with an "${field}" array`);
  return list.map((node, i) => parseRecord(node, `${file}: ${field}[${i}]`));
}

function parseRecord(node: LosslessJson, where: string): FileRecord {
  if (!isObject(node)) throw new EngineError('INVALID_STATEMENT', `${where}: a record must be an object`);
  const topic = node.topic;
  if (typeof topic !== 'string') throw new EngineError('INVALID_STATEMENT', `${where}: "topic" must be a string`);
  return {
    topic,
    key: node.key ?? null,
    value: node.value ?? null,
    timestamp: node.timestamp === undefined || node.timestamp === null ? null : integer(node.timestamp, `${where}.timestamp`),
    window: node.window === undefined || node.window === null ? null : parseWindow(node.window, `${where}.window`),
    headers: node.headers === undefined || node.headers === null ? null : parseHeaders(node.headers, `${where}.headers`),
  };
}

function integer(node: LosslessJson, where: string): number {
  const text = node instanceof JsonNumber ? node.text : typeof node === 'string' ? node : '';
  if (!/^-?\d+$/.test(text)) throw new EngineError('INVALID_STATEMENT', `${where}: expected an integer (epoch milliseconds)`);
  return Number(text);
}

function parseWindow(node: LosslessJson, where: string): TestWindow {
  if (!isObject(node)) throw new EngineError('INVALID_STATEMENT', `${where}: expected {"start", "end", "type"}`);
  const type = typeof node.type === 'string' ? node.type.toLowerCase() : '';
  if (type !== 'time' && type !== 'session') throw new EngineError('INVALID_STATEMENT', `${where}.type: expected "time" or "session"`);
  return { start: integer(node.start ?? null, `${where}.start`), end: integer(node.end ?? null, `${where}.end`), type };
}

function parseHeaders(node: LosslessJson, where: string): { key: string; value: string | null }[] {
  if (!Array.isArray(node)) throw new EngineError('INVALID_STATEMENT', `${where}: expected an array of {"KEY", "VALUE"}`);
  return node.map((h, i) => {
    const key = isObject(h) ? (h.KEY ?? h.key) : undefined;
    const value = isObject(h) ? (h.VALUE ?? h.value ?? null) : null;
    if (typeof key !== 'string' || (value !== null && typeof value !== 'string')) {
      throw new EngineError('INVALID_STATEMENT', `${where}[${i}]: expected {"KEY": string, "VALUE": base64 string or null}`);
    }
    return { key, value };
  });
}

/** One record as a line of JSON: `{"topic": …, "key": …, "value": …, "timestamp": …}` (numbers verbatim). */
export function formatFileRecord(r: FileRecord): string {
  const parts = [`"topic": ${JSON.stringify(r.topic)}`, `"key": ${formatLosslessJson(r.key)}`, `"value": ${formatLosslessJson(r.value)}`];
  if (r.timestamp !== null) parts.push(`"timestamp": ${r.timestamp}`);
  if (r.window !== null) parts.push(`"window": {"start": ${r.window.start}, "end": ${r.window.end}, "type": "${r.window.type}"}`);
  if (r.headers !== null && r.headers.length > 0) {
    parts.push(`"headers": [${r.headers.map((h) => `{"KEY": ${JSON.stringify(h.key)}, "VALUE": ${h.value === null ? 'null' : JSON.stringify(h.value)}}`).join(', ')}]`);
  }
  return `{${parts.join(', ')}}`;
}

/** A whole `{"outputs": [...]}` file, one record per line. */
export function formatRecordFile(field: 'inputs' | 'outputs', records: readonly FileRecord[]): string {
  if (records.length === 0) return `{"${field}": []}\n`;
  return `{"${field}": [\n${records.map((r) => `  ${formatFileRecord(r)}`).join(',\n')}\n]}\n`;
}
