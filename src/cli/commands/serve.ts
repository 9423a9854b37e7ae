// `eddy serve`: keeps the data directory's persistent queries running until stopped.

import type { Command } from 'commander';
import { Engine } from '../../engine/index.js';
import { dataDirOption } from '../data-dir-option.js';
import { startMetricsEndpoint } from '../metrics-endpoint.js';
import { brokersOption, kafkaEngineOptions, serviceIdOption, type KafkaCliOptions } from '../kafka-options.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description("run the data directory's persistent queries until stopped (Ctrl-C or SIGTERM)")
    .addOption(dataDirOption())
    .addOption(brokersOption())
    .addOption(serviceIdOption())
    .option('--metrics-port <port>', 'serve the queries\' metrics at http://127.0.0.1:<port>/metrics (Prometheus text format)')
    .action(async (opts: { dataDir: string; metricsPort?: string } & KafkaCliOptions) => {
      const kafka = kafkaEngineOptions(opts);
      const engine = Engine.open({ dataDir: opts.dataDir, ...kafka });
      const where = kafka.brokers === undefined ? '' : ` on Kafka ${kafka.brokers.join(',')} (service id ${opts.serviceId})`;
      process.stderr.write(`eddy serve: running persistent queries of ${opts.dataDir}${where}; Ctrl-C stops.\n`);
      let metrics: Awaited<ReturnType<typeof startMetricsEndpoint>> | null = null;
      if (opts.metricsPort !== undefined) {
        const port = Number(opts.metricsPort);
        try {
          if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`'${opts.metricsPort}' is not a port number`);
          metrics = await startMetricsEndpoint(engine, port);
        } catch (e) {
          process.stderr.write(`eddy serve: cannot serve metrics on port ${opts.metricsPort}: ${(e as Error).message}\n`);
          await engine.close();
          process.exit(1);
        }
      }
      if (metrics !== null) process.stderr.write(`eddy serve: metrics at http://127.0.0.1:${metrics.port}/metrics\n`);
      // Signal listeners do not keep Node alive, and the engine's timers are unref'd: hold the loop open.
      const keepAlive = setInterval(() => undefined, 1 << 30);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(keepAlive);
      metrics?.server.close();
      process.stderr.write('eddy serve: stopping; the queries resume wherever this data directory is opened next.\n');
      await engine.close();
      process.stderr.write('eddy serve: stopped.\n');
      // A Kafka client that reconnected during an outage may still hold a timer: everything is closed, so leave.
      process.exit(process.exitCode ?? 0);
    });
}
