// Unit tests for murmur2 and partitionForKey against Kafka's own reference values (UtilsTest.testMurmur2).

import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey } from '../../../src/io/index.js';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** From Apache Kafka's clients UtilsTest.testMurmur2 (strings as UTF-8 bytes → Utils.murmur2). */
const KAFKA_REFERENCE: readonly [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

/** Further published values (Kafka client ports citing Kafka and librdkafka) covering every tail length 0–3. */
const MORE_REFERENCE: readonly [string, number][] = [
  ['string-f-24-chars-length', 124730809],
  ['string-fo-25-chars-length', 1269511650],
  ['string-foo-26-chars-length', 119165628],
  ['string-last-27-chars-length', 1089971754],
  ['kafka', -798503068],
];

/** Kafka's Utils.toPositive(Utils.murmur2(key)) % numPartitions, written out independently. */
const kafkaPartition = (hash: number, partitions: number): number => (hash & 0x7fffffff) % partitions;

describe('murmur2', () => {
  it("returns Kafka's Utils.murmur2 reference values", () => {
    for (const [s, hash] of KAFKA_REFERENCE) expect(murmur2(utf8(s)), s).toBe(hash);
  });

  it('matches further published values for every tail length', () => {
    for (const [s, hash] of MORE_REFERENCE) expect(murmur2(utf8(s)), s).toBe(hash);
  });

  it('is a signed 32-bit integer and reads bytes as unsigned', () => {
    const h = murmur2(new Uint8Array([0xff, 0x80, 0x00, 0x7f, 0xfe]));
    expect(Number.isInteger(h) && h >= -2147483648 && h <= 2147483647).toBe(true);
    expect(murmur2(new Uint8Array([0xff]))).not.toBe(murmur2(new Uint8Array([0x7f])));
    expect(Number.isInteger(murmur2(new Uint8Array(0)))).toBe(true);
  });

  it('reads a subarray view by its own offset', () => {
    const buffer = utf8('xxfoobaryy');
    expect(murmur2(buffer.subarray(2, 8))).toBe(-790332482);
  });
});

describe('partitionForKey', () => {
  it("is Kafka's default partitioner: positive hash modulo the partition count", () => {
    for (const [s, hash] of [...KAFKA_REFERENCE, ...MORE_REFERENCE]) {
      for (const partitions of [1, 2, 3, 6, 10, 12, 100]) {
        const p = partitionForKey(utf8(s), partitions);
        expect(p, `${s} over ${partitions}`).toBe(kafkaPartition(hash, partitions));
        expect(p >= 0 && p < partitions).toBe(true);
      }
    }
  });

  it('spot values', () => {
    expect(partitionForKey(utf8('foobar'), 10)).toBe(6);
    expect(partitionForKey(utf8('21'), 3)).toBe(0);
    expect(partitionForKey(utf8('abc'), 4)).toBe(3);
  });

  it('sends the same key to the same partition every time', () => {
    const key = new Uint8Array([0, 0, 0, 42]);
    const first = partitionForKey(key, 7);
    for (let i = 0; i < 5; i++) expect(partitionForKey(new Uint8Array([0, 0, 0, 42]), 7)).toBe(first);
  });
});
