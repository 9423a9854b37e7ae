// Java DateTimeFormatter patterns over @js-joda: formatting and lenient parsing, plus English month and day names.

import type { ChronoField, DateTimeFormatter, LocalDate, LocalTime, TemporalAccessor, ZoneId } from '@js-joda/core';
import { joda } from './joda.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Java's ZoneId.SHORT_IDS, which java.util.TimeZone accepts too ("PST", "IST", …). */
const SHORT_IDS: Readonly<Record<string, string>> = {
  ACT: 'Australia/Darwin', AET: 'Australia/Sydney', AGT: 'America/Argentina/Buenos_Aires', ART: 'Africa/Cairo',
  AST: 'America/Anchorage', BET: 'America/Sao_Paulo', BST: 'Asia/Dhaka', CAT: 'Africa/Harare', CNT: 'America/St_Johns',
  CST: 'America/Chicago', CTT: 'Asia/Shanghai', EAT: 'Africa/Addis_Ababa', ECT: 'Europe/Paris', IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata', JST: 'Asia/Tokyo', MIT: 'Pacific/Apia', NET: 'Asia/Yerevan', NST: 'Pacific/Auckland', PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix', PRT: 'America/Puerto_Rico', PST: 'America/Los_Angeles', SST: 'Pacific/Guadalcanal', VST: 'Asia/Ho_Chi_Minh',
  EST: '-05:00', MST: '-07:00', HST: '-10:00',
};

/** A time zone by Java id (`UTC`, `America/Los_Angeles`, `+02:00`, `PST`); throws on an unknown id. */
export function zoneOf(id: string): ZoneId {
  return joda().ZoneId.of(SHORT_IDS[id] ?? id);
}

interface Token {
  readonly text: string;
  /** A run of one pattern letter (`MMM`), or null for literals and punctuation. */
  readonly letter: string | null;
}

/** Splits a Java pattern into letter runs and everything else (quoted literals kept as written). */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] ?? '';
    if (c === "'") {
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") j += 2;
        else if (pattern[j] === "'") break;
        else j++;
      }
      tokens.push({ text: pattern.slice(i, j + 1), letter: null });
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ text: pattern.slice(i, j), letter: c });
      i = j;
    } else {
      tokens.push({ text: c, letter: null });
      i++;
    }
  }
  return tokens;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const isText = (t: Token): boolean => ((t.letter === 'M' || t.letter === 'L') && t.text.length >= 3) || t.letter === 'E' || t.letter === 'a' || t.letter === 'G';

const FORMATTERS = new Map<string, DateTimeFormatter>();
function formatter(pattern: string): DateTimeFormatter {
  let f = FORMATTERS.get(pattern);
  if (f === undefined) {
    f = joda().DateTimeFormatter.ofPattern(pattern);
    if (FORMATTERS.size > 2000) FORMATTERS.clear();
    FORMATTERS.set(pattern, f);
  }
  return f;
}

/** Tokens per pattern, and whether any is a text field (patterns repeat row after row). */
const TOKENS = new Map<string, { tokens: Token[]; text: boolean }>();
function tokensOf(pattern: string): { tokens: Token[]; text: boolean } {
  let t = TOKENS.get(pattern);
  if (t === undefined) {
    const tokens = tokenize(pattern);
    t = { tokens, text: tokens.some(isText) };
    if (TOKENS.size > 2000) TOKENS.clear();
    TOKENS.set(pattern, t);
  }
  return t;
}

/** Formats a date, time or zoned date-time with a Java pattern; text fields print in English. */
export function formatTemporal(value: TemporalAccessor & { format(f: DateTimeFormatter): string }, pattern: string): string {
  const { tokens, text } = tokensOf(pattern);
  if (!text) return value.format(formatter(pattern));
  const { ChronoField } = joda();
  const rewritten = tokens
    .map((t) => {
      if (!isText(t)) return t.text;
      const short = t.text.length < 4;
      switch (t.letter) {
        case 'M':
        case 'L': {
          const name = MONTHS[value.get(ChronoField.MONTH_OF_YEAR) - 1] ?? '';
          return quote(t.text.length === 5 ? name.charAt(0) : short ? name.slice(0, 3) : name);
        }
        case 'E': {
          const name = DAYS[value.get(ChronoField.DAY_OF_WEEK) - 1] ?? '';
          return quote(t.text.length === 5 ? name.charAt(0) : short ? name.slice(0, 3) : name);
        }
        case 'a':
          return quote(value.get(ChronoField.AMPM_OF_DAY) === 0 ? 'AM' : 'PM');
        default:
          return quote(value.get(ChronoField.ERA) === 1 ? (short ? 'AD' : 'Anno Domini') : short ? 'BC' : 'Before Christ');
      }
    })
    .join('');
  return value.format(formatter(rewritten));
}

/** What a parse found: a date and a time (missing fields defaulted to 1970-01-01 and midnight) and any zone. */
export interface ParsedDateTime {
  readonly date: LocalDate;
  readonly time: LocalTime;
  readonly zone: ZoneId | null;
}

/** Parses `text` with a Java pattern, accepting English month and day names; throws when it does not match. */
export function parseDateTime(text: string, pattern: string): ParsedDateTime {
  const { ChronoField, LocalDate, LocalTime, TemporalQueries } = joda();
  let input = text;
  const { tokens: parsed, text: hasText } = tokensOf(pattern);
  const tokens = !hasText ? parsed : parsed.map((t): Token => {
    if ((t.letter === 'M' || t.letter === 'L') && t.text.length >= 3) {
      input = replaceNames(input, MONTHS, (i) => String(i + 1).padStart(2, '0'));
      return { text: 'MM', letter: 'M' };
    }
    if (t.letter === 'E') {
      input = replaceNames(input, DAYS, () => '');
      return { text: '', letter: null };
    }
    return t;
  });
  const acc = formatter(tokens.map((t) => t.text).join('')).parse(input);
  const field = (f: ChronoField): number | null => (acc.isSupported(f) ? acc.getLong(f) : null);
  const date =
    acc.query(TemporalQueries.localDate()) ??
    LocalDate.of(field(ChronoField.YEAR) ?? field(ChronoField.YEAR_OF_ERA) ?? 1970, field(ChronoField.MONTH_OF_YEAR) ?? 1, field(ChronoField.DAY_OF_MONTH) ?? 1);
  const ampmHour = field(ChronoField.HOUR_OF_AMPM) ?? ((field(ChronoField.CLOCK_HOUR_OF_AMPM) ?? 0) % 12);
  const time =
    acc.query(TemporalQueries.localTime()) ??
    LocalTime.of(
      field(ChronoField.HOUR_OF_DAY) ?? ampmHour + 12 * (field(ChronoField.AMPM_OF_DAY) ?? 0),
      field(ChronoField.MINUTE_OF_HOUR) ?? 0,
      field(ChronoField.SECOND_OF_MINUTE) ?? 0,
      field(ChronoField.NANO_OF_SECOND) ?? 0,
    );
  return { date, time, zone: acc.query(TemporalQueries.zone()) };
}

/** Replaces full or three-letter English names (case-insensitive, longest first) in `text`. */
function replaceNames(text: string, names: readonly string[], by: (index: number) => string): string {
  const alternatives = names.flatMap((n, i) => [[n, i], [n.slice(0, 3), i]] as const).sort((a, b) => b[0].length - a[0].length);
  const re = new RegExp(alternatives.map(([n]) => n).join('|'), 'gi');
  return text.replace(re, (m) => by(alternatives.find(([n]) => n.toLowerCase() === m.toLowerCase())?.[1] ?? 0));
}
