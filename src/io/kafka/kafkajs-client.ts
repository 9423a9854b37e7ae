// kafkajs as Eddy loads it: with its read_committed filter fixed (read-committed-fix.ts).

import { kafkajsWithCommittedReads } from './read-committed-fix.js';

const kafkajs = kafkajsWithCommittedReads();

export default kafkajs;
