// PromptView: the input — earlier lines of the statement, the line being edited with its cursor, completion candidates, or a Ctrl-R search.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { EditorState } from '../line-editor.js';
import { CONTINUATION_PROMPT, PROMPT } from '../transcript-entry.js';

export function PromptView({ editor, candidates, found }: { readonly editor: EditorState; readonly candidates: readonly string[]; readonly found: string | null }): ReactNode {
  if (editor.search !== null) return <SearchView query={editor.search.query} failed={editor.search.failed} found={found} />;
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

/** `(reverse-i-search)'sel': SELECT * FROM s EMIT CHANGES;` — the found entry on one line, the searched text underlined. */
function SearchView({ query, failed, found }: { readonly query: string; readonly failed: boolean; readonly found: string | null }): ReactNode {
  const text = (found ?? '').replace(/\n/g, ' ');
  const at = query === '' ? -1 : text.toLowerCase().indexOf(query.toLowerCase());
  return (
    <Text>
      <Text color={failed ? 'red' : 'cyan'}>{`(${failed ? 'failed ' : ''}reverse-i-search)'${query}': `}</Text>
      {at < 0 ? (
        text
      ) : (
        <>
          {text.slice(0, at)}
          <Text underline>{text.slice(at, at + query.length)}</Text>
          {text.slice(at + query.length)}
        </>
      )}
    </Text>
  );
}
