// Unit tests for the date/time functions: Java patterns via js-joda, zones, bad input as NULL, unit arithmetic.

import { describe, expect, it } from 'vitest';
import { call, T } from './call-function.js';

const { INT, BIGINT, STRING, DATE, TIME, TIMESTAMP } = T;
const DAY = 86_400_000;
const ts = (iso: string): number => Date.parse(iso);

describe('formatting', () => {
  it('FORMAT_TIMESTAMP prints in UTC or a zone, with Java pattern letters and English names', () => {
    const t = ts('2021-06-30T12:18:39.446Z');
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING], t, "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe('2021-06-30T12:18:39.446Z');
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING, STRING], t, 'yyyy-MM-dd HH:mm:ss.SSS', 'America/Los_Angeles')).toBe('2021-06-30 05:18:39.446');
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING, STRING], t, 'HH:mm xxx', 'PST')).toBe('05:18 -07:00');
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING], t, "EEE, d MMM yyyy h:mm a")).toBe('Wed, 30 Jun 2021 12:18 PM');
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING], t, "EEEE MMMM ''yy")).toBe("Wednesday June '21");
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING, STRING], t, 'yyyy', 'Mars/Base')).toBeNull();
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING], t, 'bogus')).toBeNull();
    expect(call('FORMAT_TIMESTAMP', [TIMESTAMP, STRING], null, 'yyyy')).toBeNull();
  });

  it('FORMAT_DATE and FORMAT_TIME format dates and times of day; time letters in a date pattern give NULL', () => {
    expect(call('FORMAT_DATE', [DATE, STRING], 18911, 'yyyy-MM-dd')).toBe('2021-10-11');
    expect(call('FORMAT_DATE', [DATE, STRING], -1, 'dd/MM/yyyy')).toBe('31/12/1969');
    expect(call('FORMAT_DATE', [DATE, STRING], 0, 'HH:mm')).toBeNull();
    expect(call('FORMAT_TIME', [TIME, STRING], 13 * 3_600_000 + 25 * 60_000 + 7, 'HH:mm:ss.SSS')).toBe('13:25:00.007');
  });

  it('TIMESTAMPTOSTRING and DATETOSTRING (deprecated) format plain numbers', () => {
    expect(call('TIMESTAMPTOSTRING', [BIGINT, STRING], 0n, 'yyyy-MM-dd HH:mm:ss')).toBe('1970-01-01 00:00:00');
    expect(call('TIMESTAMPTOSTRING', [BIGINT, STRING, STRING], 0n, 'yyyy-MM-dd HH:mm', 'Asia/Kolkata')).toBe('1970-01-01 05:30');
    expect(call('DATETOSTRING', [INT, STRING], 18911, 'yyyy-MM-dd')).toBe('2021-10-11');
  });
});

describe('parsing', () => {
  it('PARSE_TIMESTAMP reads the zone from the text, else the given one (UTC by default)', () => {
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], '2021-06-30 12:18:39.446', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe(ts('2021-06-30T12:18:39.446Z'));
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], '2021-06-30T12:18:39.446+0200', "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toBe(ts('2021-06-30T10:18:39.446Z'));
    expect(call('PARSE_TIMESTAMP', [STRING, STRING, STRING], '2021-01-01 00:00', 'yyyy-MM-dd HH:mm', 'America/New_York')).toBe(ts('2021-01-01T05:00:00Z'));
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], '2021-06-30', 'yyyy-MM-dd')).toBe(ts('2021-06-30T00:00:00Z'));
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], '11 Oct 2021 7:05 PM', 'dd MMM yyyy h:mm a')).toBeNull();
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], 'Mon, 11 Oct 2021', 'EEE, dd MMM yyyy')).toBe(ts('2021-10-11T00:00:00Z'));
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], 'not a date', 'yyyy-MM-dd')).toBeNull();
    expect(call('PARSE_TIMESTAMP', [STRING, STRING], '2021-13-01', 'yyyy-MM-dd')).toBeNull();
  });

  it('PARSE_DATE and PARSE_TIME give days since epoch and ms of day; missing fields default', () => {
    expect(call('PARSE_DATE', [STRING, STRING], '2021-10-11', 'yyyy-MM-dd')).toBe(18911);
    expect(call('PARSE_DATE', [STRING, STRING], '2021-02-30', 'yyyy-MM-dd')).toBe(18686);
    expect(call('PARSE_DATE', [STRING, STRING], '10/2021', 'MM/yyyy')).toBe(18901);
    expect(call('PARSE_DATE', [STRING, STRING], '2021-10-11', 'bad pattern {')).toBeNull();
    expect(call('PARSE_TIME', [STRING, STRING], '13:25', 'HH:mm')).toBe(13 * 3_600_000 + 25 * 60_000);
    expect(call('PARSE_TIME', [STRING, STRING], '01:02:03.456', 'HH:mm:ss.SSS')).toBe(3_723_456);
  });

  it('STRINGTOTIMESTAMP and STRINGTODATE (deprecated) give BIGINT and INT', () => {
    expect(call('STRINGTOTIMESTAMP', [STRING, STRING], '1970-01-01 00:00:01', 'yyyy-MM-dd HH:mm:ss')).toBe(1000n);
    expect(call('STRINGTOTIMESTAMP', [STRING, STRING, STRING], '1970-01-01 05:30', 'yyyy-MM-dd HH:mm', 'Asia/Kolkata')).toBe(0n);
    expect(call('STRINGTODATE', [STRING, STRING], '1970-01-10', 'yyyy-MM-dd')).toBe(9);
  });
});

