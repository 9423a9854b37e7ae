// DATE / TIME / TIMESTAMP text: ISO-8601 in and out, UTC, with invalid text rejected.

import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, formatTimestamp, parseDate, parseTime, parseTimestamp } from '../../../src/common/index.js';

describe('temporal text', () => {
  it('formats days, ms of day and epoch ms as ksqlDB prints them', () => {
    expect(formatDate(0)).toBe('1970-01-01');
    expect(formatDate(-1)).toBe('1969-12-31');
    expect(formatDate(19782)).toBe('2024-02-29');
    expect(formatTime(0)).toBe('00:00:00');
    expect(formatTime(49_510_250)).toBe('13:45:10.250');
    expect(formatTimestamp(0)).toBe('1970-01-01T00:00:00.000');
    expect(formatTimestamp(-1)).toBe('1969-12-31T23:59:59.999');
  });

  it('parses what it formats, zones and all, and rejects impossible dates and times', () => {
    for (const d of [-1, 0, 19782, 2932896]) expect(parseDate(formatDate(d))).toBe(d);
    for (const t of [0, 1, 49_510_250, 86_399_999]) expect(parseTime(formatTime(t))).toBe(t);
    for (const ts of [-1, 0, 1_700_000_000_123]) expect(parseTimestamp(formatTimestamp(ts))).toBe(ts);
    expect(parseTimestamp('2024-01-01T01:00:00+01:00')).toBe(Date.UTC(2024, 0, 1));
    expect(parseTimestamp('2024-01-01')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseTime('24:00')).toBeNull();
    expect(parseTimestamp('yesterday')).toBeNull();
  });
});
