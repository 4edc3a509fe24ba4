-- The claim metrics of a claims ledger: the scorecard of the whole history
-- and by payer, in one pass each (claim_stats over claim_outcomes.outcome),
-- and the month's rollup merged from the per-day-and-payer view.
--   psql -v ledger=billing -f demo/metrics.sql      (default: demo_ledger)
\pset pager off
\pset null ''
\if :{?ledger}
\else
\set ledger demo_ledger
\endif
SET search_path = cleanclaim, public;

-- the outcomes once (each row is scrubbed under today's rules)
CREATE TEMP TABLE demo_outcomes AS SELECT claim_id, payer_id, first_submitted_on, outcome, issues FROM :"ledger".claim_outcomes;

\echo
\echo '== The revenue-cycle scorecard of' :ledger '(rates in %, one pass: claim_stats(outcome))'
SELECT s.claims, s.claims_submitted AS submitted, s.claims_adjudicated AS adjudicated,
	   round((s.clean_claim_rate * 100)::numeric, 1) AS clean, round((s.first_pass_acceptance_rate * 100)::numeric, 1) AS first_pass,
	   round((s.rejection_rate * 100)::numeric, 1) AS rejected, round((s.denial_rate * 100)::numeric, 1) AS denied,
	   round((s.denial_rate_dollars * 100)::numeric, 1) AS denied_usd, round((s.first_pass_resolution_rate * 100)::numeric, 1) AS resolved_first,
	   s.days_to_payment_median AS days_median, s.days_to_payment_p90 AS days_p90,
	   s.denied_dollars, round(s.quality_score::numeric, 1) AS quality, s.grade
FROM (SELECT claim_stats(outcome) AS stats FROM demo_outcomes) g, LATERAL scorecard(g.stats) s;

\echo
\echo '== What keeps claims from counting as clean: errors under today''s rules, by rule'
SELECT i.rule_id, i.owner, count(DISTINCT o.claim_id) AS claims, min(i.message) AS example
FROM demo_outcomes o, unnest(o.issues) i WHERE i.severity = 'error'
GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 6;

\echo
\echo '== By payer, worst denial rate first'
SELECT payer_id, s.claims, round((s.denial_rate * 100)::numeric, 1) AS denied_pct,
	   round((s.denial_rate_dollars * 100)::numeric, 1) AS denied_usd_pct, s.denied_dollars,
	   s.days_to_payment_median AS days_median, round((s.touchless_rate * 100)::numeric, 1) AS touchless_pct, s.grade
FROM (SELECT payer_id, claim_stats(outcome) AS stats FROM demo_outcomes GROUP BY payer_id) g, LATERAL scorecard(g.stats) s
ORDER BY s.denial_rate DESC NULLS LAST, payer_id LIMIT 6;

\echo
\echo '== A rollup: per-day-and-payer states merged into months (merge(stats) equals a pass over the rows)'
SELECT date_trunc('month', day)::date AS month, claims(merge(stats)) AS claims,
	   round((denial_rate(merge(stats)) * 100)::numeric, 1) AS denied_pct, denied_dollars(merge(stats)) AS denied_dollars,
	   days_to_payment_median(merge(stats)) AS days_median
FROM :"ledger".quality_by_day_payer GROUP BY 1 ORDER BY 1;
DROP TABLE demo_outcomes;
