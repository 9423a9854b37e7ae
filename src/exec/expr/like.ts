// likeMatcher: SQL LIKE patterns (% and _, with an optional escape character) compiled to RegExp.

export function likeRegExp(pattern: string, escape: string | null): RegExp {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (escape !== null && ch === escape && i + 1 < pattern.length) {
      out += escapeRegExp(pattern[++i] ?? '');
    } else if (ch === '%') {
      out += '[\\s\\S]*';
    } else if (ch === '_') {
      out += '[\\s\\S]';
    } else {
      out += escapeRegExp(ch);
    }
  }
  return new RegExp(`${out}$`, 'u');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
