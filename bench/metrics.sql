-- Benchmark: the claim metrics.
--   the 24 metrics of scorecard(claim_stats(outcome)) per payer against the
--   same metrics written by hand in SQL (count(*) FILTER, sums, avg and an
--   ordered-set percentile): target faster; from a stored claim_outcome
--   column and from the ledger's columns
--   the same against a plain count(*) grouped the same way (target: at most
--   1.5x its time, stored column)
--   2 parallel workers against none (target: 1.6x faster)
-- :scale x 5,000,000 generated outcomes over 20 payers.
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
SELECT (5000000 * :scale)::int AS outcomes \gset
SELECT setseed(0.3) AS seeded \gset

\echo == :outcomes outcomes
-- the ledger's columns (as billing.claim_outcomes has them), consistent with each other
CREATE TABLE bench.outcome_columns AS
WITH d AS (
	SELECT i, 'P' || (1 + i % 20) AS payer_id, date '2026-01-01' + (i % 365) AS day,
		   round((random() * 5000)::numeric, 2)::numeric(14,2) AS charge,
		   random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
	FROM generate_series(1, :outcomes) i
), s AS (
	SELECT d.*,
		   CASE WHEN r1 < 0.03 THEN NULL ELSE r1 < 0.92 END AS clean,
		   CASE WHEN r1 < 0.03 THEN NULL ELSE 100 - floor(r2 * 4) * 25 END AS quality_score,
		   CASE WHEN r3 < 0.04 THEN 0 WHEN r3 < 0.86 THEN 1 WHEN r3 < 0.96 THEN 2 ELSE 3 END AS submissions
	FROM d
), f AS (
	SELECT s.*,
		   CASE WHEN submissions = 0 THEN NULL WHEN r4 < 0.9 OR submissions = 1 THEN 'accepted' ELSE 'rejected' END AS first_response
	FROM s
), a AS (
	SELECT f.*,
		   CASE WHEN submissions = 0 THEN NULL
				WHEN r5 < 0.70 THEN 'paid' WHEN r5 < 0.78 THEN 'partially_denied' WHEN r5 < 0.86 THEN 'denied'
				WHEN r5 < 0.91 THEN 'patient_responsibility' ELSE 'pending' END AS first_adjudication
	FROM f
)
SELECT i AS claim_id, payer_id, charge AS total_charge, clean, quality_score::float8 AS quality_score, submissions::int,
	   first_response, first_adjudication,
	   CASE first_adjudication WHEN 'partially_denied' THEN round(charge * 0.25, 2) WHEN 'denied' THEN charge ELSE 0 END::numeric(14,2) AS denied_amount,
	   CASE WHEN first_adjudication = 'paid' AND r2 < 0.99 THEN round(charge * 0.8, 2)
			WHEN first_adjudication = 'partially_denied' THEN round(charge * 0.6, 2) ELSE 0 END::numeric(14,2) AS paid_amount,
	   CASE WHEN first_adjudication = 'denied' AND r4 < 0.4 THEN charge ELSE 0 END::numeric(14,2) AS written_off,
	   (floor(r4 * r4 * 4))::int AS touches,
	   CASE WHEN submissions > 0 THEN day END AS first_submitted_on,
	   CASE WHEN first_adjudication IN ('partially_denied', 'patient_responsibility') OR (first_adjudication = 'paid' AND r2 < 0.99)
			THEN day + 7 + floor(r5 * 60)::int END AS paid_on,
	   first_adjudication = 'paid' AND r2 >= 0.99 AS reversed
FROM a;

-- the same, with the outcome stored as a column
CREATE TABLE bench.outcomes AS
SELECT claim_id, payer_id,
	   cleanclaim.claim_outcome(charge => total_charge, clean => clean, quality_score => quality_score,
		submissions => submissions, first_response => first_response, first_adjudication => first_adjudication,
		denied_amount => denied_amount, paid_amount => paid_amount, written_off => written_off, touches => touches,
		submitted_on => first_submitted_on, paid_on => paid_on, reversed => reversed) AS outcome
