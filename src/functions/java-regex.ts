// Java regex patterns in JavaScript: leading inline flags, \A and \z anchors, and Java's replacement syntax.

const CACHE = new Map<string, RegExp | null>();
const CACHE_LIMIT = 1000;

/** A global RegExp for a Java pattern, or null when it does not compile (cached per pattern). */
export function javaRegex(pattern: string): RegExp | null {
  const cached = CACHE.get(pattern);
  if (cached !== undefined) return cached === null ? null : new RegExp(cached);
  let source = pattern;
  let flags = 'g';
  const inline = /^\(\?([imsu]+)\)/.exec(source);
  if (inline !== null) {
    flags += [...new Set(inline[1] ?? '')].filter((f) => f !== 'u').join('');
    source = source.slice(inline[0].length);
  }
  source = source.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  let re: RegExp | null;
  try {
    re = new RegExp(source, flags);
  } catch {
    re = null;
  }
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(pattern, re);
  return re === null ? null : new RegExp(re);
}

/** Expands a Java replacement (`$1`, `${name}`, `\$` for a literal dollar) for one match. */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      out += replacement[++i] ?? '';
    } else if (c === '$') {
      const named = /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1));
      if (named !== null) {
        const name = named[1] ?? '';
        if (match.groups?.[name] === undefined && !(name in (match.groups ?? {}))) throw new Error(`no group ${name}`);
        out += match.groups?.[name] ?? '';
        i += named[0].length;
        continue;
      }
      const digits = /^\d+/.exec(replacement.slice(i + 1));
      if (digits === null) throw new Error('illegal group reference');
      // Java takes the longest group number that exists.
      let n = digits[0];
      while (n.length > 1 && Number(n) >= match.length) n = n.slice(0, -1);
      if (Number(n) >= match.length) throw new Error(`no group ${n}`);
      out += match[Number(n)] ?? '';
      i += n.length;
    } else out += c;
  }
  return out;
}
