// Decimal: exact DECIMAL(p,s) values as a bigint unscaled value and a scale (never JS floats).

export class Decimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  /** Parses `-12.340` exactly (scale 3); throws on anything else. */
  static parse(text: string): Decimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal: ${text}`);
    const fraction = m[3] ?? '';
    const digits = `${m[2] ?? ''}${fraction}` || '0';
    const unscaled = BigInt(digits);
    return new Decimal(m[1] === '-' ? -unscaled : unscaled, fraction.length);
  }

  /** Digits in the unscaled value (at least the scale + 1, as a `0.05` still needs precision 3 in SQL terms). */
  get precision(): number {
    const digits = (this.unscaled < 0n ? -this.unscaled : this.unscaled).toString().length;
    return Math.max(digits, this.scale + 1);
  }

  /** The same value with a larger scale (exact), or rounded half-up to a smaller one. */
  rescale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const divisor = 10n ** BigInt(this.scale - scale);
    const q = this.unscaled / divisor;
    const r = this.unscaled % divisor;
    const twice = (r < 0n ? -r : r) * 2n;
    const roundAway = twice >= divisor ? (this.unscaled < 0n ? -1n : 1n) : 0n;
    return new Decimal(q + roundAway, scale);
  }

  add(other: Decimal): Decimal {
    const s = Math.max(this.scale, other.scale);
    return new Decimal(this.rescale(s).unscaled + other.rescale(s).unscaled, s);
  }

  subtract(other: Decimal): Decimal {
    const s = Math.max(this.scale, other.scale);
    return new Decimal(this.rescale(s).unscaled - other.rescale(s).unscaled, s);
  }

  multiply(other: Decimal): Decimal {
    return new Decimal(this.unscaled * other.unscaled, this.scale + other.scale);
  }

  /** `this / other` rounded half-up to `scale`; throws RangeError when `other` is zero. */
  divide(other: Decimal, scale: number): Decimal {
    if (other.unscaled === 0n) throw new RangeError('Division by zero');
    // a/10^sa ÷ b/10^sb = (a·10^(scale+sb+1-sa) / b) / 10^(scale+1), then rounded to `scale`.
    const shift = scale + other.scale + 1 - this.scale;
    const numerator = shift >= 0 ? this.unscaled * 10n ** BigInt(shift) : this.unscaled / 10n ** BigInt(-shift);
    return new Decimal(numerator / other.unscaled, scale + 1).rescale(scale);
  }

  /** The remainder of `this / other` with the sign of `this` (Java's BigDecimal.remainder). */
  remainder(other: Decimal): Decimal {
    if (other.unscaled === 0n) throw new RangeError('Division by zero');
    const s = Math.max(this.scale, other.scale);
    return new Decimal(this.rescale(s).unscaled % other.rescale(s).unscaled, s);
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  compare(other: Decimal): number {
    const s = Math.max(this.scale, other.scale);
    const a = this.rescale(s).unscaled;
    const b = other.rescale(s).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale);
    return `${negative ? '-' : ''}${whole}${this.scale > 0 ? `.${fraction}` : ''}`;
  }

  static fromNumber(n: number, scale: number): Decimal {
    return Decimal.parse(n.toFixed(scale));
  }

  static fromBigInt(n: bigint): Decimal {
    return new Decimal(n, 0);
  }
}
