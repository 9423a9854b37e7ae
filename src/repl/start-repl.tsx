// startRepl: opens the interactive REPL on a terminal and resolves when the user leaves it.

import { render } from 'ink';
import { liveRowCount } from './components/live-query-view.js';
import { ReplApp } from './components/repl-app.js';
import { HistoryFile, historyFilePath } from './history-file.js';
import type { ReplNotices } from './notices.js';
import { ReplController, type ReplEngine } from './repl-controller.js';

export interface ReplOptions {
  readonly engine: ReplEngine;
  /** Where the session is connected, for the banner: "the embedded log in ./.eddy". */
  readonly target: string;
  /** The engine's log lines, shown in the transcript. */
  readonly notices?: ReplNotices;
  /** null: keep no history. Default: $EDDY_HISTORY_FILE or ~/.eddy_history. */
  readonly historyFile?: string | null;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

export function bannerLines(target: string, version: string): string[] {
  return [`Eddy ${version} — continuous SQL`, `Connected to ${target}.`, "Type 'help' for help, end statements with ';', exit with Ctrl-D."];
}

export async function startRepl(options: ReplOptions & { readonly version: string }): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const history = new HistoryFile(options.historyFile === undefined ? historyFilePath() : options.historyFile);
  const controller = new ReplController({
    engine: options.engine,
    history,
    banner: bannerLines(options.target, options.version),
    frameRows: () => liveRowCount(stdout.rows > 0 ? stdout.rows : 24),
  });
  options.notices?.attach((level, text) => controller.notice(level, text));
  const instance = render(<ReplApp controller={controller} />, {
    stdout,
    stdin: options.stdin ?? process.stdin,
    exitOnCtrlC: false,
    patchConsole: true,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    options.notices?.attach(null);
    controller.exit();
  }
}
