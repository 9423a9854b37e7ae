// Date/time values: conversions between Eddy's numbers (days, ms of day, epoch ms) and js-joda, and time units.

import type { LocalDate, LocalDateTime, LocalTime, ZonedDateTime, ZoneId } from '@js-joda/core';
import { formatTemporal, parseDateTime, zoneOf } from './java-date-format.js';
import { joda } from './joda.js';

export const MS_PER_DAY = 86_400_000;

export const dateOf = (days: number): LocalDate => joda().LocalDate.ofEpochDay(days);
export const timeOf = (ms: number): LocalTime => joda().LocalTime.ofNanoOfDay(ms * 1_000_000);
export const zonedOf = (epochMs: number, zone: ZoneId): ZonedDateTime => {
  const { Instant, ZonedDateTime } = joda();
  return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMs), zone);
};

export const daysOf = (d: LocalDate): number => d.toEpochDay();
export const msOfDay = (t: LocalTime): number => Math.floor(t.toNanoOfDay() / 1_000_000);

/** TIMESTAMP values carry no zone: the epoch ms of a wall-clock date-time read as UTC. */
export const wallClockOf = (epochMs: number): LocalDateTime => {
  const { Instant, LocalDateTime, ZoneOffset } = joda();
  return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
};

export function formatDate(days: number, pattern: string): string {
  return formatTemporal(dateOf(days), pattern);
}
export function formatTime(ms: number, pattern: string): string {
  return formatTemporal(timeOf(ms), pattern);
}
export function formatTimestamp(epochMs: number, pattern: string, zone = 'UTC'): string {
  return formatTemporal(zonedOf(epochMs, zoneOf(zone)), pattern);
}

export function parseDate(text: string, pattern: string): number {
  return daysOf(parseDateTime(text, pattern).date);
}
export function parseTime(text: string, pattern: string): number {
  return msOfDay(parseDateTime(text, pattern).time);
}
/** Epoch ms of a parsed date-time: in the zone the text names, else in `zone` (UTC by default). */
export function parseTimestamp(text: string, pattern: string, zone = 'UTC'): number {
  const p = parseDateTime(text, pattern);
  return joda().ZonedDateTime.of(p.date, p.time, p.zone ?? zoneOf(zone)).toInstant().toEpochMilli();
}

/** The wall-clock time `epochMs` shows in `from`, moved to what the same instant shows in `to`. */
export function convertZone(epochMs: number, from: string, to: string): number {
  const instant = wallClockOf(epochMs).atZone(zoneOf(from)).withZoneSameInstant(zoneOf(to));
  return instant.toLocalDateTime().toInstant(joda().ZoneOffset.UTC).toEpochMilli();
}

/** Nanoseconds per time unit, as Java's TimeUnit names them (singular forms accepted too). */
const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  NANOSECONDS: 1n,
  MICROSECONDS: 1_000n,
  MILLISECONDS: 1_000_000n,
  SECONDS: 1_000_000_000n,
  MINUTES: 60_000_000_000n,
  HOURS: 3_600_000_000_000n,
  DAYS: 86_400_000_000_000n,
};

function unitNanos(unit: string): bigint {
  const u = unit.toUpperCase();
  const nanos = UNIT_NANOS[u] ?? UNIT_NANOS[`${u}S`];
  if (nanos === undefined) throw new Error(`unknown time unit ${unit}`);
  return nanos;
}

/** `amount` units in a coarser unit, cut toward zero (Java's TimeUnit conversions). */
export function convertUnits(amount: number | bigint, unit: string, to: 'MILLISECONDS' | 'DAYS'): number {
  return Number((BigInt(amount) * unitNanos(unit)) / (UNIT_NANOS[to] ?? 1n));
}
