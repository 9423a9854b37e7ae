// useTicker: re-renders every `intervalMs` while `active` (a live query redraws at this pace, not per row).

import { useEffect, useState } from 'react';

export function useTicker(active: boolean, intervalMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return tick;
}
