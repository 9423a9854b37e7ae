-- Stream-stream joins: records meet when keys are equal and event times are within the window; outer rows
-- (NULL-padded) are emitted only once the window plus grace has closed, so never before a real match.
CREATE STREAM impressions (ad INT KEY, site VARCHAR)
  WITH (KAFKA_TOPIC = 'impressions', PARTITIONS = 1, FORMAT = 'JSON');
CREATE STREAM clicks (ad INT KEY, button VARCHAR)
  WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, FORMAT = 'JSON');

CREATE STREAM inner_j AS SELECT i.ad, i.site, c.button FROM impressions i JOIN clicks c
  WITHIN 10 SECONDS GRACE PERIOD 2 SECONDS ON i.ad = c.ad;
CREATE STREAM left_j AS SELECT i.ad, i.site, c.button FROM impressions i LEFT JOIN clicks c
  WITHIN 10 SECONDS GRACE PERIOD 2 SECONDS ON i.ad = c.ad;
CREATE STREAM right_j AS SELECT c.ad, i.site, c.button FROM impressions i RIGHT JOIN clicks c
  WITHIN 10 SECONDS GRACE PERIOD 2 SECONDS ON i.ad = c.ad;
CREATE STREAM full_j AS SELECT i.ad AS i_ad, c.ad AS c_ad, i.site, c.button FROM impressions i FULL OUTER JOIN clicks c
  WITHIN 10 SECONDS GRACE PERIOD 2 SECONDS ON i.ad = c.ad;
-- Asymmetric window: a click may come up to 5 seconds after the impression, never before it.
CREATE STREAM after_j AS SELECT i.ad, i.site, c.button FROM impressions i JOIN clicks c
  WITHIN (0 SECONDS, 5 SECONDS) GRACE PERIOD 0 SECONDS ON i.ad = c.ad;

-- Ad 1: impression then click 3 s later (a match on every join; output time is the later one, 4000).
INSERT INTO impressions (ad, site, ROWTIME) VALUES (1, 'news', 1000);
INSERT INTO clicks (ad, button, ROWTIME) VALUES (1, 'buy', 4000);
-- Ad 2: impression only; ad 3: click only. No NULL rows yet: their windows are open.
INSERT INTO impressions (ad, site, ROWTIME) VALUES (2, 'blog', 5000);
INSERT INTO clicks (ad, button, ROWTIME) VALUES (3, 'info', 6000);
-- Ad 4: the click comes before the impression (in the symmetric window, not in the asymmetric one).
INSERT INTO clicks (ad, button, ROWTIME) VALUES (4, 'early', 7000);
INSERT INTO impressions (ad, site, ROWTIME) VALUES (4, 'shop', 8000);
-- Ad 2 gets its click 9 s later: still in the window, so LEFT emits the match, not a NULL row.
INSERT INTO clicks (ad, button, ROWTIME) VALUES (2, 'late-but-ok', 14000);
SELECT * FROM left_j EMIT CHANGES LIMIT 3;
-- Stream time 30000: every window above has closed (event time + 10 s + 2 s grace): outer rows appear.
INSERT INTO impressions (ad, site, ROWTIME) VALUES (9, 'other', 30000);
-- A NULL key never matches; an outer join emits it padded at once.
INSERT INTO impressions (ad, site, ROWTIME) VALUES (NULL, 'nokey', 30000);
-- Closes ad 9's window.
INSERT INTO clicks (ad, button, ROWTIME) VALUES (10, 'x', 60000);

EXPLAIN CSAS_FULL_J_4;
