// Sink formats of a C*AS: the WITH clause's formats, else the source's, adjusted to the sink's key.

import type { FormatSpec, Schema, SourceSpan } from '../common/index.js';
import { sourceFormats } from './analyze-create-source.js';
import type { WithProperties } from './with-properties.js';

export function analyzeCreateSourceFormats(props: WithProperties, schema: Schema, span: SourceSpan, inherited: FormatSpec): FormatSpec {
  const keyCount = schema.columns.filter((c) => c.namespace === 'key').length;
  // A key-less sink has nothing to serialize in the key; a multi-column key needs a structured format.
  const keyType = schema.columns.find((c) => c.namespace === 'key')?.type.kind;
  const kafkaCannotHold = keyCount > 1 || (keyType !== undefined && !['INT', 'BIGINT', 'DOUBLE', 'STRING'].includes(keyType));
  const keyFormat = keyCount === 0 ? 'NONE' : kafkaCannotHold && inherited.keyFormat !== 'JSON' ? 'JSON' : inherited.keyFormat === 'NONE' ? 'KAFKA' : inherited.keyFormat;
  return sourceFormats(props, schema, span, { ...inherited, keyFormat, wrapSingleValue: true });
}
