// LiveQueryView: a running query's result redrawn in place — the newest stream rows or the table by key — with its status line.

import { Box, Text } from 'ink';
import { useRef, type ReactNode } from 'react';
import { naturalWidths } from '../column-layout.js';
import { useTicker } from '../hooks/use-ticker.js';
import type { TerminalSize } from '../hooks/use-terminal-size.js';
import type { OutputMode } from '../repl-command.js';
import type { RunningQuery } from '../repl-controller.js';
import { hiddenRowsNote } from '../transcript-entry.js';
import { rowJson } from '../value-json.js';
import { BoxedTable } from './boxed-table.js';
import { StatusLine } from './status-line.js';

/** How often the screen is redrawn while rows arrive. */
export const REDRAW_MS = 100;

/** Lines around the rows: 4 table rules and header, the hidden-rows note, 2 status lines, 1 spare. */
const CHROME_LINES = 8;

/** How many result rows fit on a terminal of `rows` lines under the live view's chrome. */
export function liveRowCount(rows: number): number {
  return Math.max(1, rows - CHROME_LINES);
}

export function LiveQueryView({ running, mode, size }: { readonly running: RunningQuery; readonly mode: OutputMode; readonly size: TerminalSize }): ReactNode {
  useTicker(true, REDRAW_MS);
  const widest = useRef<number[]>([]);
  const { query, result } = running;
  const now = Date.now();
  const visible = liveRowCount(size.rows);
  const snapshot = result.snapshot(visible);
  // Columns only grow while the query runs, so the table does not jitter as rows scroll by.
  const natural = naturalWidths(snapshot.columns, snapshot.rows).map((w, i) => Math.max(w, widest.current[i] ?? 0));
  widest.current = natural;
  const rate = result.rate(now);
  return (
    <Box flexDirection="column">
      {mode === 'json' ? (
        result.rows(visible).map((row, i) => (
          <Text key={i} wrap="truncate-end">
            {JSON.stringify(rowJson(query.columns, row))}
          </Text>
        ))
      ) : (
        <BoxedTable columns={snapshot.columns} rows={snapshot.rows} width={size.columns - 1} natural={natural} />
      )}
      {snapshot.hidden > 0 ? <Text dimColor>{hiddenRowsNote(snapshot.hidden)}</Text> : null}
      <StatusLine query={query} result={result} elapsedMs={now - running.startedAt} rate={rate} />
    </Box>
  );
}
