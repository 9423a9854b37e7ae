// HELP_TEXT: what `help` prints — statements, REPL commands and keys.

export const HELP_TEXT = `Statements end with ';' and may span several lines. For example:
  CREATE STREAM s (id INT KEY, v VARCHAR) WITH (KAFKA_TOPIC='s', PARTITIONS=1, VALUE_FORMAT='JSON');
  SELECT * FROM s EMIT CHANGES;      -- a push query: rows as they arrive, until Ctrl-C or LIMIT
  SELECT * FROM s;                   -- a pull query: what is there now
  SHOW STREAMS;  SHOW QUERIES;  DESCRIBE s;  EXPLAIN SELECT * FROM s EMIT CHANGES;
  SET 'auto.offset.reset' = 'latest';

REPL commands (no ';' needed):
  help                     this text
  output table|json        how results are printed (no argument: show the current format)
  spool <file> | spool off copy everything shown to a file
  run script 'file.sql'    run the statements of a file
  history                  the statements typed so far (kept in ~/.eddy_history)
  clear                    clear the screen
  exit                     leave (also Ctrl-D, or Ctrl-C at an empty prompt)

Keys: Tab completes keywords, streams, columns, functions and properties; Up/Down browse the history,
Ctrl-R searches it (Ctrl-R again: older; Enter runs the entry; Esc leaves);
Ctrl-A/E start/end of line, Ctrl-W delete a word, Ctrl-U/K delete to start/end of line,
Ctrl-C cancels a running query or clears the line.`;
