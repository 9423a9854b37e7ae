// Column layout: tables as wide as their cells, narrowed to fit the terminal, long cells cut with '…'.

import { describe, expect, it } from 'vitest';
import { fitCell, fitColumnWidths, renderBoxedTable } from '../../../src/repl/column-layout.js';

describe('column layout', () => {
  it('draws a boxed table as wide as its cells', () => {
    expect(renderBoxedTable(['ID', 'NAME'], [['1', 'alice'], ['22', 'bo']], 80)).toEqual([
      '+----+-------+',
      '| ID | NAME  |',
      '+----+-------+',
      '| 1  | alice |',
      '| 22 | bo    |',
      '+----+-------+',
    ]);
  });

  it('narrows the widest columns until the table fits', () => {
    expect(fitColumnWidths([2, 40, 10], 40)).toEqual([2, 18, 10]);
    expect(fitColumnWidths([30, 30], 41)).toEqual([17, 17]);
    const lines = renderBoxedTable(['K', 'TEXT'], [['1', 'a fairly long piece of text that will not fit']], 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines[3]).toBe('| 1 | a fairly long piece o… |');
  });

  it('keeps a minimum width when the terminal is too narrow', () => {
    expect(fitColumnWidths([10, 10, 10], 10)).toEqual([4, 4, 4]);
  });

  it('cuts and pads cells', () => {
    expect(fitCell('abc', 5)).toBe('abc  ');
    expect(fitCell('abcdef', 5)).toBe('abcd…');
    expect(fitCell('a\nb', 3)).toBe('a b');
  });
});
