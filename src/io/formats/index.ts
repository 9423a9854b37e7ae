// io/formats: serialization formats behind exec's CodecFactory port.

export { formatCodecs } from './codec-factory.js';
export { parseLosslessJson, parseJson, JsonNumber } from './lossless-json.js';
