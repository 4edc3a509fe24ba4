-- Benchmark: how well the learned denial model ranks claims for a pre-bill
-- audit, against ranking by charge alone.
-- :scale x 200,000 generated claims over ten months (bench/denial_history.psql:
-- planted denial patterns by payer, procedure and modifier, plus noise).  The
-- model is trained on months 1-9 and scores month 10; we report the share of
-- month 10's denied claims and denied dollars that the top 5% of its claims
-- catch, ranked by the model (probability for claims, expected denied
-- dollars for dollars), by total charge and, for reference, by the planted
-- odds (what the generator knows: the best a model can hope for), by the
-- outcome itself (hindsight) and by chance.  Target: the model catches at
-- least 80% of the denied claims the planted odds catch.  The planted odds
-- do not follow the charge (their rank correlation is printed).  Then the
-- scoring speed: denial_risk() and audit_flags() over month 10's claims.
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

-- month 10: each claim's charge, its denied dollars on its first
-- adjudication (one pass over the remittances, not a lookup per claim), the
-- model's risk and the planted odds
CREATE TEMP TABLE month10_denied AS
SELECT r.claim_id, sum(a.amount) FILTER (WHERE is_denial_adjustment(a.group_code, a.carc)) AS denied
FROM bench_denials.remittances r JOIN bench_denials.adjustments a USING (remittance_id)
JOIN bench_denials.claims c ON c.claim_id = r.claim_id
WHERE c.service_from >= '2026-10-01'
GROUP BY r.claim_id;
CREATE TEMP TABLE month10 AS
SELECT c.claim_id, c.total_charge, (SELECT count(*) FROM bench_denials.claim_lines l WHERE l.claim_id = c.claim_id) AS lines,
	   coalesce(m.denied, 0) AS denied, r.expected_denied, r.probability,
	   t.probability AS planted_probability, t.expected_denied AS planted_expected
FROM bench_denials.claims c
JOIN bench_denials.claim_documents d ON d.claim_id = c.claim_id
CROSS JOIN LATERAL denial_risk(d.claim) r
JOIN bench_denials.planted_risk t ON t.claim_id = c.claim_id
LEFT JOIN month10_denied m ON m.claim_id = c.claim_id
WHERE c.service_from >= '2026-10-01';

\echo == month 10: do the planted odds follow the charge? (rank correlation of charge with the planted probability: 1 would be fully; over all claims, where more lines mean both more charge and more odds, and over one-line claims)
SELECT (SELECT round(corr(charge_rank, odds_rank)::numeric, 2)
		FROM (SELECT rank() OVER (ORDER BY total_charge) AS charge_rank, rank() OVER (ORDER BY planted_probability) AS odds_rank
			  FROM month10) x) AS "all claims",
	   (SELECT round(corr(charge_rank, odds_rank)::numeric, 2)
		FROM (SELECT rank() OVER (ORDER BY total_charge) AS charge_rank, rank() OVER (ORDER BY planted_probability) AS odds_rank
			  FROM month10 WHERE lines = 1) x) AS "one-line claims";

-- the top 5% of month 10's claims under each ranking: by claims (the claims
-- most likely to be denied) and by dollars (the most denied dollars expected)
CREATE TEMP TABLE month10_ranked AS
SELECT denied, denied > 0 AS was_denied, count(*) OVER () AS n,
	   row_number() OVER (ORDER BY probability DESC NULLS LAST, claim_id) AS model_by_claims,
	   row_number() OVER (ORDER BY expected_denied DESC NULLS LAST, claim_id) AS model_by_dollars,
	   row_number() OVER (ORDER BY total_charge DESC, claim_id) AS by_charge,
	   row_number() OVER (ORDER BY planted_probability DESC, claim_id) AS planted_by_claims,
	   row_number() OVER (ORDER BY planted_expected DESC, claim_id) AS planted_by_dollars,
	   row_number() OVER (ORDER BY denied DESC, claim_id) AS hindsight
FROM month10;
CREATE TEMP VIEW month10_catch AS
SELECT max(n) AS claims, ceil(max(n) * 0.05)::int AS audited,
	   count(*) FILTER (WHERE was_denied) AS denied_claims, sum(denied) AS denied_dollars,
	   100.0 * count(*) FILTER (WHERE was_denied AND model_by_claims <= ceil(n * 0.05)) / count(*) FILTER (WHERE was_denied) AS model_claims,
	   100.0 * count(*) FILTER (WHERE was_denied AND by_charge <= ceil(n * 0.05)) / count(*) FILTER (WHERE was_denied) AS charge_claims,
	   100.0 * count(*) FILTER (WHERE was_denied AND planted_by_claims <= ceil(n * 0.05)) / count(*) FILTER (WHERE was_denied) AS planted_claims,
	   100.0 * least(ceil(max(n) * 0.05), count(*) FILTER (WHERE was_denied)) / count(*) FILTER (WHERE was_denied) AS hindsight_claims,
	   100 * sum(denied) FILTER (WHERE model_by_dollars <= ceil(n * 0.05)) / sum(denied) AS model_dollars,
	   100 * sum(denied) FILTER (WHERE by_charge <= ceil(n * 0.05)) / sum(denied) AS charge_dollars,
	   100 * sum(denied) FILTER (WHERE planted_by_dollars <= ceil(n * 0.05)) / sum(denied) AS planted_dollars,
	   100 * sum(denied) FILTER (WHERE hindsight <= ceil(n * 0.05)) / sum(denied) AS hindsight_dollars
FROM month10_ranked;

\echo == month 10: what the top 5% of claims catch, by each ranking
SELECT claims, audited, denied_claims, denied_dollars FROM month10_catch;
SELECT ranking, round(by_claims, 1) AS "denied claims caught %", round(by_dollars, 1) AS "denied dollars caught %"
FROM month10_catch,
	 LATERAL (VALUES (1, 'denial_risk(): probability (claims), expected denied dollars (dollars)', model_claims, model_dollars),
					 (2, 'total charge alone', charge_claims, charge_dollars),
					 (3, 'the planted odds (what the generator knows)', planted_claims, planted_dollars),
					 (4, 'hindsight (the month''s actual denials)', hindsight_claims, hindsight_dollars),
					 (5, 'chance', 5, 5)) v(k, ranking, by_claims, by_dollars)
ORDER BY k;
SELECT round(100 * model_claims / planted_claims, 1) AS "model / planted odds, claims %", '>= 80' AS target,
	   CASE WHEN model_claims >= 0.8 * planted_claims THEN 'yes' ELSE 'NO' END AS met,
	   round(100 * model_dollars / planted_dollars, 1) AS "model / planted odds, dollars %",
	   round(model_claims / nullif(charge_claims, 0), 2) AS "model / charge, claims",
	   round(model_dollars / nullif(charge_dollars, 0), 2) AS "model / charge, dollars"
FROM month10_catch;

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
