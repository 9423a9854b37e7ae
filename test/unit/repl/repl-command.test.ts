// REPL commands: recognized without a `;`, arguments parsed, SQL left alone.

import { describe, expect, it } from 'vitest';
import { isReplCommand, parseReplCommand } from '../../../src/repl/repl-command.js';

describe('REPL commands', () => {
  it('parses each command, case-insensitively and with an optional ;', () => {
    expect(parseReplCommand('help')).toEqual({ kind: 'help' });
    expect(parseReplCommand('  HELP; ')).toEqual({ kind: 'help' });
    expect(parseReplCommand('output json')).toEqual({ kind: 'output', mode: 'json' });
    expect(parseReplCommand('OUTPUT Table;')).toEqual({ kind: 'output', mode: 'table' });
    expect(parseReplCommand('output')).toEqual({ kind: 'output', mode: null });
    expect(parseReplCommand('spool /tmp/out.txt')).toEqual({ kind: 'spool', file: '/tmp/out.txt' });
    expect(parseReplCommand("spool 'my file.txt'")).toEqual({ kind: 'spool', file: 'my file.txt' });
    expect(parseReplCommand('spool off')).toEqual({ kind: 'spool', file: null });
    expect(parseReplCommand("run script 'q.sql'")).toEqual({ kind: 'runScript', file: 'q.sql' });
    expect(parseReplCommand('RUN SCRIPT "it.sql";')).toEqual({ kind: 'runScript', file: 'it.sql' });
    expect(parseReplCommand('history')).toEqual({ kind: 'history' });
    expect(parseReplCommand('clear')).toEqual({ kind: 'clear' });
    expect(parseReplCommand('exit')).toEqual({ kind: 'exit' });
    expect(parseReplCommand('quit')).toEqual({ kind: 'exit' });
  });

  it('explains a malformed command', () => {
    expect(parseReplCommand('output xml')).toEqual({ kind: 'invalid', message: "Unknown output format 'xml': use 'output table' or 'output json'." });
    expect(parseReplCommand('spool')?.kind).toBe('invalid');
    expect(parseReplCommand('run script')?.kind).toBe('invalid');
  });

  it('leaves SQL to the parser', () => {
    expect(parseReplCommand('SHOW STREAMS;')).toBeNull();
    expect(parseReplCommand('SELECT help FROM s;')).toBeNull();
    expect(isReplCommand('run')).toBe(false);
    expect(isReplCommand('runner')).toBe(false);
    expect(isReplCommand('helpful;')).toBe(false);
    expect(isReplCommand('exit')).toBe(true);
  });
});
