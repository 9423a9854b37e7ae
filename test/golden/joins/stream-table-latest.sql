-- A join's table is all of its topic: with auto.offset.reset = 'latest' the stream starts at its end
-- when the query is created, but the table side is read from its start.
SET 'auto.offset.reset' = 'latest';
CREATE TABLE auctions (id BIGINT PRIMARY KEY, category INT) WITH (KAFKA_TOPIC = 'auctions', PARTITIONS = 2, FORMAT = 'JSON');
CREATE STREAM bids (auction BIGINT, price BIGINT) WITH (KAFKA_TOPIC = 'bids', PARTITIONS = 2, VALUE_FORMAT = 'JSON');
INSERT INTO auctions (id, category) VALUES (1, 10);
INSERT INTO auctions (id, category) VALUES (2, 20);
-- Read from latest: never joined.
INSERT INTO bids (auction, price) VALUES (1, 99);
CREATE STREAM enriched AS SELECT b.auction, b.price, a.category FROM bids b JOIN auctions a ON b.auction = a.id;
INSERT INTO auctions (id, category) VALUES (3, 30);
INSERT INTO bids (auction, price) VALUES (1, 100);
INSERT INTO bids (auction, price) VALUES (2, 200);
INSERT INTO bids (auction, price) VALUES (3, 300);
INSERT INTO bids (auction, price) VALUES (4, 400);
