// Unit tests for the string, mask and encoding functions: behaviour, NULL rules and edge cases per function.

import { describe, expect, it } from 'vitest';
import { bytes, call, returnType, T } from './call-function.js';

const { INT, STRING, BYTES } = T;

describe('case, length and trimming', () => {
  it('UCASE, LCASE, INITCAP', () => {
    expect(call('UCASE', [STRING], 'straße')).toBe('STRASSE');
    expect(call('LCASE', [STRING], 'ÀB')).toBe('àb');
    expect(call('INITCAP', [STRING], 'hELLO  wORLD\tfoo')).toBe('Hello  World\tFoo');
    expect(call('INITCAP', [STRING], '')).toBe('');
    expect(call('UCASE', [STRING], null)).toBeNull();
  });

  it('LEN counts UTF-16 units like Java, or bytes', () => {
    expect(call('LEN', [STRING], 'héllo')).toBe(5);
    expect(call('LEN', [STRING], '😀')).toBe(2);
    expect(call('LEN', [BYTES], bytes(1, 2, 3))).toBe(3);
    expect(call('LEN', [STRING], null)).toBeNull();
  });

  it('TRIM strips spaces and control characters only', () => {
    expect(call('TRIM', [STRING], ' \t x y \n')).toBe('x y');
    expect(call('TRIM', [STRING], '\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
  });
});

describe('joining and cutting', () => {
  it('CONCAT treats NULL as empty, for strings and bytes', () => {
    expect(call('CONCAT', [STRING, STRING, STRING], 'a', null, 'b')).toBe('ab');
    expect(call('CONCAT', [BYTES, BYTES], bytes(1), bytes(2, 3))).toEqual(bytes(1, 2, 3));
  });

  it('CONCAT_WS skips NULLs, and a NULL separator gives NULL', () => {
    expect(call('CONCAT_WS', [STRING, STRING, STRING, STRING, STRING], ', ', 'apple', 'banana', null, 'date')).toBe('apple, banana, date');
    expect(call('CONCAT_WS', [STRING, STRING], null, 'a')).toBeNull();
    expect(call('CONCAT_WS', [BYTES, BYTES, BYTES], bytes(0), bytes(1), bytes(2))).toEqual(bytes(1, 0, 2));
  });

  it('SUBSTRING is 1-based, counts from the end for negative positions and clamps', () => {
    expect(call('SUBSTRING', [STRING, INT, INT], 'stream', 1, 4)).toBe('stre');
    expect(call('SUBSTRING', [STRING, INT], 'stream', 3)).toBe('ream');
    expect(call('SUBSTRING', [STRING, INT], 'stream', -3)).toBe('eam');
    expect(call('SUBSTRING', [STRING, INT, INT], 'stream', 5, 10)).toBe('am');
    expect(call('SUBSTRING', [STRING, INT], 'stream', 10)).toBe('');
    expect(call('SUBSTRING', [STRING, INT, INT], 'stream', 2, -1)).toBe('');
    expect(call('SUBSTRING', [BYTES, INT, INT], bytes(1, 2, 3, 4), 2, 2)).toEqual(bytes(2, 3));
    expect(call('SUBSTRING', [STRING, INT], 'stream', null)).toBeNull();
  });

  it('LPAD and RPAD pad with repeats, truncate long input, and give NULL for empty padding or a negative length', () => {
    expect(call('LPAD', [STRING, INT, STRING], 'Foo', 7, 'Bar')).toBe('BarBFoo');
    expect(call('LPAD', [STRING, INT, STRING], 'Foo', 2, 'Bar')).toBe('Fo');
    expect(call('LPAD', [STRING, INT, STRING], '', 2, 'Bar')).toBe('Ba');
    expect(call('LPAD', [STRING, INT, STRING], '123', 5, '0')).toBe('00123');
    expect(call('RPAD', [STRING, INT, STRING], 'Foo', 7, 'Bar')).toBe('FooBarB');
    expect(call('RPAD', [STRING, INT, STRING], 'Foo', 5, '')).toBeNull();
    expect(call('RPAD', [STRING, INT, STRING], 'Foo', -1, 'x')).toBeNull();
    expect(call('LPAD', [STRING, INT, STRING], 'Foo', 5, null)).toBeNull();
    expect(call('LPAD', [BYTES, INT, BYTES], bytes(9), 3, bytes(0))).toEqual(bytes(0, 0, 9));
  });

  it('REPLACE replaces every literal occurrence (no regex)', () => {
    expect(call('REPLACE', [STRING, STRING, STRING], 'a.b.c', '.', '$1')).toBe('a$1b$1c');
    expect(call('REPLACE', [STRING, STRING, STRING], 'abc', '', '-')).toBe('-a-b-c-');
    expect(call('REPLACE', [STRING, STRING, STRING], 'abc', 'x', null)).toBeNull();
  });
});

describe('splitting', () => {
  it('SPLIT keeps empty parts and splits into characters on an empty delimiter', () => {
    expect(call('SPLIT', [STRING, STRING], ',a,,b,', ',')).toEqual(['', 'a', '', 'b', '']);
    expect(call('SPLIT', [STRING, STRING], 'abc', '')).toEqual(['a', 'b', 'c']);
    expect(call('SPLIT', [STRING, STRING], 'abc', 'x')).toEqual(['abc']);
    expect(call('SPLIT', [STRING, STRING], 'abc', null)).toBeNull();
    expect(call('SPLIT', [BYTES, BYTES], bytes(1, 0, 2, 0), bytes(0))).toEqual([bytes(1), bytes(2), bytes()]);
    expect(returnType('SPLIT', STRING, STRING)).toBe('ARRAY<STRING>');
  });

  it('SPLIT_TO_MAP builds a map, the last duplicate key winning; empty delimiters give NULL', () => {
    const m = call('SPLIT_TO_MAP', [STRING, STRING, STRING], 'apple:=green/cherry:=red/apple:=red/bad', '/', ':=') as unknown as { entries: Map<string, string> };
    expect([...m.entries]).toEqual([
      ['apple', 'red'],
      ['cherry', 'red'],
    ]);
    expect(call('SPLIT_TO_MAP', [STRING, STRING, STRING], 'a=1', '', '=')).toBeNull();
    expect(call('SPLIT_TO_MAP', [STRING, STRING, STRING], null, ',', '=')).toBeNull();
  });
});

describe('characters, search and positions', () => {
  it('CHR takes a code point or a \\u escape; invalid input is NULL', () => {
    expect(call('CHR', [INT], 75)).toBe('K');
    expect(call('CHR', [INT], 22909)).toBe('好');
    expect(call('CHR', [INT], 128512)).toBe('😀');
    expect(call('CHR', [STRING], '\\u004b')).toBe('K');
    expect(call('CHR', [STRING], '\\u597d')).toBe('好');
    expect(call('CHR', [STRING], 'K')).toBeNull();
    expect(call('CHR', [INT], -1)).toBeNull();
    expect(call('CHR', [INT], 0x110000)).toBeNull();
  });

  it('INSTR searches forward from a position, or backward for a negative one, for the n-th occurrence', () => {
    const s = 'CORPORATE FLOOR';
    expect(call('INSTR', [STRING, STRING], s, 'OR')).toBe(2);
    expect(call('INSTR', [STRING, STRING, INT], s, 'OR', 3)).toBe(5);
    expect(call('INSTR', [STRING, STRING, INT, INT], s, 'OR', 3, 2)).toBe(14);
    expect(call('INSTR', [STRING, STRING, INT], s, 'OR', -3)).toBe(5);
    expect(call('INSTR', [STRING, STRING, INT, INT], s, 'OR', -3, 2)).toBe(2);
    expect(call('INSTR', [STRING, STRING], s, 'MISSING')).toBe(0);
    expect(call('INSTR', [STRING, STRING, INT, INT], s, 'OR', 1, 5)).toBe(0);
    expect(call('INSTR', [STRING, STRING], null, 'OR')).toBeNull();
  });

  it('ELT picks the n-th argument; FIELD finds an argument, never a NULL', () => {
    expect(call('ELT', [INT, STRING, STRING], 2, 'a', 'b')).toBe('b');
    expect(call('ELT', [INT, STRING, STRING], 0, 'a', 'b')).toBeNull();
    expect(call('ELT', [INT, STRING, STRING], 3, 'a', 'b')).toBeNull();
    expect(call('ELT', [INT, STRING], null, 'a')).toBeNull();
    expect(call('FIELD', [STRING, STRING, STRING], 'b', 'a', 'b')).toBe(2);
    expect(call('FIELD', [STRING, STRING], 'z', 'a')).toBe(0);
    expect(call('FIELD', [STRING, STRING, STRING], null, null, 'a')).toBe(0);
  });

  it('UUID makes version-4 UUIDs, or formats 16 bytes', () => {
    const u = call('UUID', []) as string;
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call('UUID', [])).not.toBe(u);
    expect(call('UUID', [BYTES], new Uint8Array(16).fill(0xab))).toBe('abababab-abab-abab-abab-abababababab');
    expect(call('UUID', [BYTES], bytes(1, 2))).toBeNull();
  });
});

describe('masks', () => {
  it('MASK replaces letters, digits and others; NULL masks leave a class alone', () => {
    expect(call('MASK', [STRING], 'My Test $123')).toBe('Xx-Xxxx--nnn');
    expect(call('MASK', [STRING, STRING, STRING, STRING, STRING], 'My Test $123', '*', null, '1', null)).toBe('*y *est $111');
    expect(call('MASK', [STRING], null)).toBeNull();
  });

  it('MASK_KEEP_LEFT/RIGHT and MASK_LEFT/RIGHT limit the mask to one end', () => {
    expect(call('MASK_KEEP_LEFT', [STRING, INT], 'My Test $123', 4)).toBe('My Txxx--nnn');
    expect(call('MASK_KEEP_RIGHT', [STRING, INT], 'My Test $123', 4)).toBe('Xx-Xxxx-$123');
    expect(call('MASK_LEFT', [STRING, INT], 'My Test $123', 4)).toBe('Xx-Xest $123');
    expect(call('MASK_RIGHT', [STRING, INT], 'My Test $123', 4)).toBe('My Test -nnn');
    expect(call('MASK_LEFT', [STRING, INT], 'ab', 10)).toBe('xx');
    expect(call('MASK_RIGHT', [STRING, INT, STRING, STRING, STRING, STRING], 'aB1', 3, 'U', 'l', 'd', 'o')).toBe('lUd');
    expect(call('MASK_LEFT', [STRING, INT], 'ab', -1)).toBeNull();
    expect(call('MASK_KEEP_LEFT', [STRING, INT], 'ab', null)).toBeNull();
  });
});

describe('encodings: ENCODE, TO_BYTES, FROM_BYTES, MD5', () => {
  it('converts between hex, utf8, ascii and base64', () => {
    expect(call('ENCODE', [STRING, STRING, STRING], '4b5344', 'hex', 'utf8')).toBe('KSD');
    expect(call('ENCODE', [STRING, STRING, STRING], 'Hello', 'utf8', 'base64')).toBe('SGVsbG8=');
    expect(call('ENCODE', [STRING, STRING, STRING], 'SGVsbG8=', 'base64', 'hex')).toBe('48656c6c6f');
    expect(call('ENCODE', [STRING, STRING, STRING], 'é', 'utf8', 'ascii')).toBe('\ufffd\ufffd');
    expect(call('ENCODE', [STRING, STRING, STRING], 'xyz', 'hex', 'utf8')).toBeNull();
    expect(call('ENCODE', [STRING, STRING, STRING], 'abc', 'utf8', 'rot13')).toBeNull();
    expect(call('TO_BYTES', [STRING, STRING], 'AAAH5Q==', 'base64')).toEqual(bytes(0, 0, 7, 0xe5));
    expect(call('TO_BYTES', [STRING, STRING], 'é', 'ascii')).toEqual(bytes(63));
    expect(call('FROM_BYTES', [BYTES, STRING], bytes(0xca, 0xfe), 'hex')).toBe('cafe');
    expect(call('FROM_BYTES', [BYTES, STRING], bytes(0xc3, 0xa9), 'UTF8')).toBe('é');
    expect(call('FROM_BYTES', [BYTES, STRING], bytes(1), null)).toBeNull();
  });

  it('MD5 hashes the UTF-8 bytes', () => {
    expect(call('MD5', [STRING], '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(call('MD5', [STRING], 'hello')).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(call('MD5', [STRING], null)).toBeNull();
  });
});
