// Windowed keys on topics, as Kafka Streams lays them out: key bytes + start (time windows) or + end + start (sessions).

import type { WindowBounds, WindowKind } from '../common/index.js';

export function encodeWindowedKey(key: Uint8Array | null, window: WindowBounds, kind: WindowKind): Uint8Array {
  const inner = key ?? new Uint8Array(0);
  const suffix = kind === 'SESSION' ? 16 : 8;
  const out = Buffer.alloc(inner.length + suffix);
  out.set(inner, 0);
  if (kind === 'SESSION') {
    out.writeBigInt64BE(BigInt(window.end), inner.length);
    out.writeBigInt64BE(BigInt(window.start), inner.length + 8);
  } else {
    out.writeBigInt64BE(BigInt(window.start), inner.length);
  }
  return out;
}

/** The inner key and the window, or null when the bytes are too short to hold a window. */
export function decodeWindowedKey(
  bytes: Uint8Array,
  kind: WindowKind,
  sizeMs: number | null,
): { key: Uint8Array; window: WindowBounds } | null {
  const suffix = kind === 'SESSION' ? 16 : 8;
  if (bytes.length < suffix) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = bytes.length - suffix;
  const key = bytes.subarray(0, at);
  if (kind === 'SESSION') {
    return { key, window: { end: Number(buf.readBigInt64BE(at)), start: Number(buf.readBigInt64BE(at + 8)) } };
  }
  const start = Number(buf.readBigInt64BE(at));
  return { key, window: { start, end: start + (sizeMs ?? 0) } };
}
