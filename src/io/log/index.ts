// io/log: the embedded log — topics, partitions and offsets in SQLite — behind exec's TopicReader port.

export { EmbeddedLog, type TopicDescription } from './embedded-log.js';
export { LogReader, type StartFrom } from './log-reader.js';
export { LOG_MIGRATIONS } from './log-migrations.js';
export { murmur2, partitionForKey } from './murmur2.js';
