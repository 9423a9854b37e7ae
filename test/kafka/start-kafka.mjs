// `npm run kafka`: starts a single-node Kafka broker on 127.0.0.1 for trying Eddy by hand; Ctrl-C stops it.
// @ts-check

import process from 'node:process';
import { KafkaBroker, missingTools } from './broker.mjs';

const missing = missingTools();
if (missing !== null) {
  process.stderr.write(`npm run kafka: cannot start a broker: ${missing} (install a JDK 17+ and Maven).\n`);
  process.exit(1);
}
const started = Date.now();
const broker = await KafkaBroker.create({ say: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(
  `Kafka ${broker.brokers} is ready (${((Date.now() - started) / 1000).toFixed(1)} s). Try:\n` +
    `  EDDY_BROKERS=${broker.brokers} npx eddy run queries/quickstart.sql\n` +
    `Ctrl-C stops the broker and deletes its data (${broker.runDir}).\n`,
);
const stop = () => {
  process.stderr.write('stopping Kafka…\n');
  void broker.destroy().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