describe('zones and conversions', () => {
  it('CONVERT_TZ moves wall-clock time between zones', () => {
    expect(call('CONVERT_TZ', [TIMESTAMP, STRING, STRING], ts('2021-01-01T12:00:00Z'), 'UTC', 'America/Los_Angeles')).toBe(ts('2021-01-01T04:00:00Z'));
    expect(call('CONVERT_TZ', [TIMESTAMP, STRING, STRING], ts('2021-07-01T12:00:00Z'), 'Europe/London', 'UTC')).toBe(ts('2021-07-01T11:00:00Z'));
    expect(call('CONVERT_TZ', [TIMESTAMP, STRING, STRING], 0, 'UTC', 'Nowhere')).toBeNull();
  });

  it('FROM_DAYS, FROM_UNIXTIME, UNIX_DATE and UNIX_TIMESTAMP convert between numbers and DATE/TIMESTAMP', () => {
    expect(call('FROM_DAYS', [INT], 18911)).toBe(18911);
    expect(call('FROM_UNIXTIME', [BIGINT], 1625055519446n)).toBe(1625055519446);
    expect(call('UNIX_DATE', [DATE], 18911)).toBe(18911);
    expect(call('UNIX_TIMESTAMP', [TIMESTAMP], 1625055519446)).toBe(1625055519446n);
    const before = Date.now();
    const now = call('UNIX_TIMESTAMP', []) as bigint;
    expect(Number(now)).toBeGreaterThanOrEqual(before);
    expect(call('UNIX_DATE', [])).toBe(Math.floor(Number(now) / DAY));
  });
});

describe('arithmetic with time units', () => {
  it('DATEADD/DATESUB add whole days (smaller units cut toward zero)', () => {
    expect(call('DATEADD', [STRING, INT, DATE], 'DAYS', 5, 18911)).toBe(18916);
    expect(call('DATESUB', [STRING, INT, DATE], 'DAY', 5, 18911)).toBe(18906);
    expect(call('DATEADD', [STRING, INT, DATE], 'HOURS', 49, 0)).toBe(2);
    expect(call('DATEADD', [STRING, INT, DATE], 'HOURS', -25, 0)).toBe(-1);
    expect(call('DATEADD', [STRING, INT, DATE], 'FORTNIGHTS', 1, 0)).toBeNull();
  });

  it('TIMEADD/TIMESUB wrap around midnight', () => {
    expect(call('TIMEADD', [STRING, INT, TIME], 'HOURS', 2, 23 * 3_600_000)).toBe(3_600_000);
    expect(call('TIMESUB', [STRING, INT, TIME], 'MINUTES', 1, 0)).toBe(DAY - 60_000);
    expect(call('TIMEADD', [STRING, INT, TIME], 'DAYS', 3, 1000)).toBe(1000);
  });

  it('TIMESTAMPADD/TIMESTAMPSUB add any unit, INT or BIGINT amounts', () => {
    expect(call('TIMESTAMPADD', [STRING, INT, TIMESTAMP], 'SECONDS', 90, 0)).toBe(90_000);
    expect(call('TIMESTAMPSUB', [STRING, BIGINT, TIMESTAMP], 'DAYS', 1n, DAY)).toBe(0);
    expect(call('TIMESTAMPADD', [STRING, INT, TIMESTAMP], 'microseconds', 2500, 0)).toBe(2);
    expect(call('TIMESTAMPADD', [STRING, INT, TIMESTAMP], 'SECONDS', null, 0)).toBeNull();
  });
});
