// CrossProcessWatch on two real SQLite connections to one file: how soon another connection's commit is noticed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_MIGRATIONS } from '../../../src/io/index.js';
import { CrossProcessWatch } from '../../../src/io/log/cross-process-watch.js';
import { openDataDirectory } from '../../../src/state/index.js';

describe('CrossProcessWatch', () => {
  let dir: string;
  let mine: ReturnType<typeof openDataDirectory>;
  let other: ReturnType<typeof openDataDirectory>;
  let n = 0;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    dir = mkdtempSync(join(tmpdir(), 'eddy-watch-'));
    mine = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    other = openDataDirectory(dir, { log: LOG_MIGRATIONS });
    other.exec('CREATE TABLE t (n INTEGER)');
  });

  afterEach(() => {
    vi.useRealTimers();
    mine.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const commitElsewhere = (): void => void other.prepare('INSERT INTO t VALUES (?)').run(n++);

  /** Milliseconds of (fake) time until the watch reports the other connection's next commit. */
  function noticedAfter(changes: { count: number }): number {
    const before = changes.count;
    commitElsewhere();
    for (let ms = 1; ms <= 1_000; ms++) {
      vi.advanceTimersByTime(1);
      if (changes.count > before) return ms;
    }
    throw new Error('the commit was not noticed within a second');
  }

  it('looks every 2 ms while commits come, every 10 ms after a quiet second, every 50 ms after a quiet half minute', () => {
    const changes = { count: 0 };
    const watch = new CrossProcessWatch(mine, () => changes.count++);
    watch.begin();
    vi.advanceTimersByTime(2_000);
    expect(noticedAfter(changes)).toBeLessThanOrEqual(10);
    // Just noticed a change: active.
    expect(noticedAfter(changes)).toBeLessThanOrEqual(2);
    vi.advanceTimersByTime(30_100);
    const dormant = noticedAfter(changes);
    expect(dormant).toBeGreaterThan(10);
    expect(dormant).toBeLessThanOrEqual(50);
    // Active again at once.
    expect(noticedAfter(changes)).toBeLessThanOrEqual(2);
    watch.end();
  });

  it('does not look while no reader waits', () => {
    const changes = { count: 0 };
    const watch = new CrossProcessWatch(mine, () => changes.count++);
    commitElsewhere();
    vi.advanceTimersByTime(1_000);
    expect(changes.count).toBe(0);
    watch.begin();
    vi.advanceTimersByTime(50);
    expect(changes.count).toBe(1);
    watch.end();
  });
});
