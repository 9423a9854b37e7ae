// parseLosslessJson: a JSON reader that keeps numbers as their exact text (for BIGINT and DECIMAL).

/** A JSON number kept as written, so `12345678901234567890` and `10.50` survive exactly. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type LosslessJson = null | boolean | string | JsonNumber | LosslessJson[] | { [key: string]: LosslessJson };

/** Parses JSON text; numbers become JsonNumber. Throws SyntaxError on malformed input. */
export function parseLosslessJson(text: string): LosslessJson {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const value = (): LosslessJson => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const out: { [key: string]: LosslessJson } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a field name');
        const key = string();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        const v = value();
        // As JSON.parse: "__proto__" is a field like any other, not the object's prototype.
        if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
        else out[key] = v;
        ws();
        const sep = text[i++];
        if (sep === '}') return out;
        if (sep !== ',') fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      const out: LosslessJson[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return out;
        if (sep !== ',') fail('expected "," or "]"');
      }
    }
    if (ch === '"') return string();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) return fail('unexpected character');
    i += m[0].length;
    return new JsonNumber(m[0]);
  };
  const string = (): string => {
    const start = i;
    i++;
    let simple = true;
    while (i < text.length && text[i] !== '"') {
      // As JSON.parse: a control character must be escaped.
      if (text.charCodeAt(i) < 32) fail('control character in string');
      if (text[i] === '\\') {
        simple = false;
        i++;
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    const raw = text.slice(start, i);
    return simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
  };
  const result = value();
  ws();
  if (i !== text.length) fail('unexpected text after the JSON value');
  return result;
}

/** Digits a number may have before a double can no longer hold it exactly (a `.` may split them). */
const LONG_NUMBER_DIGITS = 16;

/** Whether `c` is a character of a run that may hold a long number: a digit or a `.`. */
function inNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46;
}

/**
 * Whether the text holds a number with more significant digits than a double keeps (16 or more
 * digits in a run of digits and `.`s). It runs on every record, so it looks at every 16th character
 * only: a run of 16 such characters must cover one of them, and only around a hit does it scan the
 * whole run (and count its digits). No RegExp: slower here.
 */
export function hasLongNumber(text: string): boolean {
  const n = text.length;
  // Everything before `from` is decided: no run that starts there matters any more.
  let from = 0;
  let probe = LONG_NUMBER_DIGITS - 1;
  while (probe < n) {
    if (!inNumber(text.charCodeAt(probe))) {
      from = probe + 1;
      probe += LONG_NUMBER_DIGITS;
      continue;
    }
    let start = probe;
    while (start > from && inNumber(text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < n && inNumber(text.charCodeAt(end))) end++;
    if (end - start >= LONG_NUMBER_DIGITS) {
      let digits = 0;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 46 && ++digits >= LONG_NUMBER_DIGITS) return true;
    }
    // text[end] is not in a number (or the text ends there): the next run starts after it.
    from = end + 1;
    probe = end + LONG_NUMBER_DIGITS;
  }
  return false;
}

/** JSON.parse, or the lossless reader when the text holds a number a double cannot represent. */
export function parseJson(text: string): unknown {
  return hasLongNumber(text) ? parseLosslessJson(text) : JSON.parse(text);
}
