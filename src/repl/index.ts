// repl: the interactive Ink REPL — type statements, watch push-query results update live.

export { startRepl, bannerLines, type ReplOptions } from './start-repl.js';
export { ReplNotices } from './notices.js';
export { historyFilePath } from './history-file.js';
export { isCompleteInput } from './input-completeness.js';
