// io: adapters behind exec's ports — the embedded log and the serialization formats.

export * from './log/index.js';
export * from './formats/index.js';
