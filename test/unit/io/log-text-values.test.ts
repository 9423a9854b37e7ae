// Unit tests: values read from the embedded log as text decode and re-encode exactly as their bytes would.

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlTypes, type Column, type FormatSpec, type Schema, type SqlType, type Value } from '../../../src/common/index.js';
import type { SourceRecord } from '../../../src/exec/index.js';
import { EmbeddedLog, formatCodecs, LOG_MIGRATIONS } from '../../../src/io/index.js';
import { openDataDirectory } from '../../../src/state/index.js';

const kafkaValue = (type: SqlType): { schema: Schema; formats: FormatSpec } => ({
  schema: { columns: [{ name: 'V', type, namespace: 'value' } satisfies Column] },
  formats: { keyFormat: 'NONE', valueFormat: 'KAFKA', wrapSingleValue: true },
});

/** The record as a reader without text would give it (bytes only). */
const bytesOnly = (r: SourceRecord): SourceRecord => ({ topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key, value: r.value });

function decodeWith(type: SqlType, r: SourceRecord): Value | string {
  const { schema, formats } = kafkaValue(type);
  const row: Value[] = [undefined as unknown as Value];
  return formatCodecs.decoder(schema, formats, null).decode(r, row) ?? (row[0] as Value);
}

let db: Database.Database;
let log: EmbeddedLog;

beforeEach(() => {
  db = openDataDirectory(':memory:', { log: LOG_MIGRATIONS });
  log = new EmbeddedLog(db);
  log.createTopic('t', 1, 0);
});

afterEach(() => db.close());

describe('KAFKA STRING values read as text', () => {
  const values: (Uint8Array | null)[] = [
    Buffer.from('plain ascii', 'utf8'),
    Buffer.from('non-ASCII: héllo, 日本語, emoji 🎉', 'utf8'),
    Buffer.from('', 'utf8'),
    Buffer.from('a literal \uFFFD replacement character', 'utf8'),
    new Uint8Array([0x61, 0xff, 0xfe, 0x62]), // invalid UTF-8
    null,
  ];

  it('decode to what the bytes decode to, and re-encode to the same bytes', () => {
    log.append(values.map((value) => ({ topic: 't', timestamp: 1, key: null, value })));
    const read = log.reader('t', 'earliest').readAvailable(100);
    expect(read).toHaveLength(values.length);
    // The log hands text for the valid UTF-8 values (the case the shortcut serves).
    expect(read[1]?.valueText).toBe('non-ASCII: héllo, 日本語, emoji 🎉');
    const { schema, formats } = kafkaValue(SqlTypes.STRING);
    const encoder = formatCodecs.encoder(schema, formats);
    read.forEach((r, i) => {
      const viaText = decodeWith(SqlTypes.STRING, r);
      const viaBytes = decodeWith(SqlTypes.STRING, bytesOnly(r));
      expect(viaText).toEqual(viaBytes);
      const original = values[i] ?? null;
      const reencoded = encoder.encode([viaText], false).value;
      if (original === null) expect(reencoded).toBeNull();
      else if (i === 4) expect(Buffer.from(reencoded ?? []).toString('utf8')).toBe('a\uFFFD\uFFFDb');
      else expect(Buffer.from(reencoded ?? []).equals(Buffer.from(original))).toBe(true);
    });
  });

  it('other KAFKA types still read the bytes, not the text', () => {
    const int = new Uint8Array([0, 0, 0, 42]);
    const big = new Uint8Array([0, 0, 0, 0, 0, 0, 1, 0]);
    log.append([int, big, Buffer.from('abc')].map((value) => ({ topic: 't', timestamp: 1, key: null, value })));
    const [a, b, c] = log.reader('t', 'earliest').readAvailable(10);
    expect(a?.valueText).toBeDefined();
    expect(decodeWith(SqlTypes.INT, a as SourceRecord)).toBe(42);
    expect(decodeWith(SqlTypes.BIGINT, b as SourceRecord)).toBe(256n);
    expect(decodeWith(SqlTypes.INT, c as SourceRecord)).toBe('value: expected 4 bytes for a KAFKA INT, got 3');
  });
});
