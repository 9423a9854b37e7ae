// kafkajs with its read_committed filter fixed: kafkajs 2.2.4 took any record keyed by four zero bytes (an INT key 0) for the end of an aborted transaction.

import { createRequire } from 'node:module';

/** What kafkajs's filter sees of a fetched record. */
interface FetchedMessage {
  readonly offset: string;
  readonly key: Buffer | null;
  readonly isControlRecord?: boolean;
  readonly batchContext: { readonly producerId: string; readonly inTransaction: boolean };
}

interface AbortedTransaction {
  readonly producerId: string;
  readonly firstOffset: string;
}

type AbortFilter = (input: { messages: FetchedMessage[]; abortedTransactions?: AbortedTransaction[] }) => FetchedMessage[];

/** The key of a transaction marker that says "aborted" (version 0, type 0). */
const ABORT_MARKER_KEY = Buffer.alloc(4);

/**
 * Drops the records of aborted transactions from a fetched batch (the fetch response lists, per
 * producer, where each aborted transaction starts; its marker ends it). kafkajs compared keys only,
 * so a data record whose key happened to equal the marker's ended the transaction early and the
 * rest of it reached `read_committed` readers; here only a control record can be the marker.
 */
const withoutAborted: AbortFilter = ({ messages, abortedTransactions }) => {
  if (abortedTransactions === undefined || abortedTransactions.length === 0) return messages;
  const pending = [...abortedTransactions].sort((a, b) => compareOffsets(a.firstOffset, b.firstOffset));
  const aborting = new Set<string>();
  return messages.filter((message) => {
    while (pending.length > 0 && compareOffsets(message.offset, (pending[0] as AbortedTransaction).firstOffset) >= 0) {
      aborting.add((pending.shift() as AbortedTransaction).producerId);
    }
    const { producerId, inTransaction } = message.batchContext;
    if (message.isControlRecord === true) {
      if (message.key !== null && Buffer.from(message.key).equals(ABORT_MARKER_KEY)) aborting.delete(producerId);
      return true;
    }
    return !(inTransaction && aborting.has(producerId));
  });
};

/** Offsets come as decimal strings (or Long objects, whose text is the same). */
function compareOffsets(a: string, b: string): number {
  const x = BigInt(String(a));
  const y = BigInt(String(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Puts the filter above where kafkajs's batch module takes it from when it loads: the module cache
 * (one small file of kafkajs's is loaded for that, not kafkajs). Eddy loads kafkajs only after this
 * ran (`kafkajs-client.ts`). A process that loaded kafkajs before (another importer of it) keeps
 * kafkajs's filter: a loaded CommonJS module cannot be swapped safely under Node's ES module loader.
 */
export function fixCommittedReads(): void {
  const require = createRequire(import.meta.url);
  const file = require.resolve('kafkajs/src/consumer/filterAbortedMessages.js');
  const loaded = (): NodeJS.Module | undefined => require.cache[file];
  if (loaded() === undefined) {
    require(file);
    const cached = loaded();
    if (cached !== undefined) cached.exports = withoutAborted;
  }
}
