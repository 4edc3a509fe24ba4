-- The denial model trained on a small ledger whose numbers are worked out by
-- hand, denial_risk() on it, the audit queue's order, and record_audit().
-- (test/audit.sql has a case for every flag and its near miss.)
SET search_path = cleanclaim, public;
SET datestyle = 'ISO, YMD';
SET extra_float_digits = 0;

-- the model's key for a line's modifiers: two-character codes, upper case, distinct, sorted
SELECT canonical_modifiers('{59,25,xs,25,NULL,ABC}'), canonical_modifiers('{}') = '' AS none, canonical_modifiers(NULL) = '' AS null_none;

SELECT create_ledger('audit_test');
SET search_path = audit_test, cleanclaim, public;

-- History, service dates January to March 2026, one line per claim:
--   payer A, 99213, no modifier:   a1 denied (claim denied outright), a2-a4 paid
--   payer A, 20610 with 59:        a5 denied (CO-97 on line 1), a6 denied (CO-50 on the claim)
--   payer A, 20610, no modifier:   a7 paid with a contractual CO-45 and a PR-1 deductible (not denials),
--                                  a8 pended first, then paid
--   payer B, 99213 with 25:        b1, b2 paid
-- and what training leaves out: x1 (December 2025, outside the period), y1
-- (submitted, never adjudicated), z1 (a procedure that is not a HCPCS code).
INSERT INTO claims (claim_id, payer_id, service_from, total_charge) VALUES
	('a1', 'A', '2026-01-05', 100), ('a2', 'A', '2026-01-06', 100), ('a3', 'A', '2026-01-07', 100), ('a4', 'A', '2026-02-01', 100),
	('a5', 'A', '2026-02-02', 200), ('a6', 'A', '2026-02-03', 200), ('a7', 'A', '2026-03-01', 200), ('a8', 'A', '2026-03-02', 200),
	('b1', 'B', '2026-01-10', 100), ('b2', 'B', '2026-03-10', 100),
	('x1', 'A', '2025-12-15', 100), ('y1', 'A', '2026-03-20', 100), ('z1', 'B', '2026-03-21', 100);
INSERT INTO claim_lines (claim_id, line_no, procedure, modifiers, units, charge)
SELECT claim_id, 1,
	   CASE WHEN claim_id IN ('a5', 'a6', 'a7', 'a8') THEN '20610' WHEN claim_id = 'z1' THEN 'XYZ' ELSE '99213' END,
	   CASE WHEN claim_id IN ('a5', 'a6') THEN '{59}'::text[] WHEN claim_id LIKE 'b%' THEN '{25}' END,
	   1, total_charge
FROM claims;
INSERT INTO submissions (claim_id, submitted_on) SELECT claim_id, service_from + 3 FROM claims;
INSERT INTO remittances (claim_id, received_on, status, charge, paid_amount)
SELECT claim_id, service_from + 20,
	   CASE WHEN claim_id IN ('a1', 'a6', 'x1') THEN 'denied' WHEN claim_id = 'a5' THEN 'partially_denied'
			WHEN claim_id = 'a8' THEN 'pending' ELSE 'paid' END,
	   total_charge,
	   CASE WHEN claim_id IN ('a1', 'a5', 'a6', 'x1', 'a8') THEN 0 ELSE total_charge * 0.8 END
FROM claims WHERE claim_id <> 'y1';
INSERT INTO remittances (claim_id, received_on, status, charge, paid_amount)
VALUES ('a8', '2026-04-01', 'paid', 200, 160),
	   ('a1', '2026-04-02', 'paid', 100, 80);		-- a1 paid after an appeal: its first adjudication still counts
INSERT INTO adjustments (remittance_id, line_no, group_code, carc, amount)
SELECT remittance_id, 1, 'CO', '97', 200 FROM remittances WHERE claim_id = 'a5'
UNION ALL SELECT remittance_id, NULL, 'CO', '50', 200 FROM remittances WHERE claim_id = 'a6'
UNION ALL SELECT remittance_id, 1, 'CO', '45', 20 FROM remittances WHERE claim_id = 'a7'
UNION ALL SELECT remittance_id, 1, 'PR', '1', 20 FROM remittances WHERE claim_id = 'a7';

