-- The pre-bill audit on a claims history: the denial model trained on the
-- ledger's adjudicated claims, what it learned, and the audit queue of the
-- claims not yet sent.  demo/run generates the history first (the same
-- generator as bench/denial_model.sql: planted denial patterns and noise).
--   psql -v ledger=billing -v trained_to=2026-09-15 -f demo/audit.sql
\pset pager off
\pset null ''
\if :{?ledger}
\else
\set ledger demo_ledger
\endif
SET search_path = cleanclaim, public;

\echo
\echo '== The denial model, trained on the adjudicated history of' :ledger
SELECT * FROM train_denial_model(:'ledger', trained_to => :'trained_to');

\echo
\echo '== What it learned: the riskiest payer, procedure and modifier combinations (seen 20 times or more)'
SELECT payer_id, procedure, nullif(modifiers, '') AS modifiers, lines, denied_lines,
	   round(denied_lines::numeric / lines, 3) AS raw_rate, round(probability::numeric, 3) AS smoothed
FROM denial_model WHERE level = 'combination' AND lines >= 20
ORDER BY probability DESC LIMIT 8;

\echo
\echo '== The audit queue: claims not yet sent that need a look, riskiest first'
SELECT claim_id, payer_id, total_charge, expected_denied, round(denial_probability::numeric, 2) AS p_denied,
	   audit_score AS score, owner, array_to_string(flags, ', ') AS flags
FROM :"ledger".audit_queue LIMIT 12;
SELECT count(*) AS queued, sum(expected_denied) AS expected_denied_dollars,
	   (SELECT count(*) FROM :"ledger".claims c
		WHERE NOT EXISTS (SELECT 1 FROM :"ledger".submissions s WHERE s.claim_id = c.claim_id)) AS unsent_claims
FROM :"ledger".audit_queue;

\echo
\echo '== Why the first claim of the queue is there'
SELECT unnest(reasons) AS reason FROM :"ledger".audit_queue LIMIT 1;
SELECT l->>'line_no' AS line, l->>'procedure' AS procedure, l->>'modifiers' AS modifiers, l->>'probability' AS probability,
	   l->>'expected_denied' AS expected_denied, l->>'basis' AS from_the_rate_of
FROM (SELECT claim_id FROM :"ledger".audit_queue LIMIT 1) q
JOIN :"ledger".claim_documents d USING (claim_id), LATERAL jsonb_array_elements((denial_risk(d.claim)).lines) l;

\echo
\echo '== An auditor clears the first claim and holds the second (record_audit(): a touch in the ledger)'
SELECT record_audit(:'ledger', claim_id, CASE WHEN n = 1 THEN 'cleared' ELSE 'held' END,
					CASE WHEN n = 1 THEN 'documentation supports the modifier' ELSE 'waiting for the operative note' END) AS touch_id
FROM (SELECT claim_id, row_number() OVER () AS n FROM (SELECT claim_id FROM :"ledger".audit_queue LIMIT 2) q) q;
SELECT claim_id, audit_status, array_to_string(flags, ', ') AS flags FROM :"ledger".audit_queue LIMIT 3;
