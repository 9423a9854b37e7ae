// resourceFault: recognizes a full disk or a read-only data directory in a failed batch, and says what happens next.

/** A plain explanation when `error` is a SQLite resource fault (the batch rolled back), else null. */
export function resourceFault(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return 'the data directory is out of space (or cannot be written): the batch was rolled back; the query stays stopped at its last commit and resumes from there when space returns';
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return 'the data directory is read-only: the batch was rolled back; the query stays stopped at its last commit and resumes from there once it can write again';
  }
  return null;
}
