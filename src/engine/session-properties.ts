// SessionProperties: the properties SET and UNSET change, with their defaults and validation.

import { closestName } from '../catalog/index.js';
import { EngineError } from '../common/index.js';

interface PropertySpec {
  readonly default: string;
  readonly description: string;
  readonly validate: (value: string) => string | null;
}

/** Half the Kafka transaction timeout: a transaction open this long still commits in time. */
const MAX_COMMIT_INTERVAL_MS = 5_000;

const positiveInt = (v: string) => (/^[1-9]\d*$/.test(v) ? null : 'must be a positive integer');

export const PROPERTY_SPECS: Readonly<Record<string, PropertySpec>> = {
  'auto.offset.reset': {
    default: 'earliest',
    description: 'Where a new query starts reading: earliest (all data) or latest (only new records).',
    validate: (v) => (v === 'earliest' || v === 'latest' ? null : "must be 'earliest' or 'latest'"),
  },
  'processing.guarantee': {
    default: 'exactly_once_v2',
    description: "How a persistent query commits on Kafka: exactly_once_v2 (outputs and input offsets in one transaction) or at_least_once. The embedded log is always exactly-once.",
    validate: (v) => (v === 'exactly_once_v2' || v === 'at_least_once' ? null : "must be 'exactly_once_v2' or 'at_least_once'"),
  },
  'commit.interval.ms': {
    default: '100',
    description:
      'On Kafka with exactly_once_v2: how long a persistent query keeps one transaction open across batches before committing it (sooner when its input is idle). On the embedded log, a query whose input has a backlog commits the batches it reads back to back in groups of up to 4, each group within this or 50 ms, whichever is less. 0 commits every batch. At most 5000 (a Kafka transaction times out after 10 s).',
    validate: (v) => (/^\d+$/.test(v) && Number(v) <= MAX_COMMIT_INTERVAL_MS ? null : `must be an integer from 0 to ${MAX_COMMIT_INTERVAL_MS}`),
  },
  'max.poll.records': {
    default: '500',
    description: 'The most records a query reads and processes as one batch (a transaction commits one batch, or a group of up to 4 while a backlog drains: see commit.interval.ms).',
    validate: positiveInt,
  },
};

export class SessionProperties {
  private readonly values = new Map<string, string>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(initial)) this.set(k, v);
  }

  set(name: string, value: string): void {
    const spec = PROPERTY_SPECS[name];
    if (spec === undefined) {
      const suggestion = closestName(name, Object.keys(PROPERTY_SPECS));
      throw new EngineError('INVALID_PROPERTY', `Unknown property '${name}'.${suggestion === null ? '' : ` Did you mean '${suggestion}'?`}`);
    }
    const problem = spec.validate(value);
    if (problem !== null) throw new EngineError('INVALID_PROPERTY', `Property '${name}' ${problem}, not '${value}'.`);
    this.values.set(name, value);
  }

  unset(name: string): void {
    if (PROPERTY_SPECS[name] === undefined) throw new EngineError('INVALID_PROPERTY', `Unknown property '${name}'.`);
    this.values.delete(name);
  }

  get(name: string): string {
    return this.values.get(name) ?? PROPERTY_SPECS[name]?.default ?? '';
  }

  /** Every property's effective value, by name. */
  effective(): Record<string, string> {
    return Object.fromEntries(this.list().map((p) => [p.name, p.value]));
  }

  /** Every property with its effective value and whether the session set it. */
  list(): { name: string; value: string; isDefault: boolean }[] {
    return Object.keys(PROPERTY_SPECS)
      .sort()
      .map((name) => ({ name, value: this.get(name), isDefault: !this.values.has(name) }));
  }
}
