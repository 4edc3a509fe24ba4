-- pgTAP: the claim metrics at scale.  200,000 generated outcomes: parallel
-- and partitionwise plans give what the serial plan gives, per-day rollups
-- and states shipped as text merge to the state of all rows, every metric
-- matches a plain-SQL computation, and amounts read straight from numeric's
-- digits match the slow route.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT plan(27);

-- ===== the data: raw columns, consistent, and the outcome built from them =====
SELECT setseed(0.42);
CREATE TEMP TABLE draws AS
SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
	   random() AS r7, random() AS r8
FROM generate_series(1, 200000) i;

CREATE TEMP TABLE raw AS
WITH a AS (
	SELECT i, 1 + i % 7 AS payer, date '2026-01-01' + (i % 90) AS day, r4, r5, r6, r7, r8,
		   round((r1 * 5000)::numeric, 2) AS charge,
		   CASE WHEN r2 < 0.05 THEN NULL ELSE r2 < 0.9 END AS clean,
		   CASE WHEN r3 < 0.05 THEN NULL ELSE floor(r3 * 10001) / 100 END AS quality,
		   CASE WHEN r4 < 0.05 THEN 0 WHEN r4 < 0.85 THEN 1 WHEN r4 < 0.95 THEN 2 ELSE 3 END AS subs
	FROM draws
), b AS (
	SELECT a.*,
		   CASE WHEN subs = 0 OR r5 < 0.03 THEN NULL WHEN r5 < 0.88 OR subs = 1 AND r5 < 0.9 THEN 'accepted' ELSE 'rejected' END AS first
	FROM a
), c AS (
	SELECT b.*,
		   CASE WHEN subs = 0 OR (first = 'rejected' AND subs = 1) THEN NULL
				WHEN r6 < 0.60 THEN 'paid' WHEN r6 < 0.70 THEN 'partially_denied' WHEN r6 < 0.80 THEN 'denied'
				WHEN r6 < 0.85 THEN 'patient_responsibility' WHEN r6 < 0.95 THEN 'pending' END AS adj
	FROM b
), d AS (
	SELECT c.*, (adj = 'paid' AND r7 < 0.03) IS TRUE AS reversed,
		   CASE WHEN first = 'rejected' THEN 1 ELSE 0 END AS rejections
	FROM c
)
SELECT i AS id, payer, day, charge, clean, quality, subs, first, adj, reversed, rejections,
	   CASE adj WHEN 'partially_denied' THEN round(charge * 0.3, 2) WHEN 'denied' THEN charge ELSE 0 END AS denied,
	   CASE WHEN reversed THEN 0 WHEN adj = 'paid' THEN round(charge * 0.8, 2) WHEN adj = 'partially_denied' THEN round(charge * 0.5, 2)
			ELSE 0 END AS paid,
	   CASE WHEN adj = 'denied' AND r8 < 0.5 THEN round(charge * 0.5, 2) ELSE 0 END AS written_off,
	   floor(r8 ^ 3 * 5)::int AS touches,
	   CASE WHEN subs > 0 THEN day END AS submitted_on,
	   CASE WHEN (adj IN ('paid', 'partially_denied', 'patient_responsibility') AND NOT reversed) THEN day + floor(r7 * 120)::int END AS paid_on
FROM d;

-- ordinary tables (rolled back at the end): temporary ones are never scanned in parallel
CREATE TABLE gen AS
SELECT id, payer, day,
	   claim_outcome(charge => charge, clean => clean, quality_score => quality, submissions => subs, first_response => first,
					 first_adjudication => adj, denied_amount => denied, paid_amount => paid, written_off => written_off,
					 touches => touches, submitted_on => submitted_on, paid_on => paid_on, reversed => reversed) AS outcome
FROM raw;
ANALYZE gen;

-- ===== serial, then forced parallel plans =====
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_by_payer AS SELECT payer, claim_stats(outcome)::text AS s FROM gen GROUP BY payer;
CREATE TEMP TABLE serial_all AS SELECT claim_stats(outcome)::text AS s FROM gen;
CREATE TEMP TABLE serial_rates AS
SELECT payer, first_pass_rate(first_response_accepted) AS f, rejection_rate(rejected) AS r, denial_rate(denied) AS d
FROM (SELECT payer, first_pass_acceptance_rate(claim_stats(outcome)) > 0.5 AS first_response_accepted,
			 id % 3 = 0 AS rejected, CASE WHEN id % 5 = 0 THEN NULL ELSE id % 4 = 0 END AS denied
	  FROM gen GROUP BY payer, id) t GROUP BY payer;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

