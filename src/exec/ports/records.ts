// SourceRecord and SinkRecord: the raw records that cross the boundary between exec and io.

export interface RecordHeader {
  readonly key: string;
  readonly value: Uint8Array | null;
}

/** A record read from a topic partition. */
export interface SourceRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  /**
   * The value as text, when the reader already holds it so (the embedded log reads values as text):
   * exactly the UTF-8 decoding of `value`, given only when `value` is valid UTF-8. Decoders of text
   * formats use it to skip a copy and a decode per record.
   */
  readonly valueText?: string;
  readonly headers?: readonly RecordHeader[];
  /**
   * `parse(valueText)`, computed once per record by readers whose records several queries share (the
   * embedded log's recent reads): the next decoder of the same record gets the first one's result.
   * `parse` is always the JSON format's parser; its result is only read, never changed.
   */
  parsedText?(parse: (text: string) => unknown): unknown;
}

/** A record to append to a topic; the log picks the partition from the key. */
export interface SinkRecord {
  readonly topic: string;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers?: readonly RecordHeader[];
}

/** partition → the next offset to read. */
export type Positions = ReadonlyMap<number, number>;
