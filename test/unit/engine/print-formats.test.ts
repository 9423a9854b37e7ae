// PRINT's format guessing: windowed keys without a catalog, hex for bytes no format fits, headers.

import { describe, expect, it } from 'vitest';
import { keyFormat, plainFormat, renderHeaders } from '../../../src/engine/print-formats.js';

const bytes = (...parts: (string | Buffer)[]): Uint8Array => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
const int64 = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};
const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe('PRINT format guessing', () => {
  it('recognizes time-windowed and session-windowed keys from their bytes alone', () => {
    const time = keyFormat([bytes(int32(9), int64(1_700_000_040_000)), bytes(int32(10), int64(1_700_000_100_000))], null);
    expect(time.description).toBe('HOPPING(KAFKA_INT) or TUMBLING(KAFKA_INT)');
    expect(time.render(bytes(int32(9), int64(1_700_000_040_000)))).toBe('[9@1700000040000/-]');
    const session = keyFormat([bytes('"user"', int64(1_700_000_050_000), int64(1_700_000_040_000))], null);
    expect(session.description).toBe('SESSION(JSON) or SESSION(KAFKA_STRING)');
    expect(session.render(bytes('"user"', int64(1_700_000_050_000), int64(1_700_000_040_000)))).toBe('["user"@1700000040000/1700000050000]');
  });

  it('calls keys of differing formats MIXED and shows bytes no format fits as hex', () => {
    const keys = keyFormat([bytes(int32(1)), bytes('abc')], null);
    expect(keys.description).toBe('MIXED');
    expect(keys.render(bytes(Buffer.from([0, 1, 2])))).toBe('0x000102');
    expect(plainFormat([]).description).toBe('¯\\_(ツ)_/¯ - no data processed');
  });

  it('renders headers as text, or hex when they are not', () => {
    expect(renderHeaders(undefined)).toBe('');
    expect(renderHeaders([{ key: 'trace', value: bytes('abc') }, { key: 'bin', value: bytes(Buffer.from([0, 255])) }, { key: 'none', value: null }])).toBe(
      ', headers: [trace=abc, bin=0x00ff, none=<null>]',
    );
  });
});
