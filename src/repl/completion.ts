// complete: tab completion of the word before the cursor — keywords, streams/tables, columns, functions, properties, REPL commands.

export interface Vocabulary {
  readonly keywords: readonly string[];
  /** Stream and table names. */
  readonly sources: readonly string[];
  readonly columns: readonly string[];
  readonly functions: readonly string[];
  /** Session property names (completed inside a '…' string). */
  readonly properties: readonly string[];
  /** REPL command words (completed as the first word of a statement). */
  readonly commands: readonly string[];
}

export interface Completion {
  /** Where the completed word starts in the line. */
  readonly from: number;
  /** What replaces the word (unchanged when nothing better is known). */
  readonly replacement: string;
  /** Every candidate, shown when there is more than one. */
  readonly candidates: readonly string[];
}

/**
 * Completes the word that ends at the end of `before` (the line up to the cursor). One candidate
 * is inserted whole, followed by a space (or `'` after a property name); several are narrowed to
 * their longest common prefix. A word typed in lower case gets lower-case keywords and names.
 */
export function complete(before: string, vocabulary: Vocabulary, isFirstWord: boolean): Completion | null {
  const inString = isInsideString(before);
  const match = (inString ? /[\w.]*$/ : /\w*$/).exec(before);
  const word = match?.[0] ?? '';
  const from = before.length - word.length;
  if (!inString && word === '') return null;
  const pool = inString
    ? vocabulary.properties
    : [
        ...(isFirstWord && from === before.search(/\S|$/) ? vocabulary.commands : []),
        ...vocabulary.keywords,
        ...vocabulary.sources,
        ...vocabulary.columns,
        ...vocabulary.functions,
      ];
  const upper = word.toUpperCase();
  const candidates = [...new Set(pool.filter((c) => c.toUpperCase().startsWith(upper)))].sort();
  if (candidates.length === 0) return null;
  const lower = word !== '' && word === word.toLowerCase() && !inString;
  const shown = (c: string) => (lower && /^[A-Za-z_][\w]*$/.test(c) ? c.toLowerCase() : c);
  if (candidates.length === 1) {
    const only = candidates[0] ?? word;
    const suffix = inString ? "'" : vocabulary.functions.includes(only) ? '(' : ' ';
    return { from, replacement: shown(only) + suffix, candidates };
  }
  const prefix = commonPrefix(candidates.map((c) => c.toUpperCase()));
  const replacement = prefix.length > word.length ? shown(candidates[0]?.slice(0, prefix.length) ?? word) : word;
  return { from, replacement, candidates: candidates.map(shown) };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Whether the text ends inside a '…' string literal. */
function isInsideString(text: string): boolean {
  let inside = false;
  for (const c of text) if (c === "'") inside = !inside;
  return inside;
}
