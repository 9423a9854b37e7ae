// Queries with state over Kafka (real broker): a windowed aggregation, a stream-table join and pull queries, with state restored from changelog topics.

import { describe, expect, it } from 'vitest';
import { kafkaTestContext, runOnKafka, tableRows } from './kafka-group.js';
import { KafkaTopics } from '../../src/io/index.js';
import { brokerList, NO_KAFKA, unique } from './kafka-test-broker.js';

const text = (b: Uint8Array | null): string => (b === null ? '<null>' : Buffer.from(b).toString('utf8'));

describe.skipIf(NO_KAFKA)('queries with state on Kafka (real broker)', () => {
  const kafka = kafkaTestContext('eddy-kafka-state-');

  /** `eddy run` of a script on `serviceId`, with the given local data directory. */
  const run = (serviceId: string, dataDir: string, script: string) => runOnKafka(kafka.dir, serviceId, script, { dataDir });

  it('runs a windowed aggregation, a stream-table join and pull queries over Kafka topics, exactly-once', async () => {
    const service = unique('state');
    const clicks = unique('clicks');
    const pages = unique('pages');
    const perUser = unique('per_user');
    const enriched = unique('enriched');
    const first = await run(
      service,
      'a',
      `CREATE STREAM clicks (user VARCHAR KEY, page VARCHAR, ts BIGINT) WITH (KAFKA_TOPIC='${clicks}', PARTITIONS=3, VALUE_FORMAT='JSON', TIMESTAMP='ts');
       CREATE TABLE pages (page VARCHAR PRIMARY KEY, title VARCHAR) WITH (KAFKA_TOPIC='${pages}', PARTITIONS=2, VALUE_FORMAT='JSON');
       CREATE TABLE per_user WITH (KAFKA_TOPIC='${perUser}', CLEANUP_POLICY='delete') AS
         SELECT user, COUNT(*) AS n, MAX(ts) AS last_ts FROM clicks WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY user EMIT CHANGES;
       INSERT INTO pages (page, title) VALUES ('home', 'Home');
       INSERT INTO pages (page, title) VALUES ('cart', 'Cart');
       CREATE STREAM enriched WITH (KAFKA_TOPIC='${enriched}') AS
         SELECT c.page, c.user, p.title FROM clicks c JOIN pages p ON c.page = p.page EMIT CHANGES;
       INSERT INTO clicks (user, page, ts) VALUES ('alice', 'home', 1000);
       INSERT INTO clicks (user, page, ts) VALUES ('bob', 'cart', 2000);
       INSERT INTO clicks (user, page, ts) VALUES ('alice', 'cart', 3000);
       INSERT INTO clicks (user, page, ts) VALUES ('alice', 'nowhere', 12000);
       SELECT user, WINDOWSTART, n, last_ts FROM per_user WHERE user = 'alice';
       SELECT * FROM pages WHERE page = 'cart';`,
    );
    expect(tableRows(first.stdout)).toEqual(['| alice | 0 | 2 | 3000 |', '| alice | 10000 | 1 | 12000 |', '| cart | Cart |']);

    // The join's output: one row per click whose page is in the table, read read_committed.
    const joined = (await kafka.inspector.readAll(enriched)).map((r) => `${text(r.key)}|${text(r.value)}`).sort();
    expect(joined).toEqual(['cart|{"USER":"alice","TITLE":"Cart"}', 'cart|{"USER":"bob","TITLE":"Cart"}', 'home|{"USER":"alice","TITLE":"Home"}']);
    // The aggregation's changelog of updates: every count once, in order per windowed key. (Its topic
    // asks for delete retention: a table's topic is compacted by default, and the test's 1970 record
    // times make the broker roll a segment per append, which the cleaner may then compact.)
    const updates = (await kafka.inspector.readAll(perUser)).map((r) => text(r.value));
    expect(updates.filter((v) => v.includes('"LAST_TS":1000') || v.includes('"LAST_TS":3000'))).toEqual(['{"N":1,"LAST_TS":1000}', '{"N":2,"LAST_TS":3000}']);
    // Its state lives in a compacted changelog topic.
    const changelog = `_eddy-${service}-query-CTAS_PER_USER_2-changelog`;
    expect((await kafka.inspector.describeTopic(changelog))?.partitions).toBe(1);

    // Another process with an empty data directory: it rebuilds the state from the changelog and counts on.
    const second = await run(
      service,
      'b',
      `INSERT INTO clicks (user, page, ts) VALUES ('alice', 'home', 4000);
       INSERT INTO clicks (user, page, ts) VALUES ('carol', 'cart', 4500);
       SELECT user, WINDOWSTART, n, last_ts FROM per_user WHERE user = 'alice';
       SELECT * FROM pages WHERE page = 'home';`,
    );
    expect(tableRows(second.stdout)).toEqual(['| alice | 0 | 3 | 4000 |', '| alice | 10000 | 1 | 12000 |', '| home | Home |']);
    expect(second.stderr).toMatch(/Query CTAS_PER_USER_2 runs here now, on state rebuilt from changelog topic \S+ \(\d+ records\)/);
    // The join's table rows (its only state: the table side keeps no replaced rows) came back from its changelog too.
    expect(second.stderr).toMatch(/Query CSAS_ENRICHED_3 runs here now, on state rebuilt from changelog topic \S+ \(\d+ records\)/);
    const rejoined = (await kafka.inspector.readAll(enriched)).map((r) => `${text(r.key)}|${text(r.value)}`).sort();
    expect(rejoined).toEqual([...joined, 'cart|{"USER":"carol","TITLE":"Cart"}', 'home|{"USER":"alice","TITLE":"Home"}'].sort());

    // Back on the first data directory: its checkpoint is behind the changelog now, so it rebuilds too.
    const third = await run(service, 'a', `INSERT INTO clicks (user, page, ts) VALUES ('bob', 'home', 5000);\nSELECT user, n FROM per_user WHERE user = 'bob';`);
    expect(tableRows(third.stdout)).toEqual(['| bob | 2 |']);
    expect(third.stderr).toMatch(/Query CTAS_PER_USER_2 runs here now, on state rebuilt from changelog/);

    // And again on the same directory: nothing changed the changelog since its clean stop, so it keeps its local state.
    const fourth = await run(service, 'a', `INSERT INTO clicks (user, page, ts) VALUES ('bob', 'cart', 6000);\nSELECT user, n FROM per_user WHERE user = 'bob';`);
    expect(tableRows(fourth.stdout)).toEqual(['| bob | 3 |']);
    expect(fourth.stderr).toMatch(/Query CTAS_PER_USER_2 runs here now, on its local state \(its checkpoint matches/);

    // TERMINATE removes the query's changelog topic with its consumer group.
    await run(service, 'a', 'TERMINATE CTAS_PER_USER_2;');
    const deadline = Date.now() + 30_000;
    while ((await kafka.inspector.describeTopic(changelog)) !== undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await kafka.inspector.describeTopic(changelog)).toBeUndefined();
  }, 300_000);

  it('restores a GROUP BY whose state is its table rows (one write per changed key) from Kafka, in another process and back', async () => {
    const service = unique('state-in-table');
    const bids = unique('bids');
    const perBidder = unique('per_bidder');
    const delimited = unique('per_bidder_delimited');
    const perName = unique('per_name');
    // Data directories of its own (not the first test's). Three tables: one kept by its sink topic (JSON), one by the changelog's 'm' records (a DELIMITED value does not keep rows), one under a text key.
    const first = await run(
      service,
      'c',
      `CREATE STREAM bids (bidder BIGINT, price BIGINT, ts BIGINT) WITH (KAFKA_TOPIC='${bids}', PARTITIONS=2, VALUE_FORMAT='JSON', TIMESTAMP='ts');
       CREATE TABLE per_bidder WITH (KAFKA_TOPIC='${perBidder}', CLEANUP_POLICY='delete') AS SELECT bidder, COUNT(*) AS n, MAX(price) AS top FROM bids GROUP BY bidder;
       CREATE TABLE per_bidder_d WITH (KAFKA_TOPIC='${delimited}', VALUE_FORMAT='DELIMITED', CLEANUP_POLICY='delete') AS SELECT bidder, COUNT(*) AS n, SUM(price) AS spent FROM bids GROUP BY bidder;
       CREATE TABLE per_name WITH (KAFKA_TOPIC='${perName}') AS SELECT CONCAT('bidder-', CAST(bidder AS STRING)) AS name, COUNT(*) AS n FROM bids GROUP BY CONCAT('bidder-', CAST(bidder AS STRING));
       INSERT INTO bids (bidder, price, ts) VALUES (1, 10, 1000);
       INSERT INTO bids (bidder, price, ts) VALUES (2, 20, 2000);
       INSERT INTO bids (bidder, price, ts) VALUES (1, 30, 3000);
       SELECT bidder, n, top FROM per_bidder WHERE bidder = 1;
       SELECT bidder, n, spent FROM per_bidder_d WHERE bidder = 1;
       SELECT name, n FROM per_name WHERE name = 'bidder-1';`,
    );
    expect(tableRows(first.stdout)).toEqual(['| 1 | 2 | 30 |', '| 1 | 2 | 40 |', '| bidder-1 | 2 |']);

    // Another process with an empty data directory: the tables (so the states) come back from Kafka.
    const second = await run(
      service,
      'd',
      `INSERT INTO bids (bidder, price, ts) VALUES (1, 5, 4000);
       INSERT INTO bids (bidder, price, ts) VALUES (2, 50, 4500);
       SELECT bidder, n, top FROM per_bidder;
       SELECT bidder, n, spent FROM per_bidder_d;
       SELECT name, n FROM per_name;`,
    );
    expect(tableRows(second.stdout)).toEqual(['| 1 | 3 | 30 |', '| 2 | 2 | 50 |', '| 1 | 3 | 45 |', '| 2 | 2 | 70 |', '| bidder-1 | 3 |', '| bidder-2 | 2 |']);
    expect(second.stderr).toMatch(/Query CTAS_PER_BIDDER_\d+ runs here now, on state rebuilt from changelog topic .*table\(s\) PER_BIDDER rebuilt from their sink topic/);

    // Back on the first directory, whose local tables are behind: both rebuilt, and counting on.
    const third = await run(service, 'c', `INSERT INTO bids (bidder, price, ts) VALUES (1, 1, 5000);\nSELECT bidder, n, top FROM per_bidder;\nSELECT bidder, n, spent FROM per_bidder_d;\nSELECT name, n FROM per_name;`);
    expect(tableRows(third.stdout)).toEqual(['| 1 | 4 | 30 |', '| 2 | 2 | 50 |', '| 1 | 4 | 46 |', '| 2 | 2 | 70 |', '| bidder-1 | 4 |', '| bidder-2 | 2 |']);
    // Every update once, in order per key, in the sink topic.
    // (Read with a KafkaTopics of its own: the shared inspector, after the first test polled a deleted topic, never catches up.)
    const reader = new KafkaTopics({ brokers: brokerList(), serviceId: unique('inspect') });
    const updates = (await reader.readAll(perBidder).finally(() => reader.close())).map((r) => text(r.value)).filter((v) => v.includes('"TOP":30'));
    expect(updates).toEqual(['{"N":2,"TOP":30}', '{"N":3,"TOP":30}', '{"N":4,"TOP":30}']);
  }, 300_000);
});
