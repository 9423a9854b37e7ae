// PromptView: the input — earlier lines of the statement, the line being edited with its cursor, completion candidates.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { EditorState } from '../line-editor.js';
import { CONTINUATION_PROMPT, PROMPT } from '../transcript-entry.js';

export function PromptView({ editor, candidates }: { readonly editor: EditorState; readonly candidates: readonly string[] }): ReactNode {
  const prompt = editor.lines.length === 0 ? PROMPT : CONTINUATION_PROMPT;
  const before = editor.text.slice(0, editor.cursor);
  const under = editor.text.charAt(editor.cursor) || ' ';
  const after = editor.text.slice(editor.cursor + 1);
  return (
    <Box flexDirection="column">
      {editor.lines.map((line, i) => (
        <Text key={i}>
          {i === 0 ? PROMPT : CONTINUATION_PROMPT}
          {line}
        </Text>
      ))}
      <Text>
        <Text color="cyan">{prompt}</Text>
        {before}
        <Text inverse>{under}</Text>
        {after}
      </Text>
      {candidates.length > 0 ? <Text dimColor>{candidates.join('  ')}</Text> : null}
    </Box>
  );
}