FROM bench.outcome_columns;
VACUUM ANALYZE bench.outcome_columns, bench.outcomes;
SELECT pg_size_pretty(pg_relation_size('bench.outcome_columns')) AS ledger_columns_table,
	   pg_size_pretty(pg_relation_size('bench.outcomes')) AS outcome_column_table;

-- the metrics by hand: what an analyst writes over the ledger's columns
\set sql_metrics 'SELECT payer_id, count(*) AS claims, count(*) FILTER (WHERE submissions > 0) AS claims_submitted, count(*) FILTER (WHERE first_adjudication IN (''paid'', ''partially_denied'', ''denied'', ''patient_responsibility'')) AS claims_adjudicated, count(*) FILTER (WHERE first_adjudication IN (''partially_denied'', ''denied'')) AS claims_denied, count(*) FILTER (WHERE first_adjudication = ''pending'') AS claims_pending, count(*) FILTER (WHERE reversed) AS reversals, count(*) FILTER (WHERE clean)::float8 / nullif(count(clean), 0) AS clean_claim_rate, count(*) FILTER (WHERE first_response = ''accepted'')::float8 / nullif(count(first_response), 0) AS first_pass_acceptance_rate, count(*) FILTER (WHERE first_response = ''rejected'')::float8 / nullif(sum(submissions), 0) AS rejection_rate, count(*) FILTER (WHERE first_adjudication IN (''partially_denied'', ''denied''))::float8 / nullif(count(*) FILTER (WHERE first_adjudication IN (''paid'', ''partially_denied'', ''denied'', ''patient_responsibility'')), 0) AS denial_rate, (sum(total_charge) FILTER (WHERE first_adjudication IN (''partially_denied'', ''denied'')) / nullif(sum(total_charge) FILTER (WHERE first_adjudication IN (''paid'', ''partially_denied'', ''denied'', ''patient_responsibility'')), 0))::float8 AS denial_rate_dollars, count(*) FILTER (WHERE first_adjudication IN (''paid'', ''patient_responsibility'') AND NOT reversed AND submissions = 1)::float8 / nullif(count(*) FILTER (WHERE first_adjudication IN (''paid'', ''partially_denied'', ''denied'', ''patient_responsibility'')), 0) AS first_pass_resolution_rate, (sum(submissions) - count(*) FILTER (WHERE submissions > 0))::float8 / nullif(count(*) FILTER (WHERE submissions > 0), 0) AS resubmissions_per_claim, sum(touches)::float8 / count(*) AS touches_per_claim, count(*) FILTER (WHERE touches = 0)::float8 / count(*) AS touchless_rate, avg(paid_on - first_submitted_on)::float8 AS days_to_payment_mean, percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY paid_on - first_submitted_on) AS days_to_payment_median_p90, sum(total_charge) AS charged_dollars, sum(paid_amount) AS paid_dollars, sum(denied_amount) AS denied_dollars, sum(written_off) AS written_off_dollars, avg(quality_score) AS quality_score, CASE WHEN count(clean) = 0 THEN NULL WHEN count(*) FILTER (WHERE clean) * 100 >= 97 * count(clean) THEN ''green'' WHEN count(*) FILTER (WHERE clean) * 100 >= 93 * count(clean) THEN ''yellow'' ELSE ''red'' END AS grade FROM bench.outcome_columns GROUP BY payer_id'
\set stored_scorecard 'SELECT g.payer_id, s.* FROM (SELECT payer_id, cleanclaim.claim_stats(outcome) AS stats FROM bench.outcomes GROUP BY payer_id) g, LATERAL cleanclaim.scorecard(g.stats) s'
\set ledger_scorecard 'SELECT g.payer_id, s.* FROM (SELECT payer_id, cleanclaim.claim_stats(cleanclaim.claim_outcome(charge => total_charge, clean => clean, quality_score => quality_score, submissions => submissions, first_response => first_response, first_adjudication => first_adjudication, denied_amount => denied_amount, paid_amount => paid_amount, written_off => written_off, touches => touches, submitted_on => first_submitted_on, paid_on => paid_on, reversed => reversed)) AS stats FROM bench.outcome_columns GROUP BY payer_id) g, LATERAL cleanclaim.scorecard(g.stats) s'
\set count_stored 'SELECT payer_id, count(*) FROM bench.outcomes GROUP BY payer_id'
\set count_ledger 'SELECT payer_id, count(*) FROM bench.outcome_columns GROUP BY payer_id'

