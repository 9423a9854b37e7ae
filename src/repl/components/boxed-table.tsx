// BoxedTable: a result table drawn with + - | rules, fitted to the terminal's width.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { boxedTable, fitColumnWidths, naturalWidths } from '../column-layout.js';

export interface BoxedTableProps {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly width: number;
  /** Column widths to start from instead of the rows' own (a live table keeps the widest seen so far). */
  readonly natural?: readonly number[];
}

export function BoxedTable({ columns, rows, width, natural }: BoxedTableProps): ReactNode {
  const widths = fitColumnWidths(natural ?? naturalWidths(columns, rows), width);
  const lines = boxedTable(columns, rows, widths);
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} bold={i === 1} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
