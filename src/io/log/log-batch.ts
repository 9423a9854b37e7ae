// The embedded log's stored batch: consecutive records of one partition packed into one BLOB, and read back.

import type { RecordHeader } from '../../exec/index.js';
import { LogRecord } from './log-record.js';

/** One record to pack: its time, key and value bytes, and headers. */
export interface BatchEntry {
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers?: readonly RecordHeader[] | undefined;
}

/** The most records one stored batch holds (an append of more is stored as several). */
export const MAX_BATCH_RECORDS = 1000;

/** Length field of an absent key, value or header list. */
const ABSENT = -1;

/**
 * Packs records, in offset order, as: per record the timestamp (float64, exact for every epoch
 * millisecond), then key, value and headers (JSON text), each as an int32 length (-1: absent)
 * followed by its bytes; little-endian. Offsets are not stored: a batch's records are consecutive
 * from its base offset.
 */
export function encodeBatch(entries: readonly BatchEntry[]): Buffer {
  const headers = entries.map((e) => (e.headers === undefined || e.headers.length === 0 ? null : Buffer.from(encodeHeaders(e.headers), 'utf8')));
  let size = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as BatchEntry;
    size += 20 + (e.key?.length ?? 0) + (e.value?.length ?? 0) + (headers[i]?.length ?? 0);
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  const put = (bytes: Uint8Array | null) => {
    if (bytes === null) {
      out.writeInt32LE(ABSENT, at);
      at += 4;
      return;
    }
    out.writeInt32LE(bytes.length, at);
    out.set(bytes, at + 4);
    at += 4 + bytes.length;
  };
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as BatchEntry;
    out.writeDoubleLE(e.timestamp, at);
    at += 8;
    put(e.key);
    put(e.value);
    put(headers[i] ?? null);
  }
  return out;
}

/** The newest record time of a stored batch (what retention compares, as Kafka does per segment). */
export function batchMaxTimestamp(batch: Buffer): number {
  let at = 0;
  let max = -Infinity;
  while (at < batch.length) {
    const timestamp = batch.readDoubleLE(at);
    if (timestamp > max) max = timestamp;
    at += 8;
    for (let field = 0; field < 3; field++) at += 4 + Math.max(0, batch.readInt32LE(at));
  }
  return max;
}

/**
 * Reads the records of a stored batch from offset `from` on (skipping those before it) into `out`,
 * at most `limit`; returns how many it added. Keys and values are views of `batch`, not copies.
 */
export function decodeBatch(topic: string, partition: number, baseOffset: number, batch: Buffer, from: number, limit: number, out: LogRecord[]): number {
  let at = 0;
  let offset = baseOffset;
  let added = 0;
  while (at < batch.length && added < limit) {
    const timestamp = batch.readDoubleLE(at);
    at += 8;
    const keyLength = batch.readInt32LE(at);
    const keyStart = at + 4;
    at = keyStart + Math.max(0, keyLength);
    const valueLength = batch.readInt32LE(at);
    const valueStart = at + 4;
    at = valueStart + Math.max(0, valueLength);
    const headersLength = batch.readInt32LE(at);
    const headersStart = at + 4;
    at = headersStart + Math.max(0, headersLength);
    if (offset >= from) {
      out.push(
        new LogRecord(
          topic,
          partition,
          offset,
          timestamp,
          keyLength === ABSENT ? null : batch.subarray(keyStart, keyStart + keyLength),
          batch,
          valueLength === ABSENT ? -1 : valueStart,
          valueLength === ABSENT ? -1 : valueStart + valueLength,
          headersLength === ABSENT ? undefined : decodeHeaders(batch.toString('utf8', headersStart, headersStart + headersLength)),
        ),
      );
      added++;
    }
    offset++;
  }
  return added;
}

function encodeHeaders(headers: readonly RecordHeader[]): string {
  return JSON.stringify(headers.map((h) => [h.key, h.value === null ? null : Buffer.from(h.value).toString('base64')]));
}

/** Headers as `encodeHeaders` writes them (the JSON the one-row-per-record log kept too). */
export function decodeHeaders(text: string): RecordHeader[] {
  return (JSON.parse(text) as [string, string | null][]).map(([key, value]) => ({
    key,
    value: value === null ? null : new Uint8Array(Buffer.from(value, 'base64')),
  }));
}
