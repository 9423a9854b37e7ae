// WITH (…) properties of CREATE and CREATE … AS SELECT: known names, value types, validation.

import { closestName } from '../catalog/index.js';
import { EngineError, FORMAT_NAMES, type FormatName, type SourceSpan } from '../common/index.js';
import type { Property } from '../sql/index.js';

type PropertyKind = 'string' | 'int' | 'long' | 'boolean';

/** Where a property may appear: CREATE … WITH, CREATE … AS SELECT, INSERT INTO … SELECT. */
export type PropertyContext = 'CREATE' | 'CREATE_AS' | 'INSERT';

interface PropertySpec {
  readonly type: PropertyKind;
  readonly contexts: readonly PropertyContext[];
  /** Accepted, but Eddy cannot honor it yet: using it is a NOT_SUPPORTED error naming the reason. */
  readonly notSupported?: string;
  /** Allowed values (upper-cased), for enumerations. */
  readonly values?: readonly string[];
}

const CREATES: readonly PropertyContext[] = ['CREATE', 'CREATE_AS'];
const SCHEMA_REGISTRY = 'it needs a Schema Registry (AVRO, PROTOBUF and JSON_SR formats)';

/** ksqlDB's 26 WITH properties: 21 shared by CREATE and CREATE … AS, 4 CREATE-only, 1 INSERT-only. */
const KNOWN: Readonly<Record<string, PropertySpec>> = {
  KAFKA_TOPIC: { type: 'string', contexts: CREATES },
  PARTITIONS: { type: 'int', contexts: CREATES },
  REPLICAS: { type: 'int', contexts: CREATES },
  RETENTION_MS: { type: 'long', contexts: CREATES },
  CLEANUP_POLICY: { type: 'string', contexts: CREATES, values: ['DELETE', 'COMPACT', 'COMPACT,DELETE', 'DELETE,COMPACT'] },
  FORMAT: { type: 'string', contexts: CREATES },
  KEY_FORMAT: { type: 'string', contexts: CREATES },
  VALUE_FORMAT: { type: 'string', contexts: CREATES },
  KEY_DELIMITER: { type: 'string', contexts: CREATES },
  VALUE_DELIMITER: { type: 'string', contexts: CREATES },
  WRAP_SINGLE_VALUE: { type: 'boolean', contexts: CREATES },
  TIMESTAMP: { type: 'string', contexts: CREATES },
  TIMESTAMP_FORMAT: { type: 'string', contexts: CREATES },
  KEY_SCHEMA_ID: { type: 'int', contexts: CREATES, notSupported: SCHEMA_REGISTRY },
  VALUE_SCHEMA_ID: { type: 'int', contexts: CREATES, notSupported: SCHEMA_REGISTRY },
  KEY_SCHEMA_FULL_NAME: { type: 'string', contexts: CREATES, notSupported: SCHEMA_REGISTRY },
  VALUE_SCHEMA_FULL_NAME: { type: 'string', contexts: CREATES, notSupported: SCHEMA_REGISTRY },
  VALUE_AVRO_SCHEMA_FULL_NAME: { type: 'string', contexts: CREATES, notSupported: SCHEMA_REGISTRY },
  KEY_PROTOBUF_NULLABLE_REPRESENTATION: { type: 'string', contexts: CREATES, values: ['OPTIONAL', 'WRAPPER'], notSupported: 'the PROTOBUF formats are not supported' },
  VALUE_PROTOBUF_NULLABLE_REPRESENTATION: { type: 'string', contexts: CREATES, values: ['OPTIONAL', 'WRAPPER'], notSupported: 'the PROTOBUF formats are not supported' },
  WINDOW_TYPE: { type: 'string', contexts: ['CREATE'], values: ['TUMBLING', 'HOPPING', 'SESSION'] },
  WINDOW_SIZE: { type: 'string', contexts: ['CREATE'] },
  SOURCE_CONNECTOR: { type: 'string', contexts: ['CREATE'] },
  SOURCED_BY_CONNECTOR: { type: 'string', contexts: ['CREATE'] },
  QUERY_ID: { type: 'string', contexts: ['INSERT'] },
};

/** The properties valid in `context`, for error messages. */
export function propertyNames(context: PropertyContext): string[] {
  return Object.keys(KNOWN).filter((k) => KNOWN[k]?.contexts.includes(context) === true);
}

