// ReplApp: the whole screen — the transcript above (printed once), then the running query, the running PRINT's status or the prompt.

import { Static, useApp, useStdout } from 'ink';
import { useEffect, useRef, type ReactNode } from 'react';
import { usePromptInput } from '../hooks/use-prompt-input.js';
import { useReplState } from '../hooks/use-repl-state.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { ReplController } from '../repl-controller.js';
import { EntryView } from './entry-view.js';
import { LiveQueryView } from './live-query-view.js';
import { PrintStatusLine } from './print-status-line.js';
import { PromptView } from './prompt-view.js';

const CLEAR_SCREEN = '\u001B[2J\u001B[3J\u001B[H';

export function ReplApp({ controller }: { readonly controller: ReplController }): ReactNode {
  const state = useReplState(controller);
  const input = usePromptInput(controller, state);
  const size = useTerminalSize();
  const { exit } = useApp();
  const { write } = useStdout();
  const clears = useRef(state.clears);

  useEffect(() => {
    if (state.exitRequested) exit();
  }, [state.exitRequested, exit]);

  useEffect(() => {
    if (state.clears === clears.current) return;
    clears.current = state.clears;
    write(CLEAR_SCREEN);
  }, [state.clears, write]);

  return (
    <>
      <Static items={[...state.entries]}>{(entry) => <EntryView key={entry.id} entry={entry} width={size.columns - 1} />}</Static>
      {state.running !== null ? (
        <LiveQueryView running={state.running} mode={state.mode} size={size} />
      ) : state.printing !== null ? (
        <PrintStatusLine printing={state.printing} />
      ) : state.busy || state.exitRequested ? null : (
        <PromptView editor={input.editor} candidates={input.candidates} found={input.found} />
      )}
    </>
  );
}
