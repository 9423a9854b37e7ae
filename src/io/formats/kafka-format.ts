// KAFKA format: Kafka's primitive serializers' byte layouts for INT, BIGINT, DOUBLE and STRING.

import type { SqlType, Value } from '../../common/index.js';

export function decodeKafka(bytes: Uint8Array, type: SqlType): Value | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type.kind) {
    case 'INT':
      return bytes.length === 4 ? view.getInt32(0) : `expected 4 bytes for a KAFKA INT, got ${bytes.length}`;
    case 'BIGINT':
      return bytes.length === 8 ? view.getBigInt64(0) : `expected 8 bytes for a KAFKA BIGINT, got ${bytes.length}`;
    case 'DOUBLE':
      return bytes.length === 8 ? view.getFloat64(0) : `expected 8 bytes for a KAFKA DOUBLE, got ${bytes.length}`;
    case 'STRING':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    default:
      return `the KAFKA format cannot hold ${type.kind}`;
  }
}

export function encodeKafka(value: Value, type: SqlType): Uint8Array | null {
  if (value === null) return null;
  switch (type.kind) {
    case 'INT': {
      const b = Buffer.alloc(4);
      b.writeInt32BE(value as number);
      return b;
    }
    case 'BIGINT': {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(value as bigint);
      return b;
    }
    case 'DOUBLE': {
      const b = Buffer.alloc(8);
      b.writeDoubleBE(value as number);
      return b;
    }
    default:
      return Buffer.from(typeof value === 'string' ? value : String(value as number | bigint), 'utf8');
  }
}
