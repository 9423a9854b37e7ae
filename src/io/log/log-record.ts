// LogRecord: a record read from the embedded log, its value read as text and turned into bytes only when asked.

import type { RecordHeader, SourceRecord } from '../../exec/index.js';

/**
 * SQLite hands a BLOB to JavaScript as a fresh Buffer (a copy per record), a TEXT as a string; the
 * text formats want the string. The log therefore reads values as text and keeps the bytes only when
 * the text is not their exact decoding (invalid UTF-8 decodes to U+FFFD, so any U+FFFD sends the
 * reader back for the bytes); `value` re-encodes the text on first use, which gives the same bytes.
 */
export class LogRecord implements SourceRecord {
  private bytes: Uint8Array | null | undefined;
  readonly valueText: string | undefined;
  /** The value text as parsed for the first decoder (the record may be handed to several readers). */
  private parsed: unknown = UNPARSED;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly timestamp: number,
    readonly key: Uint8Array | null,
    text: string | null,
    bytes: Uint8Array | undefined,
    readonly headers: readonly RecordHeader[] | undefined,
  ) {
    this.valueText = bytes === undefined && text !== null ? text : undefined;
    this.bytes = text === null ? null : bytes;
  }

  parsedText(parse: (text: string) => unknown): unknown {
    if (this.parsed === UNPARSED) this.parsed = parse(this.valueText as string);
    return this.parsed;
  }

  get value(): Uint8Array | null {
    if (this.bytes === undefined) this.bytes = Buffer.from(this.valueText as string, 'utf8');
    return this.bytes;
  }
}

const UNPARSED: unique symbol = Symbol('unparsed');

/** Whether decoded text may differ from the bytes it came from (a U+FFFD stands for invalid UTF-8, or was there). */
export function mayBeLossy(text: string): boolean {
  return text.includes('\uFFFD');
}
