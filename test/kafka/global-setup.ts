// Vitest global setup of the Kafka tests: a real broker ($KAFKA_BROKERS, or one started here), or a reason to skip.

import type { TestProject } from 'vitest/node';
import { KafkaBroker, missingTools } from './broker.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bootstrap servers of the test broker, or null when the Kafka tests are skipped. */
    kafkaBrokers: string | null;
    /** Why the Kafka tests are skipped (empty when they run). */
    kafkaSkipReason: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  const fromEnv = process.env.KAFKA_BROKERS;
  if (fromEnv !== undefined && fromEnv !== '') {
    say(`kafka tests: using the broker(s) at ${fromEnv} ($KAFKA_BROKERS)`);
    project.provide('kafkaBrokers', fromEnv);
    project.provide('kafkaSkipReason', '');
    return undefined;
  }
  const missing = missingTools();
  if (missing !== null) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the Kafka tests cannot start a broker: ${missing}`);
    say(`kafka tests: SKIPPED — ${missing}, and $KAFKA_BROKERS is not set`);
    project.provide('kafkaBrokers', null);
    project.provide('kafkaSkipReason', missing);
    return undefined;
  }
  const started = Date.now();
  // In CI a failure here fails the run loudly; elsewhere too: Java and Maven are present, so a broker should start.
  const broker = await KafkaBroker.create({ say });
  say(`kafka tests: broker ${broker.brokers} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('kafkaBrokers', broker.brokers);
  project.provide('kafkaSkipReason', '');
  return async () => {
    await broker.destroy();
  };
}
