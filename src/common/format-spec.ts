// FormatSpec: how a topic's keys and values are serialized (ksqlDB's KEY_FORMAT / VALUE_FORMAT).

export type FormatName = 'JSON' | 'KAFKA' | 'DELIMITED' | 'NONE';

export const FORMAT_NAMES: readonly FormatName[] = ['JSON', 'KAFKA', 'DELIMITED', 'NONE'];

export interface FormatSpec {
  readonly keyFormat: FormatName;
  readonly valueFormat: FormatName;
  /** For a single value column: a JSON object `{"F":1}` (true, the default) or a bare `1`. */
  readonly wrapSingleValue: boolean;
  /** DELIMITED only: the field separator of keys and values (',' when absent). */
  readonly keyDelimiter?: string;
  readonly valueDelimiter?: string;
}
