// Unit tests for the JSON and URL functions: parsing rules, exact number text, invalid input and NULLs.

import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/common/index.js';
import { call, map, T } from './call-function.js';

const { INT, BIGINT, DOUBLE, STRING, BOOLEAN } = T;
const entriesOf = (v: unknown): [unknown, unknown][] => [...(v as { entries: Map<unknown, unknown> }).entries];

describe('JSON functions', () => {
  const doc = '{"log": {"cloud": "gcp836Csd", "instance": 4, "ratio": 1.50, "tags": ["a", {"b": null}]}, "big": 12345678901234567890}';

  it('EXTRACTJSONFIELD follows a JSONPath and returns text', () => {
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.log.cloud')).toBe('gcp836Csd');
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.log.instance')).toBe('4');
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.log.ratio')).toBe('1.5');
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, "$['log']['tags'][1]")).toBe('{"b":null}');
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.log.tags[0]')).toBe('a');
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.big')).toBe('12345678901234567890');
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.log.tags[1].b')).toBeNull();
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.nope')).toBeNull();
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], doc, '$.log.*')).toBeNull();
    expect(call('EXTRACTJSONFIELD', [STRING, STRING], '{bad', '$.a')).toBeNull();
  });

  it('IS_JSON_STRING accepts any JSON value, and is false for NULL', () => {
    for (const ok of ['[1, 2, 3]', '{}', '1', '"abc"', 'null', ' true ']) expect(call('IS_JSON_STRING', [STRING], ok), ok).toBe(true);
    for (const bad of ['', 'abc', '{"a":}', '[1,]', '01']) expect(call('IS_JSON_STRING', [STRING], bad), bad).toBe(false);
    expect(call('IS_JSON_STRING', [STRING], null)).toBe(false);
  });

  it('JSON_ARRAY_CONTAINS matches values of the same JSON kind; false for non-arrays', () => {
    expect(call('JSON_ARRAY_CONTAINS', [STRING, INT], '[1, 2, 3]', 3)).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, BIGINT], '[9007199254740993]', 9007199254740993n)).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, BIGINT], '[9007199254740993]', 9007199254740992n)).toBe(false);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, BIGINT], '[1234567890123]', 1234567890123n)).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, DOUBLE], '[1.5, 2]', 1.5)).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, DOUBLE], '[2]', 2)).toBe(false);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, STRING], '["a", "b"]', 'b')).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, BOOLEAN], '[true]', true)).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, STRING], '[null]', null)).toBe(true);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, INT], '{"a": 1}', 1)).toBe(false);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, INT], 'oops', 1)).toBe(false);
    expect(call('JSON_ARRAY_CONTAINS', [STRING, INT], null, 1)).toBe(false);
  });

  it('JSON_ARRAY_LENGTH, JSON_ITEMS, JSON_KEYS, JSON_RECORDS: NULL unless the JSON has the right shape', () => {
    expect(call('JSON_ARRAY_LENGTH', [STRING], '[1, [1, [2]], 3]')).toBe(3);
    expect(call('JSON_ARRAY_LENGTH', [STRING], '[]')).toBe(0);
    expect(call('JSON_ARRAY_LENGTH', [STRING], '{}')).toBeNull();
    expect(call('JSON_ARRAY_LENGTH', [STRING], 'abc')).toBeNull();
    expect(call('JSON_ITEMS', [STRING], '[{"a": 1}, "x", 2.50]')).toEqual(['{"a":1}', '"x"', '2.50']);
    expect(call('JSON_ITEMS', [STRING], '{}')).toBeNull();
    expect(call('JSON_KEYS', [STRING], '{"a": "abc", "b": {"c": "a"}, "d": 1}')).toEqual(['a', 'b', 'd']);
    expect(call('JSON_KEYS', [STRING], '[]')).toBeNull();
    expect(entriesOf(call('JSON_RECORDS', [STRING], '{"a": "abc", "b": {"c": "a"}, "d": 1}'))).toEqual([
      ['a', '"abc"'],
      ['b', '{"c":"a"}'],
      ['d', '1'],
    ]);
    expect(call('JSON_RECORDS', [STRING], '123')).toBeNull();
  });

  it('JSON_CONCAT merges objects or concatenates arrays, wrapping scalars; NULL on NULL or invalid input', () => {
    const c = (...args: (string | null)[]): unknown => call('JSON_CONCAT', args.map(() => STRING), ...args);
    expect(c('{"a": 1}', '{"b": 2}')).toBe('{"a":1,"b":2}');
    expect(c('{"a": {"5": 6}}', '{"a": {"3": 4}}')).toBe('{"a":{"3":4}}');
    expect(c('[1, [2]]', '[[[3]], [[[4]]]]')).toBe('[1,[2],[[3]],[[[4]]]]');
    expect(c('null', 'null')).toBe('[null,null]');
    expect(c('[1, 2]', '{"a": 1}')).toBe('[1,2,{"a":1}]');
    expect(c('1', '2')).toBe('[1,2]');
    expect(c('[]', '[]')).toBe('[]');
    expect(c('abc', '[1]')).toBeNull();
    expect(c(null, '[1]')).toBeNull();
  });

  it('TO_JSON_STRING writes any typed value', () => {
    expect(call('TO_JSON_STRING', [INT], 1)).toBe('1');
    expect(call('TO_JSON_STRING', [DOUBLE], 15.3)).toBe('15.3');
    expect(call('TO_JSON_STRING', [DOUBLE], 1)).toBe('1.0');
    expect(call('TO_JSON_STRING', [STRING], 'a"b')).toBe('"a\\"b"');
    expect(call('TO_JSON_STRING', [BOOLEAN], true)).toBe('true');
    expect(call('TO_JSON_STRING', [STRING], null)).toBe('null');
    expect(call('TO_JSON_STRING', [T.decimal(4, 2)], Decimal.parse('1.50'))).toBe('1.50');
    expect(call('TO_JSON_STRING', [T.DATE], 18911)).toBe('"2021-10-11"');
    expect(call('TO_JSON_STRING', [T.TIME], 48_300_000)).toBe('"13:25"');
    expect(call('TO_JSON_STRING', [T.TIMESTAMP], Date.parse('2021-06-30T12:18:39.446Z'))).toBe('"2021-06-30T12:18:39.446"');
    expect(call('TO_JSON_STRING', [T.array(INT)], [1, null])).toBe('[1,null]');
    expect(call('TO_JSON_STRING', [T.map(STRING, INT)], map({ c: 2, d: 4 }))).toBe('{"c":2,"d":4}');
    const struct = { kind: 'STRUCT', fields: [{ name: 'ID', type: INT }, { name: 'NAME', type: STRING }] } as const;
    expect(call('TO_JSON_STRING', [struct], { kind: 'struct', fields: { ID: 1, NAME: 'A' } })).toBe('{"ID":1,"NAME":"A"}');
  });
});

