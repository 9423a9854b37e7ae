// Unit tests for the regular-expression functions: Java pattern and replacement syntax, groups, NULLs, invalid patterns.

import { describe, expect, it } from 'vitest';
import { call, T } from './call-function.js';

const { INT, STRING } = T;

describe('REGEXP_EXTRACT and REGEXP_EXTRACT_ALL', () => {
  it('extract the whole match or a group; NULL when nothing matches or the group does not exist', () => {
    expect(call('REGEXP_EXTRACT', [STRING, STRING, INT], '(.*) (.*)', 'hello there', 2)).toBe('there');
    expect(call('REGEXP_EXTRACT', [STRING, STRING], '\\d+', 'ab12cd345')).toBe('12');
    expect(call('REGEXP_EXTRACT', [STRING, STRING], '\\d+', 'abc')).toBeNull();
    expect(call('REGEXP_EXTRACT', [STRING, STRING, INT], '(a)|(b)', 'b', 1)).toBeNull();
    expect(call('REGEXP_EXTRACT', [STRING, STRING, INT], '(a)', 'a', 5)).toBeNull();
    expect(call('REGEXP_EXTRACT', [STRING, STRING], '(?i)HELLO', 'say hello')).toBe('hello');
    expect(call('REGEXP_EXTRACT', [STRING, STRING], '(unclosed', 'x')).toBeNull();
    expect(call('REGEXP_EXTRACT', [STRING, STRING], null, 'x')).toBeNull();
    expect(call('REGEXP_EXTRACT_ALL', [STRING, STRING, INT], '(\\w+) (\\w+)', 'hello there nice day', 2)).toEqual(['there', 'day']);
    expect(call('REGEXP_EXTRACT_ALL', [STRING, STRING], 'x', 'abc')).toEqual([]);
    expect(call('REGEXP_EXTRACT_ALL', [STRING, STRING], 'a*', 'baa')).toEqual(['', 'aa', '']);
  });
});

describe('REGEXP_REPLACE', () => {
  it('replaces every match, with Java group references and escapes in the replacement', () => {
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'aabbb abb ab', 'a.b+', 'X')).toBe('X X ab');
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'xaab aab', 'a.b', 'Y')).toBe('xY Y');
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'john smith', '(\\w+) (\\w+)', '$2, $1')).toBe('smith, john');
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'cost 5', '(\\d)', '\\$$1')).toBe('cost $5');
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'ab', '(?<first>a)', '${first}${first}')).toBe('aab');
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'ab', 'a', '$3')).toBeNull();
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'ab', '[', 'x')).toBeNull();
    expect(call('REGEXP_REPLACE', [STRING, STRING, STRING], 'ab', 'a', null)).toBeNull();
  });
});

describe('REGEXP_SPLIT_TO_ARRAY', () => {
  it('splits around matches, keeps empty parts, and splits characters on an empty pattern', () => {
    expect(call('REGEXP_SPLIT_TO_ARRAY', [STRING, STRING], 'a1b22c', '\\d+')).toEqual(['a', 'b', 'c']);
    expect(call('REGEXP_SPLIT_TO_ARRAY', [STRING, STRING], '1a11b1', '1')).toEqual(['', 'a', '', 'b', '']);
    expect(call('REGEXP_SPLIT_TO_ARRAY', [STRING, STRING], 'abc', 'x')).toEqual(['abc']);
    expect(call('REGEXP_SPLIT_TO_ARRAY', [STRING, STRING], 'abc', '')).toEqual(['a', 'b', 'c']);
    expect(call('REGEXP_SPLIT_TO_ARRAY', [STRING, STRING], 'a(b', '(')).toBeNull();
    expect(call('REGEXP_SPLIT_TO_ARRAY', [STRING, STRING], null, 'x')).toBeNull();
  });
});
