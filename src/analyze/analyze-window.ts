// analyzeWindow: a WINDOW clause → WindowSpec in milliseconds, with defaults and sanity checks.

import { DEFAULT_GRACE_MS, EngineError, formatDuration, type WindowSpec } from '../common/index.js';
import type { Duration, WindowExpr } from '../sql/index.js';

const UNIT_MS: Readonly<Record<Duration['unit'], number>> = {
  MILLISECONDS: 1,
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

export function durationMs(d: Duration): number {
  return d.value * UNIT_MS[d.unit];
}

/** Milliseconds in one time unit. */
export function timeUnitMs(unit: Duration['unit']): number {
  return UNIT_MS[unit];
}

export function analyzeWindow(w: WindowExpr): WindowSpec {
  const sizeMs = durationMs(w.size);
  if (sizeMs <= 0) throw new EngineError('INVALID_STATEMENT', `The window ${w.type === 'SESSION' ? 'gap' : 'size'} must be positive.`, w.size.span);
  let advanceMs: number | null = null;
  if (w.advance !== null) {
    advanceMs = durationMs(w.advance);
    if (advanceMs <= 0 || advanceMs > sizeMs) {
      throw new EngineError('INVALID_STATEMENT', `ADVANCE BY must be positive and at most the window size (${formatDuration(sizeMs)}).`, w.advance.span);
    }
  }
  const graceMs = w.grace === null ? DEFAULT_GRACE_MS : durationMs(w.grace);
  const minimum = sizeMs + graceMs;
  const retentionMs = w.retention === null ? Math.max(minimum, DEFAULT_GRACE_MS) : durationMs(w.retention);
  if (retentionMs < minimum) {
    throw new EngineError(
      'INVALID_STATEMENT',
      `RETENTION (${formatDuration(retentionMs)}) must be at least the window size plus the grace period (${formatDuration(minimum)}).`,
      w.retention?.span ?? w.span,
    );
  }
  return { kind: w.type, sizeMs, advanceMs, graceMs, retentionMs };
}