-- The plan of a query, as one text.
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END $$;

SELECT ok(pg_temp.plan_of('SELECT claim_stats(outcome) FROM gen') ~ 'Partial Aggregate',
		  'claim_stats() over a table runs as a Partial Aggregate');
SELECT is((SELECT claim_stats(outcome)::text FROM gen), (SELECT s FROM serial_all), 'parallel claim_stats() equals the serial result');

SET enable_sort = off;
SELECT ok(pg_temp.plan_of('SELECT payer, claim_stats(outcome) FROM gen GROUP BY payer') ~ 'Partial HashAggregate',
		  'grouped claim_stats() runs as a Partial HashAggregate');
SELECT set_eq('SELECT payer, claim_stats(outcome)::text FROM gen GROUP BY payer', 'SELECT payer, s FROM serial_by_payer',
			  'parallel hash-grouped claim_stats() equals the serial result');
RESET enable_sort;

SET enable_hashagg = off;
SELECT ok(pg_temp.plan_of('SELECT payer, claim_stats(outcome) FROM gen GROUP BY payer') ~ 'Partial GroupAggregate',
		  'sorted grouping runs as a Partial GroupAggregate');
SELECT set_eq('SELECT payer, claim_stats(outcome)::text FROM gen GROUP BY payer', 'SELECT payer, s FROM serial_by_payer',
			  'parallel sorted claim_stats() equals the serial result');
RESET enable_hashagg;

CREATE TABLE gen_states AS SELECT id % 1000 AS part, claim_stats(outcome) AS s FROM gen GROUP BY id % 1000;
ANALYZE gen_states;
SELECT ok(pg_temp.plan_of('SELECT merge(s) FROM gen_states') ~ 'Partial Aggregate', 'merge() runs as a Partial Aggregate too');
SELECT is((SELECT merge(s)::text FROM gen_states), (SELECT s FROM serial_all),
		  'parallel merge() of 1,000 stored states equals the serial result');

SELECT ok(pg_temp.plan_of('SELECT first_pass_rate(id % 3 = 0) FROM gen') ~ 'Partial Aggregate',
		  'the boolean rate aggregates run as a Partial Aggregate');
SELECT set_eq($$SELECT payer, first_pass_rate(first_response_accepted), rejection_rate(rejected), denial_rate(denied)
				FROM (SELECT payer, first_pass_acceptance_rate(claim_stats(outcome)) > 0.5 AS first_response_accepted,
							 id % 3 = 0 AS rejected, CASE WHEN id % 5 = 0 THEN NULL ELSE id % 4 = 0 END AS denied
					  FROM gen GROUP BY payer, id) t GROUP BY payer$$,
			  'SELECT payer, f, r, d FROM serial_rates', 'the parallel boolean rates equal the serial ones');

-- ===== partitionwise: uneven partitions, and the leader out so combine meets partial states =====
CREATE TABLE gen_parts (id int, payer int, day date, outcome claim_outcome) PARTITION BY LIST (payer);
CREATE TABLE gen_p1 PARTITION OF gen_parts FOR VALUES IN (1);
CREATE TABLE gen_p2 PARTITION OF gen_parts FOR VALUES IN (2, 3);
CREATE TABLE gen_p3 PARTITION OF gen_parts FOR VALUES IN (4, 5, 6, 7);
INSERT INTO gen_parts SELECT id, payer, day, outcome FROM gen WHERE id % 50 <> 0 OR payer <> 1;
INSERT INTO gen_parts SELECT id, payer, day, outcome FROM gen WHERE id % 50 = 0 AND payer = 1;
ANALYZE gen_parts;
SET enable_partitionwise_aggregate = on;
SET parallel_leader_participation = off;
SELECT ok(pg_temp.plan_of('SELECT day, claim_stats(outcome) FROM gen_parts GROUP BY day') ~ 'Partial (Hash|Group)?Aggregate',
		  'grouping by day over the payer partitions aggregates each partition partially');
SELECT set_eq('SELECT day, claim_stats(outcome)::text FROM gen_parts GROUP BY day',
			  'SELECT day, claim_stats(outcome)::text FROM gen GROUP BY day',
			  'partitionwise claim_stats() by day equals the plain result');
SELECT set_eq('SELECT payer, claim_stats(outcome)::text FROM gen_parts GROUP BY payer', 'SELECT payer, s FROM serial_by_payer',
			  'partitionwise claim_stats() by payer equals the serial result');
