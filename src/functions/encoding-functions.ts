// Encoding functions: ENCODE, TO_BYTES, FROM_BYTES, MD5.

import { createHash } from 'node:crypto';
import { SqlTypes, type Value } from '../common/index.js';
import { bytesToText, textToBytes } from './byte-text.js';
import { attempt } from './or-null.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

const str = (v: Value | undefined): string => v as string;


export const encodingFunctions: readonly ScalarFunction[] = [
  {
    name: 'ENCODE',
    category: 'STRING',
    description: "Re-encodes a string from one encoding to another; encodings are 'hex', 'utf8', 'ascii' and 'base64'.",
    signatures: [{ params: ['STRING', 'STRING', 'STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s, from, to]) => attempt(() => bytesToText(textToBytes(str(s), str(from)), str(to))),
  },
  {
    name: 'TO_BYTES',
    category: 'STRING',
    description: "The BYTES a string stands for in an encoding: 'hex', 'utf8', 'ascii' or 'base64'.",
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(SqlTypes.BYTES) }],
    invoke: ([s, enc]) => attempt(() => textToBytes(str(s), str(enc))),
  },
  {
    name: 'FROM_BYTES',
    category: 'STRING',
    description: "The text of BYTES in an encoding: 'hex', 'utf8', 'ascii' or 'base64'.",
    signatures: [{ params: ['BYTES', 'STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([b, enc]) => attempt(() => bytesToText(b as Uint8Array, str(enc))),
  },
  {
    name: 'MD5',
    category: 'STRING',
    description: 'The MD5 digest of the UTF-8 bytes of a string, as 32 lower-case hex digits.',
    signatures: [{ params: ['STRING'], returns: returnsType(SqlTypes.STRING) }],
    invoke: ([s]) => createHash('md5').update(str(s), 'utf8').digest('hex'),
  },
];
