// PrintFormats: what PRINT guesses a topic's key and value formats to be from their bytes, and how it renders them.

import type { WindowKind } from '../common/index.js';
import { decodeWindowedKey, type RecordHeader } from '../exec/index.js';

/** The formats PRINT recognizes from bytes alone (as ksqlDB's PRINT does, without a schema registry). */
export type ByteFormat = 'JSON' | 'KAFKA_INT' | 'KAFKA_BIGINT' | 'KAFKA_DOUBLE' | 'KAFKA_STRING';

/** The order formats are listed in (`JSON or KAFKA_STRING`). */
const LISTED: readonly ByteFormat[] = ['JSON', 'KAFKA_INT', 'KAFKA_BIGINT', 'KAFKA_DOUBLE', 'KAFKA_STRING'];
/** The order a value is rendered in when several formats fit: text first, then numbers. */
const RENDERED: readonly ByteFormat[] = ['JSON', 'KAFKA_STRING', 'KAFKA_INT', 'KAFKA_BIGINT', 'KAFKA_DOUBLE'];

/** A topic's window, when the catalog knows one of its sources is windowed. */
export interface KnownWindow {
  readonly kind: WindowKind;
  readonly sizeMs: number | null;
}

/** How one side (key or value) of a topic's records is read. */
export interface SideFormat {
  /** `Key format: …` text: formats joined with ` or `, `MIXED`, or no data. */
  readonly description: string;
  render(bytes: Uint8Array | null): string;
}

const NO_DATA = '¯\\_(ツ)_/¯ - no data processed';
/** Epoch milliseconds up to the year 5138: a window bound, not the tail of a string or a number. */
const MAX_PLAUSIBLE_TIME = 1e14;

