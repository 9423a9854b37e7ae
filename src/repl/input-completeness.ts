// isCompleteInput: whether typed text ends a statement — a `;` outside quotes and comments.

/**
 * True when the last significant character (outside 'strings', "identifiers", `identifiers`,
 * `--` and block comments) is a `;` and no quote or block comment is left open.
 */
export function isCompleteInput(text: string): boolean {
  let state: 'code' | 'single' | 'double' | 'backtick' | 'line' | 'block' = 'code';
  let last = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    switch (state) {
      case 'code':
        if (c === "'") state = 'single';
        else if (c === '"') state = 'double';
        else if (c === '`') state = 'backtick';
        else if (c === '-' && next === '-') state = 'line';
        else if (c === '/' && next === '*') {
          state = 'block';
          i++;
          continue;
        }
        if (!/\s/.test(c) && state !== 'line') last = state === 'code' ? c : 'quote';
        break;
      case 'single':
        if (c === "'") state = 'code';
        break;
      case 'double':
        if (c === '"') state = 'code';
        break;
      case 'backtick':
        if (c === '`') state = 'code';
        break;
      case 'line':
        if (c === '\n') state = 'code';
        break;
      case 'block':
        if (c === '*' && next === '/') {
          state = 'code';
          i++;
        }
        break;
    }
  }
  return (state === 'code' || state === 'line') && last === ';';
}
