// io/formats: serialization formats behind exec's CodecFactory port.

export { formatCodecs } from './codec-factory.js';
export { hasLongNumber, parseLosslessJson, parseJson, JsonNumber, type LosslessJson } from './lossless-json.js';
export { fromJson, toJson } from './json-values.js';