/** Validated WITH properties, by upper-cased name. */
export class WithProperties {
  private readonly values = new Map<string, { value: string | number | boolean; span: SourceSpan }>();
  readonly span: SourceSpan | undefined;

  constructor(properties: readonly Property[], statementSpan: SourceSpan, context: PropertyContext = 'CREATE') {
    this.span = statementSpan;
    const valid = propertyNames(context);
    for (const p of properties) {
      const known = KNOWN[p.name];
      if (known === undefined) {
        const suggestion = closestName(p.name, valid);
        throw new EngineError(
          'INVALID_PROPERTY',
          `Unknown property ${p.name}.${suggestion === null ? '' : ` Did you mean ${suggestion}?`} Valid properties here: ${valid.filter((v) => KNOWN[v]?.notSupported === undefined).join(', ')}.`,
          p.span,
        );
      }
      if (!known.contexts.includes(context)) {
        const where = known.contexts.map((c) => CONTEXT_NAMES[c]).join(' and ');
        throw new EngineError('INVALID_PROPERTY', `${p.name} is only valid in ${where}, not in ${CONTEXT_NAMES[context]}.`, p.span);
      }
      if (this.values.has(p.name)) throw new EngineError('INVALID_PROPERTY', `Property ${p.name} is given twice.`, p.span);
      const value = convert(p, known.type);
      if (known.values !== undefined && !known.values.includes(String(value).toUpperCase().replace(/\s+/g, ''))) {
        throw new EngineError('INVALID_PROPERTY', `${p.name} must be one of ${known.values.map((v) => `'${v}'`).join(', ')}, not '${String(value)}'.`, p.value.span);
      }
      if (known.notSupported !== undefined) {
        throw new EngineError('NOT_SUPPORTED', `Property ${p.name} is not supported yet: ${known.notSupported}.`, p.span);
      }
      this.values.set(p.name, { value, span: p.span });
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  spanOf(name: string): SourceSpan | undefined {
    return this.values.get(name)?.span ?? this.span;
  }

  string(name: string): string | undefined {
    const v = this.values.get(name)?.value;
    return v === undefined ? undefined : String(v);
  }

  int(name: string): number | undefined {
    const v = this.values.get(name)?.value;
    return typeof v === 'number' ? v : undefined;
  }

  boolean(name: string): boolean | undefined {
    const v = this.values.get(name)?.value;
    return typeof v === 'boolean' ? v : undefined;
  }

  /** A format name, upper-cased and checked against the formats Eddy implements. */
  format(name: string): FormatName | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const upper = raw.toUpperCase();
    if (!(FORMAT_NAMES as readonly string[]).includes(upper)) {
      throw new EngineError('INVALID_PROPERTY', `Unknown format '${raw}' in ${name}. Valid formats: ${FORMAT_NAMES.join(', ')}.`, this.spanOf(name));
    }
    return upper as FormatName;
  }
}

const CONTEXT_NAMES: Readonly<Record<PropertyContext, string>> = {
  CREATE: 'CREATE STREAM|TABLE … WITH',
  CREATE_AS: 'CREATE … AS SELECT',
  INSERT: 'INSERT INTO … SELECT',
};

function convert(p: Property, type: PropertyKind): string | number | boolean {
  const v = p.value;
  switch (type) {
    case 'string':
      if (v.kind !== 'StringLiteral') throw new EngineError('INVALID_PROPERTY', `${p.name} must be a string in single quotes.`, v.span);
      return v.value;
    case 'int': {
      const text = v.kind === 'StringLiteral' ? v.value : v.kind === 'IntegerLiteral' ? v.text : null;
      if (text === null || !/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
        throw new EngineError('INVALID_PROPERTY', `${p.name} must be a positive integer.`, v.span);
      }
      return Number(text);
    }
    case 'long': {
      const text = v.kind === 'StringLiteral' ? v.value : v.kind === 'IntegerLiteral' ? v.text : null;
      if (text === null || !/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || (Number(text) < 1 && Number(text) !== -1)) {
        throw new EngineError('INVALID_PROPERTY', `${p.name} must be a positive number of milliseconds (or -1 for unlimited).`, v.span);
      }
      return Number(text);
    }
    case 'boolean':
      if (v.kind === 'BooleanLiteral') return v.value;
      if (v.kind === 'StringLiteral' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
      throw new EngineError('INVALID_PROPERTY', `${p.name} must be true or false.`, v.span);
  }
}