RESET enable_partitionwise_aggregate;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- ===== a hash aggregation spilled to disk =====
SET work_mem = '64kB';
SET enable_sort = off;
SELECT set_eq('SELECT day, payer, claim_stats(outcome)::text FROM gen GROUP BY day, payer',
			  $$SELECT day, payer, claim_stats(outcome)::text FROM (SELECT * FROM gen ORDER BY day, payer) t GROUP BY day, payer$$,
			  'a spilled hash aggregation gives the same states as sorted grouping');
RESET enable_sort;
RESET work_mem;

-- ===== rollups =====
CREATE TEMP TABLE daily AS SELECT day, payer, claim_stats(outcome) AS stats FROM gen GROUP BY day, payer;
SELECT set_eq('SELECT payer, merge(stats)::text FROM daily GROUP BY payer', 'SELECT payer, s FROM serial_by_payer',
			  'per-day rollups merged per payer equal the raw rows');
SELECT is((SELECT merge(stats)::text FROM daily WHERE day BETWEEN '2026-02-01' AND '2026-02-28'),
		  (SELECT claim_stats(outcome)::text FROM gen WHERE day BETWEEN '2026-02-01' AND '2026-02-28'),
		  'a month of rollups merged equals that month''s rows');
SELECT is((SELECT merge(stats::text::claim_stats)::text FROM daily), (SELECT s FROM serial_all),
		  'states shipped as text, read back and merged, equal the raw rows');
SELECT is((SELECT count(*) FROM daily WHERE stats::text::claim_stats::text <> stats::text), 0::bigint,
		  'every rollup state reads back to the same text');

-- ===== sparse days to payment, counted in random order (the binary search) =====
CREATE TEMP TABLE sparse AS
SELECT (i * 7919) % 5000 AS n, ((i * 7919) % 5000) % 97 * 13 + (i % 3) * 2000 AS days FROM generate_series(1, 5000) i;
SELECT is((SELECT substring(claim_stats(claim_outcome(submissions => 1, submitted_on => '2020-01-01',
														paid_on => date '2020-01-01' + days))::text FROM 'days=\{(.*)\}$')
		   FROM (SELECT days FROM sparse ORDER BY n) t),
		  (SELECT string_agg(days || ':' || c, ',' ORDER BY days) FROM (SELECT days, count(*) AS c FROM sparse GROUP BY days) g),
		  'sparse days arriving in any order are counted exactly');
SELECT is((SELECT ARRAY[days_to_payment_median(s), days_to_payment_p90(s)]
		   FROM (SELECT claim_stats(claim_outcome(submissions => 1, submitted_on => '2020-01-01', paid_on => date '2020-01-01' + days)) AS s
				 FROM sparse) t),
		  (SELECT percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY days) FROM sparse),
		  'their median and p90 are percentile_disc''s');

