// Unit tests for record matching: windowed keys (time and session byte layouts), tombstones, headers, timestamps.
import { describe, expect, it } from 'vitest';
import { SqlTypes } from '../../../src/common/index.js';
import { parseLosslessJson, type TestRecord } from '../../../src/engine/index.js';
import { matchRecord, parseRecordFile, splitWindowedKey, windowedKeyBytes, type FileRecord, type MatchContext } from '../../../src/testing/index.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

const ctx: MatchContext = {
  shape: { keyType: SqlTypes.STRING, valueType: { kind: 'STRUCT', fields: [{ name: 'COUNT', type: SqlTypes.BIGINT }] }, partitions: 1 },
  // KAFKA STRING keys are their UTF-8 bytes.
  decodeKey: (bytes) => (bytes === null ? null : Buffer.from(bytes).toString('utf8')),
  noInputs: false,
};

function expected(json: string): FileRecord {
  const [record] = parseRecordFile(`{"outputs": [${json}]}`, 'outputs', 'output.json');
  return record!;
}

function actual(keyBytes: Uint8Array | null, value: string | null, timestamp = 0, headers: TestRecord['headers'] = []): TestRecord {
  return {
    topic: 'T',
    key: keyBytes === null ? null : Buffer.from(keyBytes).toString('utf8'),
    keyBytes,
    value: value === null ? null : (parseLosslessJson(value)),
    timestamp,
    headers,
    partition: 0,
    offset: 0,
  };
}

describe('windowed keys', () => {
  it('splits time-window keys (inner ‖ start) and session keys (inner ‖ end ‖ start)', () => {
    const time = windowedKeyBytes(utf8('k'), { start: 1000, end: 2000, type: 'time' });
    expect(time.length).toBe(9);
    expect(splitWindowedKey(time, 'time')).toEqual({ inner: utf8('k'), start: 1000, end: null });
    const session = windowedKeyBytes(utf8('k'), { start: 10, end: 70, type: 'session' });
    expect(session.length).toBe(17);
    expect(splitWindowedKey(session, 'session')).toEqual({ inner: utf8('k'), start: 10, end: 70 });
    expect(splitWindowedKey(utf8('abc'), 'time')).toBeNull();
  });

  it('matches the inner key and the window bounds', () => {
    const key = windowedKeyBytes(utf8('k'), { start: 0, end: 60, type: 'session' });
    const e = '{"topic": "T", "key": "k", "value": {"COUNT": 2}, "window": {"start": 0, "end": 60, "type": "session"}}';
    expect(matchRecord(expected(e), actual(key, '{"COUNT": 2}'), ctx)).toBeNull();
    expect(matchRecord(expected(e.replace('"end": 60', '"end": 61')), actual(key, '{"COUNT": 2}'), ctx)).toBe(
      'window: expected [0, 61] (session) but was [0, 60]',
    );
    expect(matchRecord(expected(e.replace('"key": "k"', '"key": "j"')), actual(key, '{"COUNT": 2}'), ctx)).toBe('key: expected "j" but was "k"');
    const time = windowedKeyBytes(utf8('k'), { start: 5000, end: 6000, type: 'time' });
    const t = '{"topic": "T", "key": "k", "value": {"COUNT": 1}, "window": {"start": 4000, "end": 5000, "type": "time"}}';
    expect(matchRecord(expected(t), actual(time, '{"COUNT": 1}'), ctx)).toBe('window: expected [4000, 5000] (time) but the window starts at 5000');
    expect(matchRecord(expected(t), actual(utf8('k'), '{"COUNT": 1}'), ctx)).toBe('key: expected a time-windowed key "k" but was "k"');
  });
});

describe('tombstones, timestamps and headers', () => {
  it('a null expected value matches only a tombstone', () => {
    const e = expected('{"topic": "T", "key": "k", "value": null}');
    expect(matchRecord(e, actual(utf8('k'), null), ctx)).toBeNull();
    expect(matchRecord(e, actual(utf8('k'), '{"COUNT": 1}'), ctx)).toBe('value: expected null but was {"COUNT":1}');
    expect(matchRecord(expected('{"topic": "T", "key": "k", "value": {"COUNT": 1}}'), actual(utf8('k'), null), ctx)).toBe(
      'value: expected {"COUNT":1} but was null',
    );
  });

  it('an expected timestamp of 0 matches any only when the case has no inputs', () => {
    const e = expected('{"topic": "T", "key": "k", "value": {"COUNT": 1}, "timestamp": 0}');
    expect(matchRecord(e, actual(utf8('k'), '{"COUNT": 1}', 99), ctx)).toBe('timestamp: expected 0 but was 99');
    expect(matchRecord(e, actual(utf8('k'), '{"COUNT": 1}', 99), { ...ctx, noInputs: true })).toBeNull();
  });

  it('headers must match in order with identical bytes', () => {
    const e = expected('{"topic": "T", "key": "k", "value": {"COUNT": 1}, "headers": [{"KEY": "a", "VALUE": "AQI="}]}');
    expect(matchRecord(e, actual(utf8('k'), '{"COUNT": 1}', 0, [{ key: 'a', value: 'AQI=' }]), ctx)).toBeNull();
    expect(matchRecord(e, actual(utf8('k'), '{"COUNT": 1}', 0, [{ key: 'a', value: 'AQM=' }]), ctx)).toBe('headers: expected [a=AQI=] but was [a=AQM=]');
  });
});
