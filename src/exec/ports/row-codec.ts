// Row codecs: the port that turns record bytes into row values and back (implemented by io/formats).

import type { FormatSpec, Row, Schema, Value } from '../../common/index.js';
import type { SourceRecord } from './records.js';

export interface RowDecoder {
  /**
   * Writes the key and value columns of `schema` into `into[0 … n-1]`, in schema order, and returns
   * null; or returns a message saying why the record cannot be read (it is then skipped).
   */
  decode(record: SourceRecord, into: Value[]): string | null;
}

export interface EncodedRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
}

export interface RowEncoder {
  /** Encodes a row laid out by the schema; `tombstone` writes a null value. */
  encode(row: Row, tombstone: boolean): EncodedRecord;
}

export interface CodecFactory {
  /** `readColumns`: the schema indexes to decode (null: all); the others are set to NULL. */
  decoder(schema: Schema, formats: FormatSpec, readColumns: readonly number[] | null): RowDecoder;
  encoder(schema: Schema, formats: FormatSpec): RowEncoder;
}
