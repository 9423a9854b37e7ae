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
        out[key] = value();
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

/**
 * Whether the text holds a number with more significant digits than a double keeps (16 or more,
 * a `.` may split them). A plain character scan: this runs on every record, so no RegExp.
 */
export function hasLongNumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= 16) return true;
    } else if (c !== 46) {
      digits = 0;
    }
  }
  return false;
}

/** JSON.parse, or the lossless reader when the text holds a number a double cannot represent. */
export function parseJson(text: string): unknown {
  return hasLongNumber(text) ? parseLosslessJson(text) : JSON.parse(text);
}
