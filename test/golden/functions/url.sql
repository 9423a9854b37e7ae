-- URL functions: every part of a URI, decoding, missing parts and invalid URIs.
CREATE STREAM u (k INT KEY, url VARCHAR)
  WITH (KAFKA_TOPIC = 'u', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO u VALUES (1, 'https://user@test.com:8080/path%20x/to?a=foo%20bar&b=baz&flag#frag%20x');
INSERT INTO u VALUES (2, 'http://test.com');
INSERT INTO u VALUES (3, 'http://bad host/');
INSERT INTO u VALUES (4, NULL);

SELECT k, URL_EXTRACT_PROTOCOL(url), URL_EXTRACT_HOST(url), URL_EXTRACT_PORT(url), URL_EXTRACT_PATH(url), URL_EXTRACT_QUERY(url), URL_EXTRACT_FRAGMENT(url) FROM u EMIT CHANGES;
SELECT k, URL_EXTRACT_PARAMETER(url, 'a'), URL_EXTRACT_PARAMETER(url, 'flag'), URL_EXTRACT_PARAMETER(url, 'zz') FROM u EMIT CHANGES;
SELECT k, URL_ENCODE_PARAM('a b&c=d/é'), URL_DECODE_PARAM('a+b%26c%3Dd'), URL_DECODE_PARAM('%zz'), URL_ENCODE_PARAM(url) FROM u EMIT CHANGES;
