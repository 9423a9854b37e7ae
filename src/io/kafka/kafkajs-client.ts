// kafkajs as Eddy loads it: on first use (a run without brokers never loads it), with its read_committed filter fixed.

import { createRequire } from 'node:module';
import type * as KafkaJs from 'kafkajs';
import { fixCommittedReads } from './read-committed-fix.js';

// Now, when this module loads: whatever loads kafkajs after it gets the fixed filter.
fixCommittedReads();

let loaded: typeof KafkaJs | undefined;

/** The kafkajs module, loaded by the first call (about 0.1 s of CPU that a process on the embedded log need not pay). */
export function kafkajs(): typeof KafkaJs {
  return (loaded ??= createRequire(import.meta.url)('kafkajs') as typeof KafkaJs);
}
