// Windowed keys in Kafka Streams' byte layouts: time windows append the start, sessions append end then start.

import type { TestWindow, WindowType } from './test-file-records.js';

export interface SplitKey {
  readonly inner: Uint8Array;
  readonly start: number;
  /** null for a time window: its end is start + size, which the bytes do not hold. */
  readonly end: number | null;
}

/**
 * Splits a windowed key into the inner key bytes and the window bounds: a time window key is
 * `inner ‖ start (8 bytes, big-endian)`, a session window key is `inner ‖ end ‖ start`. Null
 * when the bytes are too short to hold the window.
 */
export function splitWindowedKey(bytes: Uint8Array, type: WindowType): SplitKey | null {
  const tail = type === 'time' ? 8 : 16;
  if (bytes.length < tail) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (offset: number) => Number(view.getBigInt64(offset));
  const inner = bytes.subarray(0, bytes.length - tail);
  if (type === 'time') return { inner, start: at(bytes.length - 8), end: null };
  return { inner, end: at(bytes.length - 16), start: at(bytes.length - 8) };
}

/** The window a windowed key holds, with a time window's end taken from `sizeMs`. */
export function windowOf(split: SplitKey, type: WindowType, sizeMs: number): TestWindow {
  return { start: split.start, end: split.end ?? split.start + sizeMs, type };
}

/** Builds windowed key bytes (the inverse of splitWindowedKey; used by the runner's own tests). */
export function windowedKeyBytes(inner: Uint8Array, window: TestWindow): Uint8Array {
  const tail = window.type === 'time' ? 8 : 16;
  const out = new Uint8Array(inner.length + tail);
  out.set(inner, 0);
  const view = new DataView(out.buffer);
  if (window.type === 'time') view.setBigInt64(inner.length, BigInt(window.start));
  else {
    view.setBigInt64(inner.length, BigInt(window.end));
    view.setBigInt64(inner.length + 8, BigInt(window.start));
  }
  return out;
}
