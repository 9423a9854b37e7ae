// Temporal text: DATE, TIME and TIMESTAMP values to and from their ISO-8601 text (UTC, no zone).

const MS_PER_DAY = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2024-01-15` for days since 1970-01-01. */
export function formatDate(days: number): string {
  const d = new Date(days * MS_PER_DAY);
  const year = d.getUTCFullYear();
  const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `10:20:30`, or `10:20:30.125` when there are milliseconds, for milliseconds since midnight. */
export function formatTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = ms % 1000;
  return `${pad(h)}:${pad(m)}:${pad(s)}${frac === 0 ? '' : `.${pad(frac, 3)}`}`;
}

/** `2024-01-15T10:20:30.000` (UTC) for epoch milliseconds, as ksqlDB prints a TIMESTAMP. */
export function formatTimestamp(ms: number): string {
  const dayMs = ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const days = (ms - dayMs) / MS_PER_DAY;
  const time = formatTime(dayMs);
  return `${formatDate(days)}T${time.length === 8 ? `${time}.000` : time}`;
}

const DATE_RE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** Days since epoch for `yyyy-MM-dd`, or null when the text is not a valid date. */
export function parseDate(text: string): number | null {
  const m = DATE_RE.exec(text.trim());
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Milliseconds since midnight for `HH:mm[:ss[.fff]]`, or null. */
export function parseTime(text: string): number | null {
  const m = TIME_RE.exec(text.trim());
  if (m === null) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  if (h > 23 || min > 59 || s > 59) return null;
  const ms = Number((m[4] ?? '').padEnd(3, '0').slice(0, 3));
  return h * 3_600_000 + min * 60_000 + s * 1000 + ms;
}

/**
 * Epoch milliseconds for `yyyy-MM-dd['T'HH:mm[:ss[.fff]]][Z|±hh:mm]` (a zone-less text is UTC), or null.
 */
export function parseTimestamp(text: string): number | null {
  const t = text.trim();
  const m = /^([+-]?\d{4,6}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m === null) return null;
  const days = parseDate(m[1] ?? '');
  const time = m[2] === undefined ? 0 : parseTime(m[2]);
  if (days === null || time === null) return null;
  let offset = 0;
  const zone = m[3];
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  }
  return days * MS_PER_DAY + time - offset;
}

/** The UTC date of a timestamp, as days since epoch. */
export function timestampToDate(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** The UTC time of day of a timestamp, in milliseconds. */
export function timestampToTime(ms: number): number {
  return ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

export function dateToTimestamp(days: number): number {
  return days * MS_PER_DAY;
}
