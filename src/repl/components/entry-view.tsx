// EntryView: one finished transcript entry — banner, echoed input, message, table, query result, error or notice.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { assertNever } from '../../common/index.js';
import { hiddenRowsNote, promptedLines, type TranscriptEntry } from '../transcript-entry.js';
import { BoxedTable } from './boxed-table.js';

export function EntryView({ entry, width }: { readonly entry: TranscriptEntry; readonly width: number }): ReactNode {
  switch (entry.kind) {
    case 'banner':
      return (
        <Box flexDirection="column" marginBottom={1}>
          {entry.lines.map((line, i) => (
            <Text key={i} bold={i === 0} color={i === 0 ? 'cyan' : undefined}>
              {line}
            </Text>
          ))}
        </Box>
      );
    case 'input':
      return (
        <Box flexDirection="column">
          {promptedLines(entry.text).map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </Box>
      );
    case 'message':
      return <Text color="green">{entry.text}</Text>;
    case 'text':
      return <Text>{entry.text}</Text>;
    case 'table':
      return (
        <Box flexDirection="column">
          {entry.title === null ? null : <Text bold>{entry.title}</Text>}
          <BoxedTable columns={entry.columns} rows={entry.rows} width={width} />
          {entry.rows.length === 0 ? <Text dimColor>(none)</Text> : null}
        </Box>
      );
    case 'queryResult':
      return (
        <Box flexDirection="column">
          <BoxedTable columns={entry.columns} rows={entry.rows} width={width} />
          {entry.hidden > 0 ? <Text dimColor>{hiddenRowsNote(entry.hidden)}</Text> : null}
          <Text dimColor>{entry.summary}</Text>
        </Box>
      );
    case 'error':
      return <Text color="red">{entry.text}</Text>;
    case 'notice':
      return entry.level === 'warn' ? <Text color="yellow">warning: {entry.text}</Text> : <Text dimColor>{entry.text}</Text>;
    default:
      return assertNever(entry, 'transcript entry');
  }
}