/** Text without control characters (other than tab and line breaks), or null. */
function printableText(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // eslint-disable-next-line no-control-regex
  return text.includes('\ufffd') || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** The formats these bytes could have been written in. */
export function candidateFormats(bytes: Uint8Array): Set<ByteFormat> {
  const out = new Set<ByteFormat>();
  const text = printableText(bytes);
  if (text !== null) {
    out.add('KAFKA_STRING');
    if (text.trim() !== '' && parsesAsJson(text)) out.add('JSON');
  }
  if (bytes.length === 4) out.add('KAFKA_INT');
  if (bytes.length === 8) {
    out.add('KAFKA_BIGINT');
    out.add('KAFKA_DOUBLE');
  }
  return out;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The formats every one of the byte strings fits (null: there were none). */
function commonFormats(all: readonly Uint8Array[]): Set<ByteFormat> | null {
  if (all.length === 0) return null;
  return all.map(candidateFormats).reduce((common, fits) => new Set([...common].filter((f) => fits.has(f))));
}

/** BIGINT or DOUBLE, when eight bytes could be either: doubles of everyday size read as huge integers. */
function prefersDouble(all: readonly Uint8Array[]): boolean {
  return all.every((b) => b.length !== 8 || (Number.isFinite(view(b).readDoubleBE(0)) && Math.abs(Number(view(b).readBigInt64BE(0))) >= 2 ** 53));
}

function renderAs(bytes: Uint8Array, format: ByteFormat): string {
  const buf = view(bytes);
  switch (format) {
    case 'JSON':
    case 'KAFKA_STRING':
      return buf.toString('utf8');
    case 'KAFKA_INT':
      return String(buf.readInt32BE(0));
    case 'KAFKA_BIGINT':
      return buf.readBigInt64BE(0).toString();
    case 'KAFKA_DOUBLE':
      return String(buf.readDoubleBE(0));
  }
}

/** The bytes in the first format of `formats` (in rendering order) that fits them, else hex. */
function renderBytes(bytes: Uint8Array, formats: ReadonlySet<ByteFormat>, double: boolean): string {
  const fits = candidateFormats(bytes);
  const order: readonly ByteFormat[] = double ? [...RENDERED.filter((f) => f !== 'KAFKA_BIGINT'), 'KAFKA_BIGINT'] : RENDERED;
  const format = order.find((f) => formats.has(f) && fits.has(f)) ?? order.find((f) => fits.has(f));
  return format === undefined ? `0x${view(bytes).toString('hex')}` : renderAs(bytes, format);
}

function listed(formats: ReadonlySet<ByteFormat>, wrap: (f: ByteFormat) => string = (f) => f): string {
  return LISTED.filter((f) => formats.has(f)).map(wrap).join(' or ');
}

/** How a topic's values (or keys that are not windowed) read, from the byte strings present. */
export function plainFormat(all: readonly Uint8Array[]): SideFormat {
  const common = commonFormats(all);
  const formats = common ?? new Set<ByteFormat>();
  const double = prefersDouble(all);
  return {
    description: common === null ? NO_DATA : common.size === 0 ? 'MIXED' : listed(common),
    render: (bytes) => (bytes === null ? '<null>' : renderBytes(bytes, formats, double)),
  };
}

/** Whether the key bytes look like a key with a window after it (the bounds are plausible times). */
function windowShaped(bytes: Uint8Array, kind: 'SESSION' | 'TIME'): boolean {
  const suffix = kind === 'SESSION' ? 16 : 8;
  if (bytes.length <= suffix) return false;
  const decoded = decodeWindowedKey(bytes, kind === 'SESSION' ? 'SESSION' : 'TUMBLING', null);
  if (decoded === null) return false;
  const { start, end } = decoded.window;
  const plausible = (t: number) => t >= 0 && t < MAX_PLAUSIBLE_TIME;
  return kind === 'SESSION' ? plausible(start) && plausible(end) && end >= start : plausible(start);
}

/**
 * How a topic's keys read: plain formats when every key fits one; otherwise windowed keys (the
 * window the catalog knows for the topic, else whichever window shape every key has).
 */
export function keyFormat(all: readonly Uint8Array[], known: KnownWindow | null): SideFormat {
  const plain = plainFormat(all);
  if (all.length === 0 || (known === null && plain.description !== 'MIXED')) return plain;
  const shapes: { kinds: readonly WindowKind[]; shape: 'SESSION' | 'TIME' }[] =
    known !== null
      ? [{ kinds: [known.kind], shape: known.kind === 'SESSION' ? 'SESSION' : 'TIME' }]
      : [
          { kinds: ['SESSION'], shape: 'SESSION' },
          { kinds: ['HOPPING', 'TUMBLING'], shape: 'TIME' },
        ];
  for (const { kinds, shape } of shapes) {
    if (!all.every((b) => windowShaped(b, shape))) continue;
    const kind = kinds[0] ?? 'TUMBLING';
    const inner = all.map((b) => decodeWindowedKey(b, kind, null)?.key ?? b);
    const innerFormat = plainFormat(inner);
    const common = commonFormats(inner) ?? new Set<ByteFormat>();
    const description = common.size === 0 ? kinds.map((k) => `${k}(MIXED)`).join(' or ') : kinds.map((k) => listed(common, (f) => `${k}(${f})`)).join(' or ');
    return {
      description,
      render: (bytes) => {
        if (bytes === null) return '<null>';
        const decoded = decodeWindowedKey(bytes, kind, known?.sizeMs ?? null);
        if (decoded === null) return plain.render(bytes);
        const { start, end } = decoded.window;
        const shownEnd = shape === 'SESSION' || known?.sizeMs != null ? String(end) : '-';
        return `[${innerFormat.render(decoded.key)}@${start}/${shownEnd}]`;
      },
    };
  }
  return plain;
}

/** `, headers: [k=v, …]` when the record has headers (values as text, else hex). */
export function renderHeaders(headers: readonly RecordHeader[] | undefined): string {
  if (headers === undefined || headers.length === 0) return '';
  const value = (v: Uint8Array | null) => (v === null ? '<null>' : (printableText(v) ?? `0x${view(v).toString('hex')}`));
  return `, headers: [${headers.map((h) => `${h.key}=${value(h.value)}`).join(', ')}]`;
}
