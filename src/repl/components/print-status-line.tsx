// PrintStatusLine: under a running PRINT — the topic, where it reads from, the elapsed time, and how to stop it.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { PRINT_LATEST_HINT } from '../../engine/index.js';
import { formatElapsed } from '../elapsed-time.js';
import { useTicker } from '../hooks/use-ticker.js';
import type { RunningPrint } from '../repl-controller.js';

/** How often the elapsed time is redrawn. */
const TICK_MS = 1000;

export function PrintStatusLine({ printing }: { readonly printing: RunningPrint }): ReactNode {
  useTicker(true, TICK_MS);
  const { print } = printing;
  const parts = [`PRINT '${print.topic}'`, print.fromBeginning ? 'from the beginning' : 'new records only', formatElapsed(Date.now() - printing.startedAt)];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color="cyan">▶ {parts.join(' · ')}</Text>
        <Text dimColor> · Ctrl-C to stop</Text>
      </Text>
      {print.fromBeginning ? null : (
        <Text dimColor wrap="truncate-end">
          {PRINT_LATEST_HINT}
        </Text>
      )}
    </Box>
  );
}
