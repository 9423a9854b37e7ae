// Tables restored from their C*AS sink topic on Kafka (real broker): HAVING deletes, EMIT FINAL, tables that keep changelog rows (DELIMITED, a topic that existed), and a changelog with rows from an older version.

import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkaTestContext, runOnKafka, tableRows } from './kafka-group.js';
import { NO_KAFKA, unique } from './kafka-test-broker.js';

const text = (b: Uint8Array | null): string => (b === null ? '<null>' : Buffer.from(b).toString('utf8'));

describe.skipIf(NO_KAFKA)('tables kept by their sink topic on Kafka (real broker)', () => {
  const kafka = kafkaTestContext('eddy-kafka-sink-kept-');

  const run = (serviceId: string, dataDir: string, script: string) => runOnKafka(kafka.dir, serviceId, script, { dataDir });

  /** The table names of the materialized-row ('m') records of a changelog topic. */
  const changelogRowTables = async (topic: string): Promise<string[]> =>
    (await kafka.inspector.readAll(topic)).map((r) => JSON.parse(text(r.key)) as unknown[]).filter((k) => k[0] === 'm').map((k) => String(k[1]));

  it('restores HAVING deletes, EMIT FINAL windows and a DELIMITED table in another process, and skips an older version’s changelog rows', async () => {
    const service = unique('kept');
    const orders = unique('orders');
    const small = unique('small');
    const finals = unique('finals');
    const delimited = unique('delimited');
    const pulls = `SELECT * FROM small;
       SELECT item, WINDOWSTART, n FROM finals;
       SELECT * FROM counts;`;
    const first = await run(
      service,
      'a',
      `CREATE STREAM orders (id VARCHAR KEY, item VARCHAR, qty INT, ts BIGINT) WITH (KAFKA_TOPIC='${orders}', PARTITIONS=1, VALUE_FORMAT='JSON', TIMESTAMP='ts');
       CREATE TABLE small WITH (KAFKA_TOPIC='${small}') AS SELECT item, SUM(qty) AS total FROM orders GROUP BY item HAVING SUM(qty) < 10 EMIT CHANGES;
       CREATE TABLE finals WITH (KAFKA_TOPIC='${finals}') AS
         SELECT item, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY item EMIT FINAL;
       CREATE TABLE counts WITH (KAFKA_TOPIC='${delimited}', VALUE_FORMAT='DELIMITED') AS SELECT item, COUNT(*) AS n, MAX(id) AS last FROM orders GROUP BY item EMIT CHANGES;
       INSERT INTO orders (id, item, qty, ts) VALUES ('o1', 'pen', 3, 1000);
       INSERT INTO orders (id, item, qty, ts) VALUES ('o2', 'ink', 4, 2000);
       INSERT INTO orders (id, item, qty, ts) VALUES ('o3', 'pen', 9, 3000);
       INSERT INTO orders (id, item, qty, ts) VALUES ('o4', 'cap', 1, 12000);
       INSERT INTO orders (id, item, qty, ts) VALUES ('o5', 'ink', 2, 25000);
       ${pulls}`,
    );
    // pen went over 10 (deleted), the first window closed at 20 s, the second at 30 s.
    const expected = ['| cap | 1 |', '| ink | 6 |', '| cap | 10000 | 1 |', '| ink | 0 | 1 |', '| pen | 0 | 2 |', '| cap | 1 | o4 |', '| ink | 2 | o5 |', '| pen | 2 | o3 |'];
    expect(tableRows(first.stdout)).toEqual(expected);
    // A table's topic is compacted (a windowed table's also deleted after retention), a stream's keeps the cluster default.
    const described = await kafka.admin.describeConfigs({
      includeSynonyms: false,
      resources: [orders, small, finals, delimited].map((name) => ({ type: kafkajs.ConfigResourceTypes.TOPIC, name, configNames: ['cleanup.policy'] })),
    });
    const policy = Object.fromEntries(described.resources.map((r) => [r.resourceName, r.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue]));
    expect(policy).toEqual({ [orders]: 'delete', [small]: 'compact', [finals]: 'compact,delete', [delimited]: 'compact' });
    // The deleted row is a tombstone on the sink topic; the JSON tables' rows are not in their changelogs, the DELIMITED table's are.
    expect((await kafka.inspector.readAll(small)).filter((r) => r.value === null).map((r) => text(r.key))).toEqual(['pen']);
    const ofTable = (name: string) => `_eddy-${service}-query-${new RegExp(`CTAS_${name}_\\d+`).exec(first.stderr)?.[0]}-changelog`;
    for (const name of ['SMALL', 'FINALS', 'COUNTS']) expect(await kafka.inspector.describeTopic(ofTable(name)), name).toBeDefined();
    expect(await changelogRowTables(ofTable('SMALL'))).toEqual([]);
    expect(await changelogRowTables(ofTable('FINALS'))).toEqual([]);
    expect(new Set(await changelogRowTables(ofTable('COUNTS')))).toEqual(new Set(['COUNTS']));

    // An older version wrote the tables' rows to the changelog too: a row only there (as if the sink's
    // retention had dropped it) is not restored — the sink topic is the table.
    await kafka.inspector.append([
      { topic: ofTable('SMALL'), timestamp: 1, key: Buffer.from(JSON.stringify(['m', 'SMALL', ['gone'], null, null])), value: Buffer.from(JSON.stringify({ row: ['gone', 3], rowtime: 1000 })) },
    ]);

    // Another process with an empty data directory rebuilds every table and carries on.
    const second = await run(
      service,
      'b',
      `INSERT INTO orders (id, item, qty, ts) VALUES ('o6', 'cap', 2, 26000);
       INSERT INTO orders (id, item, qty, ts) VALUES ('o7', 'ink', 5, 40000);
       ${pulls}`,
    );
    expect(second.stderr).toMatch(/table\(s\) SMALL rebuilt from their sink topic/);
    expect(tableRows(second.stdout)).toEqual(['| cap | 3 |', '| cap | 10000 | 1 |', '| cap | 20000 | 1 |', '| ink | 0 | 1 |', '| ink | 20000 | 1 |', '| pen | 0 | 2 |', '| cap | 2 | o6 |', '| ink | 3 | o7 |', '| pen | 2 | o3 |']);
  }, 300_000);

  it('keeps the rows of a table whose topic existed before its query in the changelog: the topic’s older records are not rows', async () => {
    const service = unique('kept-pre');
    const orders = unique('orders');
    const existing = unique('existing');
    await kafka.inspector.createTopic(existing, { partitions: 1 });
    await kafka.inspector.append([{ topic: existing, timestamp: 1, key: Buffer.from('"old"'), value: Buffer.from('{"TOTAL":99}') }]);
    const script = (dataDir: string, more: string) =>
      run(
        service,
        dataDir,
        `${more}
         INSERT INTO orders (id, item, qty, ts) VALUES ('o${dataDir}', 'pen', 3, 1000);
         SELECT * FROM totals;`,
      );
    const first = await script(
      'a',
      `CREATE STREAM orders (id VARCHAR KEY, item VARCHAR, qty INT, ts BIGINT) WITH (KAFKA_TOPIC='${orders}', PARTITIONS=1, VALUE_FORMAT='JSON', TIMESTAMP='ts');
       CREATE TABLE totals WITH (KAFKA_TOPIC='${existing}', KEY_FORMAT='JSON') AS SELECT item, SUM(qty) AS total FROM orders GROUP BY item EMIT CHANGES;`,
    );
    expect(tableRows(first.stdout)).toEqual(['| pen | 3 |']);
    const id = /CTAS_TOTALS_\d+/.exec(first.stderr)?.[0];
    expect(await changelogRowTables(`_eddy-${service}-query-${id}-changelog`)).toEqual(['TOTALS']);
    const second = await script('b', '');
    expect(second.stderr).not.toMatch(/rebuilt from their sink topic/);
    expect(tableRows(second.stdout)).toEqual(['| pen | 6 |']);
  }, 300_000);
});
