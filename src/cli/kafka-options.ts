// The options that point a command at Apache Kafka: --brokers (EDDY_BROKERS) and --service-id (EDDY_SERVICE_ID).

import { Option } from 'commander';

export interface KafkaCliOptions {
  readonly brokers?: string;
  readonly serviceId: string;
}

export function brokersOption(): Option {
  return new Option('-b, --brokers <host:port,…>', 'run on these Apache Kafka brokers instead of the embedded log').env('EDDY_BROKERS');
}

export function serviceIdOption(): Option {
  return new Option('--service-id <id>', "names this deployment's consumer groups and transactional ids on Kafka").env('EDDY_SERVICE_ID').default('eddy');
}

/** The engine options the Kafka flags stand for (none when --brokers is absent or empty). */
export function kafkaEngineOptions(opts: KafkaCliOptions): { brokers?: readonly string[]; serviceId?: string } {
  const brokers = (opts.brokers ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  return brokers.length === 0 ? {} : { brokers, serviceId: opts.serviceId };
}
