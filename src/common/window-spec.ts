// WindowSpec: a query's window (TUMBLING, HOPPING, SESSION) in milliseconds, with grace and retention.

export type WindowKind = 'TUMBLING' | 'HOPPING' | 'SESSION';

export interface WindowSpec {
  readonly kind: WindowKind;
  /** The window size; for SESSION, the inactivity gap. */
  readonly sizeMs: number;
  /** HOPPING only: how far each window starts after the previous one. */
  readonly advanceMs: number | null;
  /** How long after its end a window still accepts late records. */
  readonly graceMs: number;
  /** How long a window's row is kept in the materialized table after the window ends. */
  readonly retentionMs: number;
}

/** ksqlDB's default grace period: 24 hours. */
export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

/** The windows `[start, start + size)` that contain `t`, earliest first (epoch-aligned). */
export function timeWindowsFor(spec: WindowSpec, t: number): { start: number; end: number }[] {
  const advance = spec.kind === 'HOPPING' ? (spec.advanceMs ?? spec.sizeMs) : spec.sizeMs;
  const last = t - mod(t, advance);
  const out: { start: number; end: number }[] = [];
  for (let start = last; start > t - spec.sizeMs; start -= advance) {
    if (start >= 0 || spec.kind === 'TUMBLING') out.unshift({ start, end: start + spec.sizeMs });
  }
  return out;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** `1 MINUTE`, `90 SECONDS`, `250 MILLISECONDS`: the largest unit that divides the duration exactly. */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'DAY'],
    [3_600_000, 'HOUR'],
    [60_000, 'MINUTE'],
    [1_000, 'SECOND'],
  ];
  for (const [size, name] of units) {
    if (ms !== 0 && ms % size === 0) {
      const n = ms / size;
      return `${n} ${name}${n === 1 ? '' : 'S'}`;
    }
  }
  return `${ms} MILLISECOND${ms === 1 ? '' : 'S'}`;
}