-- With k = 2 (prior_weight):
--   overall           3 of 10 denied                      p0 = 0.3
--   payer A           3 of 8:  (3 + 2 x 0.3) / 10            = 0.36
--   payer B           0 of 2:  (0 + 0.6) / 4                 = 0.15
--   99213             1 of 6:  (1 + 0.6) / 8                 = 0.2
--   20610             2 of 4:  (2 + 0.6) / 6                 = 0.433333
--   A 99213           1 of 4:  prior (0.36 + 0.2) / 2 = 0.28;      (1 + 0.56) / 6      = 0.26
--   A 20610           2 of 4:  prior (0.36 + 0.433333) / 2 = 0.396667; (2 + 0.793333) / 6 = 0.465556
--   B 99213           0 of 2:  prior (0.15 + 0.2) / 2 = 0.175;      0.35 / 4           = 0.0875
--   A 99213 ""        1 of 4:  (1 + 2 x 0.26) / 6                = 0.253333
--   A 20610 "59"      2 of 2:  (2 + 2 x 0.465556) / 4            = 0.732778
--   A 20610 ""        0 of 2:  0.931111 / 4                      = 0.232778
--   B 99213 "25"      0 of 2:  0.175 / 4                         = 0.04375
SELECT * FROM train_denial_model('audit_test', '2026-01-01', '2026-03-31', 2);
SELECT level, payer_id, procedure, modifiers, lines, denied_lines, round(probability::numeric, 6) AS probability,
	   trained_from, trained_to
FROM denial_model ORDER BY lines DESC, level, payer_id, procedure, modifiers;

-- retraining replaces the model; without a period x1 counts too (4 of 11)
SELECT * FROM train_denial_model('audit_test');
SELECT round(probability::numeric, 6) FROM denial_model WHERE level = 'overall';
-- a period without adjudicated claims leaves an empty model (and denial_risk() NULL)
SELECT * FROM train_denial_model('audit_test', '2030-01-01', '2030-12-31');
SELECT (denial_risk(claim)).* FROM claim_documents WHERE claim_id = 'a1';
SELECT * FROM train_denial_model('audit_test', '2026-01-01', '2026-03-31', 2);
-- the model needs 30 training lines behind a level before it gives a
-- probability from it (AUDIT_DENIAL_RISK min_lines); this hand-sized history
-- has a handful: the cases below take every level with 1 or more
INSERT INTO rule_settings (rule_id, params, note) VALUES ('AUDIT_DENIAL_RISK', '{"min_lines": 1}', 'a hand-sized history');

-- Claims not yet submitted, April 2026:
--   q1  payer A, 20610 with 59, 200:   0.732778 x 200 = 146.56 expected denied; modifier 59, denial risk
--   q2  payer A, 99213, 60,000:        0.253333 x 60,000 = 15,200.00; high dollar
--   q3  payer B, 99213 with 25, 100:   0.04375 x 100 = 4.38; modifier 25
--   q4  payer B, 99213, 100:           no row for B 99213 without a modifier: B 99213's 0.0875 x 100 = 8.75;
--                                      no flag, not queued
--   q5  as q1, audited and cleared:    not queued
--   q6  as q1, audited and held:       queued, held
--   q7  as q1, already submitted:      not queued
INSERT INTO claims (claim_id, payer_id, service_from, total_charge) VALUES
	('q1', 'A', '2026-04-01', 200), ('q2', 'A', '2026-04-01', 60000), ('q3', 'B', '2026-04-01', 100),
	('q4', 'B', '2026-04-01', 100), ('q5', 'A', '2026-04-01', 200), ('q6', 'A', '2026-04-01', 200), ('q7', 'A', '2026-04-01', 200);
INSERT INTO claim_lines (claim_id, line_no, procedure, modifiers, units, charge)
SELECT claim_id, 1, CASE WHEN claim_id IN ('q2', 'q3', 'q4') THEN '99213' ELSE '20610' END,
	   CASE WHEN claim_id = 'q3' THEN '{25}'::text[] WHEN claim_id IN ('q2', 'q4') THEN NULL ELSE '{59}' END, 1, total_charge
FROM claims WHERE claim_id LIKE 'q%';
INSERT INTO submissions (claim_id, submitted_on) VALUES ('q7', '2026-04-02');

SELECT claim_id, round(probability::numeric, 6) AS probability, expected_denied, lines->0->>'basis' AS basis
FROM claim_documents, denial_risk(claim) WHERE claim_id LIKE 'q%' ORDER BY claim_id;

