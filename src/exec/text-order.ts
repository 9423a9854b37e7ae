// compareText: strings in the order SQLite's BINARY collation gives TEXT (the order stores return keys in).

/**
 * Compares strings as SQLite compares TEXT (memcmp of UTF-8, i.e. by code point), which differs from
 * JavaScript's UTF-16 order only when a supplementary character meets one in U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (supplementary characters) rank above every other UTF-16 unit, as their code points do. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
}
