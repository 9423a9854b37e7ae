// LogRecord: a record read from the embedded log, a view into its stored batch; the value's text is decoded on first use.

import type { RecordHeader, SourceRecord } from '../../exec/index.js';

/**
 * The record's key and value are views of the stored batch's bytes (no copy per record). Text
 * formats want the value as a string: `valueText` decodes it once, and is undefined when the bytes
 * are not valid UTF-8 (any U+FFFD may stand for invalid bytes, so decoders then use `value`).
 */
export class LogRecord implements SourceRecord {
  private text: string | null | undefined;
  /** The value text as parsed for the first decoder (the record may be handed to several readers). */
  private parsed: unknown = UNPARSED;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly timestamp: number,
    readonly key: Uint8Array | null,
    private readonly batch: Buffer,
    /** Where the value starts and ends in `batch`; -1 for a null value. */
    private readonly valueStart: number,
    private readonly valueEnd: number,
    readonly headers: readonly RecordHeader[] | undefined,
  ) {}

  parsedText(parse: (text: string) => unknown): unknown {
    if (this.parsed === UNPARSED) this.parsed = parse(this.valueText as string);
    return this.parsed;
  }

  get value(): Uint8Array | null {
    return this.valueStart < 0 ? null : this.batch.subarray(this.valueStart, this.valueEnd);
  }

  get valueText(): string | undefined {
    if (this.text === undefined) {
      const text = this.valueStart < 0 ? '' : this.batch.toString('utf8', this.valueStart, this.valueEnd);
      this.text = this.valueStart < 0 || mayBeLossy(text) ? null : text;
    }
    return this.text ?? undefined;
  }
}

const UNPARSED: unique symbol = Symbol('unparsed');

/** Whether decoded text may differ from the bytes it came from (a U+FFFD stands for invalid UTF-8, or was there). */
function mayBeLossy(text: string): boolean {
  return text.includes('\uFFFD');
}
