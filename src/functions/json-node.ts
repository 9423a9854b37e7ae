// JSON nodes: a strict JSON parser that keeps number text exactly, and a compact writer (as Jackson writes).

export type JsonNode =
  | { readonly t: 'object'; readonly fields: ReadonlyMap<string, JsonNode> }
  | { readonly t: 'array'; readonly items: readonly JsonNode[] }
  | { readonly t: 'string'; readonly value: string }
  | { readonly t: 'number'; readonly text: string }
  | { readonly t: 'boolean'; readonly value: boolean }
  | { readonly t: 'null' };

/** Parses one JSON value (surrounding whitespace allowed); throws on anything else. */
export function parseJson(text: string): JsonNode {
  let i = 0;
  const fail = (): never => {
    throw new Error(`invalid JSON at ${i}`);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const value = (): JsonNode => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const fields = new Map<string, JsonNode>();
      ws();
      if (text[i] === '}') {
        i++;
        return { t: 'object', fields };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const key = string();
        ws();
        if (text[i++] !== ':') fail();
        fields.set(key, value());
        ws();
        const sep = text[i++];
        if (sep === '}') return { t: 'object', fields };
        if (sep !== ',') fail();
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { t: 'array', items };
      }
      for (;;) {
        items.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return { t: 'array', items };
        if (sep !== ',') fail();
      }
    }
    if (c === '"') return { t: 'string', value: string() };
    for (const [word, node] of [['true', { t: 'boolean', value: true }], ['false', { t: 'boolean', value: false }], ['null', { t: 'null' }]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null) return fail();
    i += m[0].length;
    return { t: 'number', text: m[0] };
  };
  const string = (): string => {
    // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters inside strings
    const m = /^"((?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"/.exec(text.slice(i));
    if (m === null) return fail();
    i += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const node = value();
  ws();
  if (i !== text.length) fail();
  return node;
}

/** The node as compact JSON text (`{"a":1,"b":[true,null]}`), numbers as they were written. */
export function writeJson(node: JsonNode): string {
  switch (node.t) {
    case 'object':
      return `{${[...node.fields].map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(writeJson).join(',')}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

/** Whether a number was written as an integer (no fraction or exponent). */
export const isIntegral = (text: string): boolean => /^-?\d+$/.test(text);

/** The steps of a simple JSONPath: `$.a.b`, `$['a'][0]`, `$.list[2].name`; null when unsupported. */
export function parseJsonPath(path: string): (string | number)[] | null {
  if (!path.startsWith('$')) return null;
  const steps: (string | number)[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let at = 1;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (m === null) return null;
    if (m[1] === '*') return null;
    steps.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3] ?? m[4] ?? ''));
    at = re.lastIndex;
  }
  return steps;
}

/** The node a path leads to, or undefined when it leads nowhere. */
export function followPath(node: JsonNode, steps: readonly (string | number)[]): JsonNode | undefined {
  let cur: JsonNode | undefined = node;
  for (const step of steps) {
    if (cur === undefined) return undefined;
    if (typeof step === 'number') cur = cur.t === 'array' ? cur.items[step] : undefined;
    else cur = cur.t === 'object' ? cur.fields.get(step) : undefined;
  }
  return cur;
}
