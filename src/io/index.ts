// io: adapters behind exec's ports — the Topics seam, the embedded log, Apache Kafka and the serialization formats.

export type * from './topics.js';
export type * from './command-log.js';
export * from './log/index.js';
export * from './kafka/index.js';
export * from './formats/index.js';
