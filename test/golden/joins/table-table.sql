-- Table-table joins on the primary key: a change on either side updates (or retracts) the joined row of its key.
CREATE TABLE user_feed (id INT PRIMARY KEY, name VARCHAR)
  WITH (KAFKA_TOPIC = 'user_feed', PARTITIONS = 1, FORMAT = 'JSON');
CREATE TABLE score_feed (id INT PRIMARY KEY, score INT)
  WITH (KAFKA_TOPIC = 'score_feed', PARTITIONS = 1, FORMAT = 'JSON');
-- Rows with a NULL name / score become tombstones (deletes) of users / scores.
CREATE TABLE users AS SELECT id, name FROM user_feed WHERE name IS NOT NULL;
CREATE TABLE scores AS SELECT id, score FROM score_feed WHERE score IS NOT NULL;

CREATE TABLE inner_t AS SELECT u.id, u.name, s.score FROM users u JOIN scores s ON u.id = s.id;
CREATE TABLE left_t AS SELECT u.id, u.name, s.score FROM users u LEFT JOIN scores s ON u.id = s.id;
CREATE TABLE right_t AS SELECT s.id, u.name, s.score FROM users u RIGHT JOIN scores s ON u.id = s.id;
CREATE TABLE full_t AS SELECT u.id AS uid, s.id AS sid, u.name, s.score FROM users u FULL JOIN scores s ON u.id = s.id;

INSERT INTO user_feed (id, name) VALUES (1, 'Ann');
INSERT INTO score_feed (id, score) VALUES (1, 10);
INSERT INTO user_feed (id, name) VALUES (2, 'Bob');
INSERT INTO score_feed (id, score) VALUES (3, 30);
-- Updates on either side.
INSERT INTO score_feed (id, score) VALUES (1, 11);
INSERT INTO user_feed (id, name) VALUES (1, 'Anna');
-- Deletes: user 1 goes (INNER retracts, RIGHT keeps the score with a NULL name), score 3 goes.
INSERT INTO user_feed (id, name) VALUES (1, NULL);
INSERT INTO score_feed (id, score) VALUES (3, NULL);

SELECT * FROM inner_t;
SELECT * FROM left_t;
SELECT * FROM right_t;
SELECT * FROM full_t;
EXPLAIN CTAS_INNER_T_5;
