// kafkajs as Eddy loads it: its read_committed filter fixed first (read-committed-fix.ts), then the library.

import './read-committed-fix.js';
import kafkajs from 'kafkajs';

export default kafkajs;
