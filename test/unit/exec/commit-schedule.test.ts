// Unit tests for CommitSchedule: when a transaction kept open across batches is due.

import { describe, expect, it } from 'vitest';
import { CommitSchedule } from '../../../src/exec/index.js';

function schedule(intervalMs: number, maxBatches = 100) {
  const clock = { t: 1_000 };
  return { clock, s: new CommitSchedule(intervalMs, () => clock.t, maxBatches) };
}

describe('CommitSchedule', () => {
  it('has nothing pending or due before the first batch', () => {
    const { clock, s } = schedule(100);
    clock.t += 10_000;
    expect(s.pending).toBe(false);
    expect(s.due()).toBe(false);
    expect(s.remainingMs()).toBe(0);
  });

  it('is due once the interval has passed since the first staged batch, not the last', () => {
    const { clock, s } = schedule(100);
    s.staged();
    expect(s.pending).toBe(true);
    clock.t += 60;
    s.staged();
    expect(s.due()).toBe(false);
    expect(s.remainingMs()).toBe(40);
    clock.t += 39;
    expect(s.due()).toBe(false);
    clock.t += 1;
    expect(s.due()).toBe(true);
    expect(s.remainingMs()).toBe(0);
  });

  it('starts a new interval after reset', () => {
    const { clock, s } = schedule(100);
    s.staged();
    clock.t += 100;
    expect(s.due()).toBe(true);
    s.reset();
    expect(s.pending).toBe(false);
    expect(s.due()).toBe(false);
    s.staged();
    expect(s.due()).toBe(false);
    clock.t += 100;
    expect(s.due()).toBe(true);
  });

  it('is due after maxBatches batches, whatever the time', () => {
    const { s } = schedule(1_000_000, 3);
    s.staged();
    s.staged();
    expect(s.due()).toBe(false);
    s.staged();
    expect(s.due()).toBe(true);
  });

  it('with an interval of 0 every staged batch is due at once', () => {
    const { s } = schedule(0);
    s.staged();
    expect(s.due()).toBe(true);
  });
});
