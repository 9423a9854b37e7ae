// ReplCommand: the REPL's own commands (help, output, spool, run script, history, clear, exit), parsed from a line.

export type ReplCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'output'; readonly mode: OutputMode | null }
  | { readonly kind: 'spool'; readonly file: string | null }
  | { readonly kind: 'runScript'; readonly file: string }
  | { readonly kind: 'history' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'exit' }
  | { readonly kind: 'invalid'; readonly message: string };

export type OutputMode = 'table' | 'json';

const COMMAND_WORDS = ['help', 'output', 'spool', 'run', 'history', 'clear', 'exit', 'quit'];

/** The command words, for tab completion. */
export const REPL_COMMAND_WORDS: readonly string[] = COMMAND_WORDS;

/** Whether the first word of `text` is a REPL command (then no `;` is needed to submit it). */
export function isReplCommand(text: string): boolean {
  const word = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase();
  if (word === undefined || !COMMAND_WORDS.includes(word)) return false;
  // `run` is only a command as `run script`; anything else is left to the SQL parser.
  return word !== 'run' || /^\s*run\s+script\b/i.test(text);
}

/** Parses a REPL command (a trailing `;` is allowed); null when `text` is not one. */
export function parseReplCommand(text: string): ReplCommand | null {
  if (!isReplCommand(text)) return null;
  const trimmed = text.trim().replace(/;\s*$/, '').trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const arg = trimmed.slice(first.length).trim();
  switch (word) {
    case 'help':
      return { kind: 'help' };
    case 'history':
      return { kind: 'history' };
    case 'clear':
      return { kind: 'clear' };
    case 'exit':
    case 'quit':
      return { kind: 'exit' };
    case 'output': {
      if (arg === '') return { kind: 'output', mode: null };
      const mode = arg.toLowerCase();
      if (mode === 'table' || mode === 'json') return { kind: 'output', mode };
      return { kind: 'invalid', message: `Unknown output format '${arg}': use 'output table' or 'output json'.` };
    }
    case 'spool': {
      if (arg === '') return { kind: 'invalid', message: "spool needs a file name ('spool out.txt') or 'spool off'." };
      if (arg.toLowerCase() === 'off') return { kind: 'spool', file: null };
      return { kind: 'spool', file: unquote(arg) };
    }
    case 'run': {
      const file = arg.replace(/^script\s*/i, '');
      if (rest.length < 2 || file === '') return { kind: 'invalid', message: "run script needs a file: run script 'file.sql'" };
      return { kind: 'runScript', file: unquote(file) };
    }
    default:
      return null;
  }
}

function unquote(text: string): string {
  const m = /^'((?:[^']|'')*)'$/.exec(text) ?? /^"([^"]*)"$/.exec(text);
  return m?.[1] === undefined ? text : m[1].replace(/''/g, "'");
}
