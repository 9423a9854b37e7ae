// Decimal rounding: Java BigDecimal.setScale's rounding modes that ROUND, TRUNC, CEIL and FLOOR need.

import { Decimal, type SqlType } from '../common/index.js';

/** HALF_TOWARD_POSITIVE is ksqlDB's ROUND: ties go up (2.5 → 3, -2.5 → -2), like Java's Math.round. */
export type RoundingMode = 'HALF_TOWARD_POSITIVE' | 'DOWN' | 'CEILING' | 'FLOOR';

/** `d` rounded to `places` decimal places (negative: to tens, hundreds…); the scale becomes max(places, 0). */
export function roundDecimal(d: Decimal, places: number, mode: RoundingMode): Decimal {
  if (places >= d.scale) return d.rescale(places);
  const divisor = 10n ** BigInt(d.scale - places);
  let q = d.unscaled / divisor;
  const r = d.unscaled % divisor;
  if (r !== 0n) {
    const positive = d.unscaled > 0n;
    switch (mode) {
      case 'DOWN':
        break;
      case 'CEILING':
        if (positive) q += 1n;
        break;
      case 'FLOOR':
        if (!positive) q -= 1n;
        break;
      case 'HALF_TOWARD_POSITIVE': {
        const twice = (r < 0n ? -r : r) * 2n;
        if (positive ? twice >= divisor : twice > divisor) q += positive ? 1n : -1n;
        break;
      }
    }
  }
  return places >= 0 ? new Decimal(q, places) : new Decimal(q * 10n ** BigInt(-places), 0);
}

/** The exact decimal of a double's shortest text (Java's BigDecimal.valueOf); null for NaN and infinities. */
export function decimalOfDouble(x: number): Decimal | null {
  if (!Number.isFinite(x)) return null;
  const [mantissa = '0', exp = '0'] = x.toString().toLowerCase().split('e');
  const d = Decimal.parse(mantissa);
  const e = Number(exp);
  if (e >= 0) return new Decimal(d.unscaled * 10n ** BigInt(Math.max(0, e - d.scale)), Math.max(0, d.scale - e));
  return new Decimal(d.unscaled, d.scale - e);
}

/** Java's `(long) x` / Math.round saturation: NaN → 0, beyond the BIGINT range → its bound. */
export function saturatedBigint(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return 2n ** 63n - 1n;
  if (x <= -(2 ** 63)) return -(2n ** 63n);
  return BigInt(x);
}

/** DECIMAL(p - s, 0): the type of a decimal rounded to a whole number (at least one digit). */
export function wholeDecimalType(t: SqlType | undefined): SqlType {
  return t?.kind === 'DECIMAL' ? { kind: 'DECIMAL', precision: Math.max(1, t.precision - t.scale), scale: 0 } : (t ?? { kind: 'DECIMAL', precision: 10, scale: 0 });
}
