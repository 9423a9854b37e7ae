// URL functions (RFC 3986 URIs, form encoding): URL_DECODE_PARAM, URL_ENCODE_PARAM and URL_EXTRACT_* for each part.

import { SqlTypes, type Value } from '../common/index.js';
import { attempt } from './or-null.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

interface UriParts {
  readonly scheme: string | null;
  readonly host: string | null;
  readonly port: number | null;
  readonly path: string;
  readonly query: string | null;
  readonly fragment: string | null;
}

/** Splits a URI as RFC 3986's appendix B does; null when it holds characters a URI may not (spaces, quotes, bad escapes). */
export function parseUri(text: string): UriParts | null {
  if (/[\s"<>\\^`{|}]/.test(text) || /%(?![0-9a-fA-F]{2})/.test(text)) return null;
  const m = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(text);
  if (m === null) return null;
  const scheme = m[1] ?? null;
  if (scheme !== null && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return null;
  let host: string | null = null;
  let port: number | null = null;
  if (m[2] !== undefined) {
    const hostPort = /^(?:[^@]*@)?(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(m[2]);
    if (hostPort === null) return null;
    host = hostPort[1] === '' ? null : (hostPort[1] ?? null);
    port = hostPort[2] === undefined || hostPort[2] === '' ? null : Number(hostPort[2]);
  }
  return { scheme, host, port, path: m[3] ?? '', query: m[4] ?? null, fragment: m[5] ?? null };
}

/** Percent-decoding of a URI component ('+' stays '+'). */
const decodeComponent = (s: string): string => attempt(() => decodeURIComponent(s)) ?? s;

/** Form decoding (Java's URLDecoder): '+' is a space; a malformed escape throws. */
export function formDecode(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** Form encoding (Guava's form parameter escaper): letters, digits and `-_.*` stay, space becomes '+'. */
export function formEncode(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.*]/.test(c)) return c;
      return b === 0x20 ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

function parameter(url: string, name: string): string | null {
  const query = parseUri(url)?.query;
  if (query === null || query === undefined) return null;
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (decodeComponent(pair.slice(0, at)) === name) return decodeComponent(pair.slice(at + 1));
  }
  return null;
}

const str = (v: Value | undefined): string => v as string;

function part(name: string, description: string, get: (p: UriParts) => string | number | null): ScalarFunction {
  return {
    name,
    category: 'URL',
    description,
    signatures: [{ params: ['STRING'], returns: returnsType(name === 'URL_EXTRACT_PORT' ? SqlTypes.INT : SqlTypes.STRING) }],
    invoke: ([url]) => {
      const p = parseUri(str(url));
      return p === null ? null : get(p);
    },
  };
}

export const urlFunctions: readonly ScalarFunction[] = [
  {
    name: 'URL_DECODE_PARAM',
    category: 'URL',
    description: "Decodes a form-encoded URL parameter ('+' and %20 become spaces); NULL for a malformed escape.",
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s]) => attempt(() => formDecode(str(s))),
  },
  {
    name: 'URL_ENCODE_PARAM',
    category: 'URL',
    description: "Form-encodes a value for a URL query parameter (spaces become '+', other reserved characters %XX).",
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s]) => formEncode(str(s)),
  },
  part('URL_EXTRACT_FRAGMENT', 'The decoded fragment (after #) of a URL; NULL when absent or the URL is invalid.', (p) => (p.fragment === null ? null : decodeComponent(p.fragment))),
  part('URL_EXTRACT_HOST', 'The host name of a URL; NULL when absent or the URL is invalid.', (p) => p.host),
  {
    name: 'URL_EXTRACT_PARAMETER',
    category: 'URL',
    description: 'The decoded value of a named query parameter of a URL; NULL when it is absent, has no value, or the URL is invalid.',
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([url, name]) => parameter(str(url), str(name)),
  },
  part('URL_EXTRACT_PATH', 'The decoded path of a URL (empty when it has none); NULL when the URL is invalid.', (p) => decodeComponent(p.path)),
  part('URL_EXTRACT_PORT', 'The explicit port number of a URL; NULL when absent or the URL is invalid.', (p) => p.port),
  part('URL_EXTRACT_PROTOCOL', 'The scheme of a URL (http, https, …); NULL when absent or the URL is invalid.', (p) => p.scheme),
  part('URL_EXTRACT_QUERY', 'The decoded query string (after ?) of a URL; NULL when absent or the URL is invalid.', (p) => (p.query === null ? null : decodeComponent(p.query))),
];
