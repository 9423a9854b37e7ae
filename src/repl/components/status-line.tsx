// StatusLine: under a running query — its id, rows, rows/s, elapsed time, errors, and where it reads from.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { LATEST_OFFSET_HINT, type TransientQuery } from '../../engine/index.js';
import type { LiveResult } from '../live-result.js';
import { formatElapsed } from '../elapsed-time.js';

export interface StatusLineProps {
  readonly query: TransientQuery;
  readonly result: LiveResult;
  readonly elapsedMs: number;
  readonly rate: number;
}

export function StatusLine({ query, result, elapsedMs, rate }: StatusLineProps): ReactNode {
  const stats = query.stats();
  const rows = `${result.size} row${result.size === 1 ? '' : 's'}`;
  const parts = [
    query.id,
    result.received === result.size ? rows : `${rows} (${result.received} changes)`,
    `${rate < 10 ? rate.toFixed(1) : Math.round(rate)} rows/s`,
    formatElapsed(elapsedMs),
  ];
  if (result.deleted > 0) parts.push(`${result.deleted} deleted`);
  const problems: string[] = [];
  if (stats.lateDropped > 0) problems.push(`${stats.lateDropped} late-dropped`);
  if (stats.errors > 0) problems.push(`${stats.errors} error${stats.errors === 1 ? '' : 's'}`);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color="cyan">▶ {parts.join(' · ')}</Text>
        {problems.length > 0 ? <Text color="yellow"> · {problems.join(' · ')}</Text> : null}
        <Text dimColor> · Ctrl-C to stop</Text>
      </Text>
      {query.mode === 'push' ? (
        <Text dimColor wrap="truncate-end">
          {offsetHint(query.startsFrom, result.received)}
        </Text>
      ) : null}
    </Box>
  );
}

/** Where a push query starts, and the SET that changes it for the next one (said plainly while a latest query shows nothing). */
export function offsetHint(startsFrom: 'earliest' | 'latest', received = 1): string {
  if (startsFrom === 'latest' && received === 0) return LATEST_OFFSET_HINT;
  return startsFrom === 'earliest'
    ? "Reading from earliest (all data). For new records only: SET 'auto.offset.reset' = 'latest';"
    : "Reading from latest (new records only). For all data: SET 'auto.offset.reset' = 'earliest';";
}
