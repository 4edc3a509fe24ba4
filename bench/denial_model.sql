-- Benchmark: how well the learned denial model ranks claims for a pre-bill
-- audit, against ranking by charge alone.
-- :scale x 200,000 generated claims over ten months (bench/denial_history.psql:
-- planted denial patterns by payer, procedure and modifier, plus noise).  The
-- model is trained on months 1-9 and scores month 10; we report the share of
-- month 10's denied dollars that the top 5% of its claims capture, ranked by
-- expected denied dollars (denial_risk) and by total charge, and, for
-- reference, by the planted odds (what the generator knows: the best a model
-- can hope for), by the denied dollars themselves (hindsight) and by chance.  Then the scoring speed: denial_risk() and
-- audit_flags() over month 10's claims.
SET client_min_messages = warning;
SET search_path = cleanclaim, public;
\set ledger bench_denials
SELECT (200000 * :scale)::int AS claims \gset
\set months 10
\set unsubmitted 9999-12-31
\echo == generating :claims claims over :months months
\ir denial_history.psql

\echo == training on months 1-9 (service dates 2026-01-01 to 2026-09-30)
\timing on
SELECT * FROM train_denial_model('bench_denials', '2026-01-01', '2026-09-30');
\timing off

-- month 10: each claim's denied dollars on its first adjudication, charge and risk
CREATE TEMP TABLE month10 AS
SELECT d.claim_id, c.total_charge,
	   coalesce((SELECT sum(a.amount) FROM bench_denials.remittances r JOIN bench_denials.adjustments a USING (remittance_id)
				 WHERE r.claim_id = d.claim_id AND is_denial_adjustment(a.group_code, a.carc)), 0) AS denied,
	   r.expected_denied, r.probability,
	   (SELECT t.expected_denied FROM bench_denials.planted_risk t WHERE t.claim_id = d.claim_id) AS planted_expected
FROM bench_denials.claim_documents d CROSS JOIN LATERAL denial_risk(d.claim) r JOIN bench_denials.claims c ON c.claim_id = d.claim_id
WHERE c.service_from >= '2026-10-01';

\echo == month 10: share of denied dollars captured by the top 5% of claims
WITH ranked AS (
	SELECT denied,
		   row_number() OVER (ORDER BY expected_denied DESC, claim_id) AS by_risk,
		   row_number() OVER (ORDER BY total_charge DESC, claim_id) AS by_charge,
		   row_number() OVER (ORDER BY denied DESC, claim_id) AS by_outcome,
		   row_number() OVER (ORDER BY planted_expected DESC, claim_id) AS by_truth,
		   count(*) OVER () AS n
	FROM month10)
SELECT max(n) AS claims, ceil(max(n) * 0.05)::int AS audited, sum(denied) AS denied_dollars,
	   round(100 * sum(denied) FILTER (WHERE by_risk <= ceil(n * 0.05)) / sum(denied), 1) AS "risk model %",
	   round(100 * sum(denied) FILTER (WHERE by_charge <= ceil(n * 0.05)) / sum(denied), 1) AS "charge alone %",
	   round(100 * sum(denied) FILTER (WHERE by_truth <= ceil(n * 0.05)) / sum(denied), 1) AS "planted odds %",
	   round(100 * sum(denied) FILTER (WHERE by_outcome <= ceil(n * 0.05)) / sum(denied), 1) AS "hindsight %",
	   5.0 AS "chance %",
	   round((sum(denied) FILTER (WHERE by_risk <= ceil(n * 0.05)))
			 / nullif(sum(denied) FILTER (WHERE by_charge <= ceil(n * 0.05)), 0), 2) AS "risk / charge"
FROM ranked;

\echo == month 10: share of denied claims found by the top 5% of claims (by probability, by charge)
WITH ranked AS (
	SELECT denied > 0 AS was_denied,
		   row_number() OVER (ORDER BY probability DESC, claim_id) AS by_risk,
		   row_number() OVER (ORDER BY total_charge DESC, claim_id) AS by_charge,
		   count(*) OVER () AS n
	FROM month10)
SELECT count(*) FILTER (WHERE was_denied) AS denied_claims,
	   round(100.0 * count(*) FILTER (WHERE was_denied AND by_risk <= ceil(n * 0.05)) / count(*) FILTER (WHERE was_denied), 1) AS "risk model %",
	   round(100.0 * count(*) FILTER (WHERE was_denied AND by_charge <= ceil(n * 0.05)) / count(*) FILTER (WHERE was_denied), 1) AS "charge alone %",
	   round(100.0 * least(ceil(max(n) * 0.05), count(*) FILTER (WHERE was_denied)) / count(*) FILTER (WHERE was_denied), 1) AS "best possible %"
FROM ranked;

\echo == scoring speed over month 10 (one core)
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE month10_docs AS
SELECT d.claim FROM bench_denials.claim_documents d JOIN bench_denials.claims c USING (claim_id)
WHERE c.service_from >= '2026-10-01';
SELECT count(*) AS claims FROM month10_docs \gset
SELECT :claims AS claims,
	   bench.time_ms('SELECT sum((cleanclaim.denial_risk(claim)).expected_denied) FROM month10_docs') AS denial_risk_ms,
	   bench.time_ms('SELECT count(*) FROM month10_docs, cleanclaim.audit_flags(claim)') AS audit_flags_ms \gset
SELECT :claims AS claims,
	   :denial_risk_ms AS denial_risk_ms, round(:claims / :denial_risk_ms * 1000) AS "denial_risk claims/s",
	   :audit_flags_ms AS audit_flags_ms, round(:claims / :audit_flags_ms * 1000) AS "audit_flags claims/s";
DROP SCHEMA bench_denials CASCADE;
DELETE FROM payers WHERE name LIKE 'Generated payer %';