-- the evidence floor at its boundary: q1's combination (A, 20610, "59") has
-- 2 training lines: with min_lines 2 the probability comes from it, with 3
-- from the next level that has 3; with more lines than any level has, none
SELECT level, payer_id, procedure, modifiers, lines FROM denial_model
WHERE (payer_id = 'A' OR payer_id IS NULL) AND (procedure = '20610' OR procedure IS NULL) ORDER BY lines, level;
UPDATE rule_settings SET params = '{"min_lines": 2}' WHERE rule_id = 'AUDIT_DENIAL_RISK';
SELECT round(probability::numeric, 6) AS probability, lines->0->>'basis' AS basis, lines->0->>'training_lines' AS training_lines
FROM claim_documents, denial_risk(claim) WHERE claim_id = 'q1';
SELECT reason FROM claim_documents, audit_flags(claim) WHERE claim_id = 'q1' AND flag = 'AUDIT_DENIAL_RISK';
UPDATE rule_settings SET params = '{"min_lines": 3}' WHERE rule_id = 'AUDIT_DENIAL_RISK';
SELECT round(probability::numeric, 6) AS probability, lines->0->>'basis' AS basis, lines->0->>'training_lines' AS training_lines
FROM claim_documents, denial_risk(claim) WHERE claim_id = 'q1';
UPDATE rule_settings SET params = '{"min_lines": 1000}' WHERE rule_id = 'AUDIT_DENIAL_RISK';
SELECT round(probability::numeric, 6) AS probability, lines FROM claim_documents, denial_risk(claim) WHERE claim_id = 'q1';
SELECT count(*) AS denial_risk_flags FROM claim_documents, audit_flags(claim) WHERE claim_id = 'q1' AND flag = 'AUDIT_DENIAL_RISK';
-- a floor of 0 is refused
UPDATE rule_settings SET params = '{"min_lines": 0}' WHERE rule_id = 'AUDIT_DENIAL_RISK';
\echo :LAST_ERROR_SQLSTATE
UPDATE rule_settings SET params = '{"min_lines": 1}' WHERE rule_id = 'AUDIT_DENIAL_RISK';

-- scoring reads the model from the session's cache, which a retraining refreshes:
-- with k = 20 the combination A 20610 "59" (2 of 2 denied) moves toward its parents:
-- payer A (3 + 6) / 28 = 0.321429, 20610 (2 + 6) / 24 = 0.333333, A 20610
-- (2 + 20 x 0.327381) / 24 = 0.356151, A 20610 "59" (2 + 20 x 0.356151) / 22 = 0.414683
SELECT * FROM train_denial_model('audit_test', '2026-01-01', '2026-03-31', 20);
SELECT round(probability::numeric, 6) AS q1_with_k_20 FROM claim_documents, denial_risk(claim) WHERE claim_id = 'q1';
SELECT * FROM train_denial_model('audit_test', '2026-01-01', '2026-03-31', 2);
SELECT round(probability::numeric, 6) AS q1_with_k_2 FROM claim_documents, denial_risk(claim) WHERE claim_id = 'q1';

SELECT record_audit('audit_test', 'q5', 'cleared', 'documentation supports 59: separate injection site');
SELECT record_audit('audit_test', 'q6', 'held', 'waiting for the operative note');
SELECT claim_id, expected_denied, audit_score, flags, owner, audit_status
FROM audit_queue;
SELECT reasons FROM audit_queue WHERE claim_id = 'q1';

-- the audit is a touch: the claim's outcome counts it (a touch before submission: not clean)
SELECT claim_id, touches, touched_before_submission FROM claim_outcomes WHERE claim_id IN ('q5', 'q6') ORDER BY 1;
SELECT claim_id, team, action, note FROM touches ORDER BY touch_id;

-- bad arguments
SELECT record_audit('audit_test', 'q1', 'approved');
\echo :LAST_ERROR_SQLSTATE
SELECT record_audit('audit_test', 'q1', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT record_audit('audit_test', 'nope', 'cleared');
\echo :LAST_ERROR_SQLSTATE
SELECT record_audit('nowhere', 'q1', 'cleared');
\echo :LAST_ERROR_SQLSTATE
SELECT train_denial_model('nowhere');
\echo :LAST_ERROR_SQLSTATE
SELECT train_denial_model('audit_test', prior_weight => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT train_denial_model('audit_test', prior_weight => 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT train_denial_model('audit_test', '2026-03-01', '2026-01-01');
\echo :LAST_ERROR_SQLSTATE
SELECT create_audit_views('nowhere');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO denial_model (lines, denied_lines, probability) VALUES (10, 11, 0.5);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO denial_model (payer_id, modifiers, lines, denied_lines, probability) VALUES ('A', '25', 10, 1, 0.1);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default

RESET search_path;
DROP SCHEMA audit_test CASCADE;
DELETE FROM cleanclaim.denial_model;