\echo == both sides compute the same metrics (payer P1)
SELECT to_jsonb(c) - 'days_to_payment_median' - 'days_to_payment_p90' - 'payer_id' = to_jsonb(q) - 'days_to_payment_median_p90' - 'payer_id'
	   OR (SELECT bool_and(abs(coalesce((e1.value #>> '{}')::numeric - (e2.value #>> '{}')::numeric, 0)) < 1e-9 OR e1.value = e2.value)
		   FROM jsonb_each(to_jsonb(c) - 'days_to_payment_median' - 'days_to_payment_p90' - 'payer_id') e1
		   JOIN jsonb_each(to_jsonb(q) - 'days_to_payment_median_p90' - 'payer_id') e2 USING (key)) AS same_metrics,
	   ARRAY[c.days_to_payment_median, c.days_to_payment_p90] = q.days_to_payment_median_p90 AS same_days
FROM (:stored_scorecard) c JOIN (:sql_metrics) q USING (payer_id) WHERE payer_id = 'P1';

\echo == one core
CALL bench.compare('scorecard(claim_stats(outcome)), stored column', 'the metrics by hand in SQL (FILTER, percentile_disc)',
	:'sql_metrics', :'stored_scorecard', 1, 3);
CALL bench.compare('scorecard(claim_stats(claim_outcome(...))), ledger columns', 'the metrics by hand in SQL (FILTER, percentile_disc)',
	:'sql_metrics', :'ledger_scorecard', 1, 3);
-- target: at most 1.5x the time of a count(*), a ratio of 1 / 1.5
CALL bench.compare('scorecard(claim_stats(outcome)), stored column', 'count(*) grouped by payer',
	:'count_stored', :'stored_scorecard', 0.67, 3);
CALL bench.compare('scorecard(claim_stats(claim_outcome(...))), ledger columns', 'count(*) grouped by payer',
	:'count_ledger', :'ledger_scorecard', NULL, 3);

\echo == 2 parallel workers against none (stored column; a count(*) shows what the machine allows)
SELECT bench.time_ms(:'stored_scorecard') AS serial_ms \gset
SELECT bench.time_ms(:'count_stored') AS count_serial_ms \gset
SET max_parallel_workers_per_gather = 2;
SELECT bench.time_ms(:'count_stored') AS count_parallel_ms \gset
INSERT INTO bench.results (benchmark, baseline, baseline_ms, cleanclaim_ms, target_ratio)
VALUES ('(reference) count(*) grouped by payer, 2 parallel workers', 'the same, no parallel workers', :count_serial_ms, :count_parallel_ms, NULL);
EXPLAIN (COSTS OFF) SELECT payer_id, cleanclaim.claim_stats(outcome) FROM bench.outcomes GROUP BY payer_id;
SELECT bench.time_ms(:'stored_scorecard') AS parallel_ms \gset
INSERT INTO bench.results (benchmark, baseline, baseline_ms, cleanclaim_ms, target_ratio)
VALUES ('scorecard(claim_stats(outcome)), 2 parallel workers', 'the same, no parallel workers', :serial_ms, :parallel_ms, 1.6);
SELECT bench.time_ms(:'sql_metrics') AS sql_parallel_ms \gset
INSERT INTO bench.results (benchmark, baseline, baseline_ms, cleanclaim_ms, target_ratio)
VALUES ('scorecard(claim_stats(outcome)), 2 parallel workers', 'the metrics by hand in SQL, 2 parallel workers',
		:sql_parallel_ms, :parallel_ms, 1);
SET max_parallel_workers_per_gather = 0;

\echo
\echo Results (ratio = baseline time / cleanclaim time; outcomes = :outcomes; a count(*) target of 0.67 is "at most 1.5x its time")
SELECT * FROM bench.report();
