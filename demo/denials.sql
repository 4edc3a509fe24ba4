-- The denial feedback loop on a claims ledger: the top denial causes by
-- dollars with their root cause, owning team and prevention step, who owns
-- the denied dollars, and the scrubber rules that would have prevented the
-- most of them.  Works on any ledger made by cleanclaim.create_ledger():
--   psql -v ledger=billing -f demo/denials.sql      (default: demo_ledger)
\pset pager off
\pset null ''
\if :{?ledger}
\else
\set ledger demo_ledger
\endif
SET search_path = cleanclaim, public;

SELECT to_regclass(format('%I.adjustments', :'ledger')) IS NOT NULL AS have_ledger \gset
\if :have_ledger
-- a ledger made before the denial views existed gets them (idempotent)
SELECT to_regclass(format('%I.denials', :'ledger')) IS NULL AS need_views \gset
\if :need_views
SELECT cleanclaim.create_denial_views(:'ledger');
\endif

\echo
\echo '== Denials in ledger' :ledger '(how many, how many dollars, how much was preventable)'
SELECT count(*) AS denials, count(DISTINCT claim_id) AS claims, coalesce(sum(amount), 0) AS denied_dollars,
	   coalesce(sum(amount) FILTER (WHERE preventable), 0) AS preventable_dollars,
	   round(sum(amount) FILTER (WHERE preventable) / nullif(sum(amount), 0) * 100, 1) AS preventable_pct,
	   count(*) FILTER (WHERE NOT mapped) AS unmapped_codes
FROM :"ledger".denials;

\echo
\echo '== Top denial causes by dollars: what happened, why, who fixes it and how'
SELECT carc, category, owner, denials, claims, denied_amount AS dollars,
	   round(share_of_denied_amount * 100, 1) AS pct, preventable,
	   coalesce(root_cause, '(not in the dictionary: map it in cleanclaim.denial_reasons)') AS root_cause, prevention
FROM :"ledger".denials_by_reason
ORDER BY denied_amount DESC, carc
LIMIT 10;

\echo
\echo '== Who owns the denied dollars (all months and payers)'
SELECT owner, sum(denials) AS denials, sum(denied_amount) AS dollars, sum(preventable_amount) AS preventable_dollars,
	   round(sum(preventable_amount) / nullif(sum(denied_amount), 0) * 100, 1) AS preventable_pct
FROM :"ledger".denials_by_category
GROUP BY owner
ORDER BY dollars DESC, owner;

\echo
\echo '== By month: claims denied among those adjudicated, and the preventable share'
SELECT month, claims_adjudicated, denied_claims, round(claim_denial_rate * 100, 1) AS denial_rate_pct,
	   denied_amount AS dollars, round(preventable_share * 100, 1) AS preventable_pct
FROM :"ledger".denials_by_month
ORDER BY month;

\echo
\echo '== The scrubber rules that would have prevented the most denied dollars (each dollar split over the rules of its code)'
SELECT rule_id, rule_owner AS owner, carcs, claims, prevented_amount AS dollars, round(share_of_denied_amount * 100, 1) AS pct,
	   (SELECT r.enabled FROM cleanclaim.rules r WHERE r.rule_id = p.rule_id) AS rule_on
FROM :"ledger".denial_prevention_rules p
ORDER BY prevented_amount DESC, rule_id
LIMIT 10;

\echo
\echo '== One denial explained: the costliest, with its remark code (denial_root_cause())'
SELECT e.carc, e.group_code, e.rarc, e.category, e.owner, e.responsibility, e.remark, e.rule_ids
FROM (SELECT carc, group_code, rarc FROM :"ledger".denials ORDER BY amount DESC, adjustment_id LIMIT 1) d,
	 LATERAL cleanclaim.denial_root_cause(d.carc, d.rarc, d.group_code) e;
\else
\echo
\echo '== Denials: schema' :ledger 'has no claims ledger (make one with cleanclaim.create_ledger(), or pass -v ledger=<schema>)'
\endif
