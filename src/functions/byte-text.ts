// Byte text: the encodings STRING and BYTES convert through (hex, utf8, ascii, base64), as Java decodes them.

/** The bytes a text stands for in an encoding; throws on an unknown encoding or malformed text. */
export function textToBytes(text: string, encoding: string): Uint8Array {
  switch (encoding.toLowerCase()) {
    case 'hex': {
      const t = text.startsWith('0x') || text.startsWith('0X') ? text.slice(2) : text;
      if (t.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(t)) throw new Error(`'${text}' is not hex`);
      return new Uint8Array(Buffer.from(t, 'hex'));
    }
    case 'utf8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'ascii':
      // Java replaces characters outside US-ASCII with '?'.
      return new Uint8Array([...text].map((c) => (c.charCodeAt(0) < 128 && c.length === 1 ? c.charCodeAt(0) : 63)));
    case 'base64': {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw new Error(`'${text}' is not base64`);
      return new Uint8Array(Buffer.from(text, 'base64'));
    }
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}

/** The text of bytes in an encoding (hex is lower case; invalid UTF-8 and non-ASCII bytes become U+FFFD). */
export function bytesToText(bytes: Uint8Array, encoding: string): string {
  const buf = Buffer.from(bytes);
  switch (encoding.toLowerCase()) {
    case 'hex':
      return buf.toString('hex');
    case 'utf8':
      return new TextDecoder('utf-8').decode(bytes);
    case 'ascii':
      return [...bytes].map((b) => (b < 128 ? String.fromCharCode(b) : '\uFFFD')).join('');
    case 'base64':
      return buf.toString('base64');
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}