describe('URL functions', () => {
  it('URL_ENCODE_PARAM and URL_DECODE_PARAM use form encoding', () => {
    expect(call('URL_ENCODE_PARAM', [STRING], 'url encoded')).toBe('url+encoded');
    expect(call('URL_ENCODE_PARAM', [STRING], 'a&b=c/é*-_.')).toBe('a%26b%3Dc%2F%C3%A9*-_.');
    expect(call('URL_DECODE_PARAM', [STRING], 'url%20encoded+too')).toBe('url encoded too');
    expect(call('URL_DECODE_PARAM', [STRING], '%C3%A9')).toBe('é');
    expect(call('URL_DECODE_PARAM', [STRING], '%zz')).toBeNull();
  });

  it('URL_EXTRACT_* take the parts of a URI, decoded; NULL for absent parts or invalid URIs', () => {
    const url = 'http://user@test.com:8080/path%20x/to?a=foo%20bar&b=baz&flag#frag%20space';
    expect(call('URL_EXTRACT_PROTOCOL', [STRING], url)).toBe('http');
    expect(call('URL_EXTRACT_HOST', [STRING], url)).toBe('test.com');
    expect(call('URL_EXTRACT_PORT', [STRING], url)).toBe(8080);
    expect(call('URL_EXTRACT_PATH', [STRING], url)).toBe('/path x/to');
    expect(call('URL_EXTRACT_QUERY', [STRING], url)).toBe('a=foo bar&b=baz&flag');
    expect(call('URL_EXTRACT_FRAGMENT', [STRING], url)).toBe('frag space');
    expect(call('URL_EXTRACT_PARAMETER', [STRING, STRING], url, 'a')).toBe('foo bar');
    expect(call('URL_EXTRACT_PARAMETER', [STRING, STRING], 'http://test.com?a%20b=c%20d', 'a b')).toBe('c d');
    expect(call('URL_EXTRACT_PARAMETER', [STRING, STRING], url, 'flag')).toBeNull();
    expect(call('URL_EXTRACT_PARAMETER', [STRING, STRING], url, 'missing')).toBeNull();
    expect(call('URL_EXTRACT_PORT', [STRING], 'http://test.com/')).toBeNull();
    expect(call('URL_EXTRACT_PATH', [STRING], 'http://test.com')).toBe('');
    expect(call('URL_EXTRACT_QUERY', [STRING], 'http://test.com/')).toBeNull();
    expect(call('URL_EXTRACT_FRAGMENT', [STRING], 'http://test.com/')).toBeNull();
    expect(call('URL_EXTRACT_PROTOCOL', [STRING], 'relative/path')).toBeNull();
    expect(call('URL_EXTRACT_PATH', [STRING], 'relative/path')).toBe('relative/path');
    expect(call('URL_EXTRACT_HOST', [STRING], 'http://bad host.com/')).toBeNull();
    expect(call('URL_EXTRACT_HOST', [STRING], null)).toBeNull();
  });
});
