// A broker restart in the middle of a persistent query: `eddy serve` waits with backoff, then continues with nothing lost or repeated.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../src/exec/index.js';
import { KafkaTopics } from '../../src/io/index.js';
import { KafkaBroker } from '../kafka/broker.mjs';
import { killAll, makeTempDir, removeDir, runCli, sleep, startCli, type CliProcess } from './cli-process.js';
import { NO_KAFKA } from './kafka-test-broker.js';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array | null): string => (b === null ? '' : Buffer.from(b).toString('utf8'));

// Needs a broker of its own to stop and start, so it runs only where the setup could start one.
describe.skipIf(NO_KAFKA || (process.env.KAFKA_BROKERS ?? '') !== '')('broker restart mid-query (own broker)', () => {
  let broker: KafkaBroker | undefined;
  let dir: string | undefined;
  let serve: CliProcess | undefined;

  beforeAll(async () => {
    broker = await KafkaBroker.create();
    dir = makeTempDir('eddy-kafka-restart-');
  });

  afterAll(async () => {
    await killAll();
    await broker?.destroy();
    removeDir(dir);
  });

  it('waits while the broker is away and then processes every record exactly once', async () => {
    const brokers = broker!.brokers;
    const setup = path.join(dir!, 'setup.sql');
    fs.writeFileSync(
      setup,
      "CREATE STREAM src (id BIGINT KEY, n INT) WITH (KAFKA_TOPIC='src', PARTITIONS=2, VALUE_FORMAT='JSON');\n" +
        "CREATE STREAM dst WITH (KAFKA_TOPIC='dst') AS SELECT id, n * 2 AS twice FROM src EMIT CHANGES;\n",
    );
    const defined = await runCli(['run', setup, '--data-dir', dir!, '--brokers', brokers], 60_000);
    expect(defined.code, defined.stderr).toBe(0);
    serve = startCli(['serve', '--data-dir', dir!, '--brokers', brokers]);

    const topics = new KafkaTopics({ brokers: [brokers], serviceId: 'restart-inspector' });
    const rows = (from: number, to: number): SinkRecord[] =>
      Array.from({ length: to - from }, (_, k) => ({ topic: 'src', timestamp: 1_000 + from + k, key: bigintKey(from + k), value: utf8(`{"N":${from + k}}`) }));
    const sinkValues = async (): Promise<string[]> => (await topics.readAll('dst')).map((r) => text(r.value));
    const waitForSink = async (count: number): Promise<string[]> => {
      // A liveness bound, not a speed claim: a loaded CI machine may take a while to reconnect.
      const deadline = Date.now() + 150_000;
      for (;;) {
        const values = await sinkValues();
        if (values.length >= count || Date.now() > deadline) return values;
        await sleep(200);
      }
    };
    try {
      await topics.append(rows(0, 200));
      expect(await waitForSink(200)).toHaveLength(200);

      await topics.close();
      await broker!.stop();
      await sleep(4_000);
      serve.assertRunning('eddy serve while the broker is away');
      await broker!.start();

      await topics.append(rows(200, 400));
      const values = await waitForSink(400);
      await sleep(1_000);
      const final = await sinkValues();
      expect(values.length).toBe(400);
      expect(final.sort()).toEqual(Array.from({ length: 400 }, (_, n) => `{"TWICE":${n * 2}}`).sort());
      serve.assertRunning('eddy serve after the broker came back');
    } finally {
      await topics.close();
    }
    serve.signal('SIGTERM');
    const exit = await serve.waitForExit(30_000);
    expect(exit.code, serve.describe()).toBe(0);
  }, 360_000);
});

/** A BIGINT key in the KAFKA format: 8 bytes, big-endian. */
function bigintKey(n: number): Uint8Array {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return new Uint8Array(b);
}
