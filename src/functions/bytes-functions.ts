// Bytes conversion functions: INT_FROM_BYTES, BIGINT_FROM_BYTES, DOUBLE_FROM_BYTES (big- or little-endian).

import { SqlTypes, type SqlType, type Value } from '../common/index.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

/** Reads a number from exactly `size` bytes; NULL for another length or a byte order other than BIG_ENDIAN / LITTLE_ENDIAN. */
function fromBytes(name: string, type: SqlType, size: number, read: (view: DataView, little: boolean) => Value): ScalarFunction {
  return {
    name,
    category: 'BYTES',
    description: `The ${type.kind} in ${size} BYTES, read big-endian unless the byte order 'LITTLE_ENDIAN' is given; NULL for another length.`,
    signatures: [{ params: ['BYTES'], returns: returnsType(type) }, { params: ['BYTES', 'STRING'], returns: returnsType(type) }],
    invoke: ([b, order]) => {
      const bytes = b as Uint8Array;
      const o = order === undefined ? 'BIG_ENDIAN' : (order as string).toUpperCase();
      if (bytes.length !== size || (o !== 'BIG_ENDIAN' && o !== 'LITTLE_ENDIAN')) return null;
      return read(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), o === 'LITTLE_ENDIAN');
    },
  };
}

export const bytesFunctions: readonly ScalarFunction[] = [
  fromBytes('INT_FROM_BYTES', SqlTypes.INT, 4, (v, little) => v.getInt32(0, little)),
  fromBytes('BIGINT_FROM_BYTES', SqlTypes.BIGINT, 8, (v, little) => v.getBigInt64(0, little)),
  fromBytes('DOUBLE_FROM_BYTES', SqlTypes.DOUBLE, 8, (v, little) => v.getFloat64(0, little)),
];