-- ===== every metric against plain SQL =====
CREATE TEMP TABLE by_sql AS
SELECT payer, jsonb_build_object(
	'claims', count(*),
	'claims_submitted', count(*) FILTER (WHERE subs > 0),
	'claims_adjudicated', count(*) FILTER (WHERE adj IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')),
	'claims_denied', count(*) FILTER (WHERE adj IN ('partially_denied', 'denied')),
	'claims_pending', count(*) FILTER (WHERE adj = 'pending'),
	'reversals', count(*) FILTER (WHERE reversed),
	'clean_claim_rate', count(*) FILTER (WHERE clean)::float8 / nullif(count(clean), 0),
	'first_pass_acceptance_rate', count(*) FILTER (WHERE first = 'accepted')::float8 / nullif(count(first), 0),
	'rejection_rate', sum(rejections)::float8 / nullif(sum(subs), 0),
	'denial_rate', count(*) FILTER (WHERE adj IN ('partially_denied', 'denied'))::float8
				   / nullif(count(*) FILTER (WHERE adj IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')), 0),
	'denial_rate_dollars', (sum(charge) FILTER (WHERE adj IN ('partially_denied', 'denied'))
						   / nullif(sum(charge) FILTER (WHERE adj IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')), 0))::float8,
	'first_pass_resolution_rate', count(*) FILTER (WHERE adj IN ('paid', 'patient_responsibility') AND NOT reversed AND subs = 1)::float8
				   / nullif(count(*) FILTER (WHERE adj IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')), 0),
	'resubmissions_per_claim', (sum(subs) - count(*) FILTER (WHERE subs > 0))::float8 / nullif(count(*) FILTER (WHERE subs > 0), 0),
	'touches_per_claim', sum(touches)::float8 / count(*),
	'touchless_rate', count(*) FILTER (WHERE touches = 0)::float8 / count(*),
	'days_to_payment_mean', avg(paid_on - submitted_on)::float8,
	'days_to_payment_median', percentile_disc(0.5) WITHIN GROUP (ORDER BY paid_on - submitted_on),
	'days_to_payment_p90', percentile_disc(0.9) WITHIN GROUP (ORDER BY paid_on - submitted_on),
	'charged_dollars', sum(charge), 'paid_dollars', sum(paid), 'denied_dollars', sum(denied), 'written_off_dollars', sum(written_off),
	'quality_score', avg(quality)::float8,
	'grade', CASE WHEN count(clean) = 0 THEN NULL
				  WHEN count(*) FILTER (WHERE clean) * 100 >= 97 * count(clean) THEN 'green'
				  WHEN count(*) FILTER (WHERE clean) * 100 >= 93 * count(clean) THEN 'yellow' ELSE 'red' END) AS j
FROM raw GROUP BY payer;
CREATE TEMP TABLE by_stats AS SELECT payer, to_jsonb(scorecard(claim_stats(outcome))) AS j FROM gen GROUP BY payer;

SELECT is((SELECT count(*) FROM by_stats s, jsonb_object_keys(s.j) WHERE s.payer = 1), 24::bigint, 'scorecard() has 24 metrics');
SELECT is((SELECT string_agg(s.payer || ' ' || es.key || ': ' || es.value || ' vs ' || coalesce(eq.value::text, 'missing'), '; ')
		   FROM by_stats s JOIN by_sql q USING (payer) CROSS JOIN jsonb_each(s.j) es LEFT JOIN jsonb_each(q.j) eq ON eq.key = es.key
		   WHERE NOT (es.value = eq.value
					  OR (jsonb_typeof(es.value) = 'number' AND jsonb_typeof(eq.value) = 'number'
						  AND abs((es.value #>> '{}')::numeric - (eq.value #>> '{}')::numeric) < 1e-9))
			  OR eq.value IS NULL),
		  NULL, 'every metric of every payer equals the plain-SQL computation (counts, FILTER rates, percentile_disc, sums)');
SELECT is((SELECT count(*) FROM by_stats s JOIN by_sql q USING (payer) CROSS JOIN jsonb_each(s.j) es JOIN jsonb_each(q.j) eq USING (key)),
		  7 * 24::bigint, 'the comparison covered 24 metrics of 7 payers');

-- ===== amounts read straight from numeric's digits match the slow route =====
-- short-form numerics of every size the fast route takes (and the long form:
-- a display scale over 63 forces it), against numeric's own text
CREATE TEMP TABLE amounts AS
SELECT round((random() * 10 ^ (i % 17))::numeric, i % 3) AS x FROM generate_series(1, 20000) i
UNION ALL SELECT round((random() * 1000)::numeric, 2)::numeric(80, 70) FROM generate_series(1, 200)
UNION ALL VALUES (0), (0.01), (0.1), (1), (9999.99), (10000), (10000.01), (99999999.99), (100000000),
				 (999999999999.99), (1000000000000), (9999999999999999.99), (10000000000000000), (92233720368547758.07);
SELECT is((SELECT count(*) FROM amounts
		   WHERE substring(claim_outcome(charge => x)::text FROM '^charge=(\S+)') <> round(x, 2)::numeric(30, 2)::text),
		  0::bigint, 'charges read from numeric digits equal their text, for 20,000 random amounts of every size');
-- fractions of a cent are refused whichever route reads them
CREATE FUNCTION pg_temp.refused(x numeric) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM claim_outcome(charge => x);
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
SELECT is((SELECT count(*) FROM (SELECT round((random() * 10 ^ (i % 12))::numeric, 2) + 0.001 * (1 + i % 9) AS x
								 FROM generate_series(1, 2000) i) t WHERE pg_temp.refused(x) IS DISTINCT FROM '22023'),
		  0::bigint, 'amounts with a fraction of a cent are refused with 22023');
SELECT is(pg_temp.refused(round(1.005, 3)::numeric(80, 70)), '22023', 'a long-form numeric with a fraction of a cent is refused');
SELECT is(pg_temp.refused(100000000000000000), '22003', 'an amount above the largest count of cents is out of range');

SELECT * FROM finish();
ROLLBACK;
