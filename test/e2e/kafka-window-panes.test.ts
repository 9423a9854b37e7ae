// Hopping EMIT FINAL windows by panes over Kafka (real broker): a process with an empty data directory rebuilds the panes from the changelog mid-window.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, makeTempDir, removeDir } from './cli-process.js';
import { runOnKafka, tableRows } from './kafka-group.js';
import { NO_KAFKA, unique } from './kafka-test-broker.js';

describe.skipIf(NO_KAFKA)('hopping EMIT FINAL windows by panes on Kafka (real broker)', () => {
  let dir: string | undefined;

  beforeAll(() => {
    dir = makeTempDir('eddy-kafka-panes-');
  });

  afterAll(async () => {
    await killAll();
    removeDir(dir);
  });

  it('closes windows from panes restored from the changelog topic', async () => {
    const service = unique('panes');
    const clicks = unique('clicks');
    const first = await runOnKafka(
      dir!,
      service,
      `CREATE STREAM clicks (user VARCHAR KEY, ts BIGINT) WITH (KAFKA_TOPIC='${clicks}', PARTITIONS=1, VALUE_FORMAT='JSON', TIMESTAMP='ts');
       CREATE TABLE hops AS SELECT user, COUNT(*) AS n, MAX(ts) AS last_ts
         FROM clicks WINDOW HOPPING (SIZE 6 SECONDS, ADVANCE BY 2 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY user EMIT FINAL;
       INSERT INTO clicks (user, ts) VALUES ('alice', 1000);
       INSERT INTO clicks (user, ts) VALUES ('alice', 3000);
       INSERT INTO clicks (user, ts) VALUES ('bob', 2500);
       INSERT INTO clicks (user, ts) VALUES ('alice', 5000);
       SELECT user, WINDOWSTART, n, last_ts FROM hops WHERE user = 'alice';`,
      { dataDir: 'a' },
    );
    // Stream time 5000: no window has closed yet.
    expect(tableRows(first.stdout)).toEqual([]);

    // Another process with an empty data directory: the panes come back from the changelog, and the windows close with every record in them.
    const second = await runOnKafka(
      dir!,
      service,
      `INSERT INTO clicks (user, ts) VALUES ('alice', 4500);
       INSERT INTO clicks (user, ts) VALUES ('bob', 9000);
       SELECT user, WINDOWSTART, n, last_ts FROM hops WHERE user = 'alice';
       SELECT user, WINDOWSTART, n, last_ts FROM hops WHERE user = 'bob';`,
      { dataDir: 'b' },
    );
    expect(second.stderr).toMatch(/Query CTAS_HOPS_1 runs here now, on state rebuilt from changelog topic \S+ \(\d+ records\)/);
    expect(tableRows(second.stdout)).toEqual(['| alice | 0 | 4 | 5000 |', '| alice | 2000 | 3 | 5000 |', '| bob | 0 | 1 | 2500 |', '| bob | 2000 | 1 | 2500 |']);
  }, 300_000);
});
