// WITH (…) properties of CREATE and CREATE … AS SELECT: known names, value types, validation.

import { closestName } from '../catalog/index.js';
import { EngineError, FORMAT_NAMES, type FormatName, type SourceSpan } from '../common/index.js';
import type { Property } from '../sql/index.js';

type PropertyKind = 'string' | 'int' | 'boolean';

/** Every property Eddy accepts in WITH, and where. */
const KNOWN: Readonly<Record<string, { readonly type: PropertyKind; readonly createOnly?: boolean }>> = {
  KAFKA_TOPIC: { type: 'string' },
  PARTITIONS: { type: 'int' },
  REPLICAS: { type: 'int' },
  RETENTION_MS: { type: 'int' },
  CLEANUP_POLICY: { type: 'string' },
  FORMAT: { type: 'string' },
  KEY_FORMAT: { type: 'string' },
  VALUE_FORMAT: { type: 'string' },
  WRAP_SINGLE_VALUE: { type: 'boolean' },
  TIMESTAMP: { type: 'string' },
  TIMESTAMP_FORMAT: { type: 'string' },
};

/** Validated WITH properties, by upper-cased name. */
export class WithProperties {
  private readonly values = new Map<string, { value: string | number | boolean; span: SourceSpan }>();
  readonly span: SourceSpan | undefined;

  constructor(properties: readonly Property[], statementSpan: SourceSpan) {
    this.span = statementSpan;
    for (const p of properties) {
      const known = KNOWN[p.name];
      if (known === undefined) {
        const suggestion = closestName(p.name, Object.keys(KNOWN));
        throw new EngineError(
          'INVALID_PROPERTY',
          `Unknown property ${p.name}.${suggestion === null ? '' : ` Did you mean ${suggestion}?`} Valid properties: ${Object.keys(KNOWN).join(', ')}.`,
          p.span,
        );
      }
      if (this.values.has(p.name)) throw new EngineError('INVALID_PROPERTY', `Property ${p.name} is given twice.`, p.span);
      this.values.set(p.name, { value: convert(p, known.type), span: p.span });
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
    case 'boolean':
      if (v.kind === 'BooleanLiteral') return v.value;
      if (v.kind === 'StringLiteral' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
      throw new EngineError('INVALID_PROPERTY', `${p.name} must be true or false.`, v.span);
  }
}
