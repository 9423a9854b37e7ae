// eventTimeParser: event time from a string column with a TIMESTAMP_FORMAT (Java DateTimeFormatter pattern), in UTC unless the text has a zone.

import { joda } from '../functions/index.js';

/** A parser for `pattern` (throws on an invalid pattern); the parser throws on text that does not match. */
export function eventTimeParser(pattern: string): (text: string) => number {
  const { DateTimeFormatter, LocalTime, TemporalQueries, ZonedDateTime, ZoneOffset } = joda();
  const formatter = DateTimeFormatter.ofPattern(pattern);
  return (text) => {
    const parsed = formatter.parse(text);
    const date = parsed.query(TemporalQueries.localDate());
    if (date === null) throw new Error(`'${text}' has no date`);
    const time = parsed.query(TemporalQueries.localTime()) ?? LocalTime.MIDNIGHT;
    const zone = parsed.query(TemporalQueries.zone()) ?? ZoneOffset.UTC;
    return ZonedDateTime.of(date, time, zone).toInstant().toEpochMilli();
  };
}
