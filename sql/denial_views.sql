-- The denial views of a claims ledger, on a small ledger written here whose
-- numbers are worked out by hand in the comments: seven denial adjustments
-- on five claims, $2,050 denied, $1,650 of it preventable.
SET search_path = cleanclaim, public;
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never

-- bad arguments
SELECT create_denial_views(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT create_denial_views('nowhere');
\echo :LAST_ERROR_SQLSTATE

-- create_ledger() makes the denial views with the others
SELECT create_ledger('denial_test');
SELECT c.relname, obj_description(c.oid, 'pg_class') ~ '^grain: ' AS grain_documented
FROM pg_class c WHERE c.relnamespace = 'denial_test'::regnamespace AND c.relkind = 'v' ORDER BY 1;
-- idempotent, and create_ledger_views() makes them again
SELECT create_denial_views('denial_test');
SELECT create_ledger_views('denial_test');

INSERT INTO denial_test.claims (claim_id, payer_id, service_from, total_charge) VALUES
	('C1', 'P1', '2026-01-05', 500), ('C2', 'P1', '2026-01-06', 300), ('C3', 'P2', '2026-01-20', 1000),
	('C4', 'P2', '2026-01-21', 400), ('C5', 'P1', '2026-01-22', 250), ('C6', 'P1', '2026-01-23', 100),
	('C7', 'P2', '2026-01-24', 100);
INSERT INTO denial_test.remittances (remittance_id, claim_id, received_on, status, charge, paid_amount) OVERRIDING SYSTEM VALUE VALUES
	(1, 'C1', '2026-01-20', 'partially_denied', 500, 320),
	(2, 'C2', '2026-01-25', 'denied', 300, 0),
	(3, 'C3', '2026-02-10', 'denied', 1000, 0),
	(4, 'C4', '2026-02-15', 'denied', 400, 0),
	(5, 'C4', '2026-02-20', 'reversed', 400, 0),		-- its adjustments are left out
	(6, 'C5', '2026-02-18', 'denied', 250, 0),
	(7, 'C6', '2026-02-05', 'paid', 100, 100),			-- adjudicated, not denied
	(8, 'C7', '2026-02-07', 'pending', 100, 0);		-- not adjudicated
INSERT INTO denial_test.adjustments (remittance_id, line_no, group_code, carc, rarcs, amount) VALUES
	(1, 2, 'CO', '97', '{}', 100),		-- denial: bundling, coding, preventable, 3 rules
	(1, 1, 'CO', '45', '{}', 50),		-- contractual: not a denial
	(1, 1, 'PR', '1', '{}', 30),		-- deductible: not a denial
	(2, NULL, 'CO', '16', '{N290}', 300),	-- denial: missing information, billing, preventable, 14 rules
	(3, 1, 'CO', '197', '{}', 800),		-- denial: authorization, front office, preventable, 2 rules
	(3, 2, 'CO', '40', '{}', 200),		-- denial: medical necessity, coding, not preventable, no rule
	(4, NULL, 'OA', '18', '{}', 400),	-- denial: duplicate, billing, preventable, 1 rule
	(5, NULL, 'OA', '18', '{}', -400),	-- the reversal: left out
	(6, 1, 'CO', '999', '{}', 200),		-- not in the dictionary: a denial, unmapped
	(6, 2, 'CO', '016', '{M51}', 50),	-- 16 written with a leading zero
	(6, 2, 'CO', '144', '{}', 10),		-- not mapped, and not a denial for is_denial_adjustment()
	(8, NULL, 'CO', '133', '{}', 100);	-- a pend: not a denial

-- one row per denial adjustment: 7 rows
SELECT claim_id, line_no, payer_id, month, group_code, carc, rarc, amount, category, owner, preventable, mapped
FROM denial_test.denials ORDER BY claim_id, carc;
SELECT carc, root_cause IS NOT NULL AS has_root_cause, prevention IS NOT NULL AS has_prevention, cardinality(rule_ids) AS rules
FROM denial_test.denials ORDER BY claim_id, carc;

-- by reason: 16 is 300 + 50 = 350 on C2 and C5 (350 / 2050 = 0.1707)
SELECT carc, category, owner, preventable, denials, claims, denied_amount, share_of_denied_amount, first_denied_on, last_denied_on
FROM denial_test.denials_by_reason ORDER BY denied_amount DESC, carc;

-- by month, payer, category and owner
SELECT month, payer_id, category, owner, denials, claims, denied_amount, preventable_denials, preventable_amount, preventable_share
FROM denial_test.denials_by_category ORDER BY month, payer_id, category;
-- rolled up over everything: 2050 denied, 1650 preventable (97 100, 16 350, 197 800, 18 400), share 0.8049
SELECT sum(denials) AS denials, sum(denied_amount) AS denied, sum(preventable_amount) AS preventable,
	   round(sum(preventable_amount) / sum(denied_amount), 4) AS preventable_share
FROM denial_test.denials_by_category;
-- by owner: billing 300 + 400 + 50, coding 100 + 200, front office 800, unassigned 200
SELECT owner, sum(denied_amount) AS denied, sum(preventable_amount) AS preventable
FROM denial_test.denials_by_category GROUP BY owner ORDER BY owner;

-- by month: January C1 and C2 adjudicated and denied (400, all preventable);
-- February C3, C4, C5, C6 adjudicated, C3, C4, C5 denied (3 / 4 = 0.75),
-- 800 + 200 + 400 + 200 + 50 = 1650 denied, 800 + 400 + 50 = 1250 preventable (0.7576)
SELECT * FROM denial_test.denials_by_month ORDER BY month;

-- the rules: 97's 100 splits in three (33.33 each), 16's 350 in fourteen
-- (25.00 each), 197's 800 in two (400.00 each), 18's 400 goes to LINE_DUPLICATE.
-- prevented_claims: C3 counts 800 / 1000 of a claim, half to each AUTH rule
-- (0.4); C5's 50 of 250 (0.2) and C2's whole claim split in fourteen give
-- each rule of 16 (1 + 0.2) / 14 = 0.0857
SELECT rule_id, rule_category, rule_owner, carcs, denials, claims, denied_amount, prevented_amount, prevented_claims, share_of_denied_amount
FROM denial_test.denial_prevention_rules ORDER BY prevented_amount DESC, rule_id;
-- each dollar once: the rules' dollars add up to the 1650 of the codes that name rules
-- (1649.99 after rounding each third to the cent); claims add up to the 5 denied
-- claims with what codes without rules take (C3's 0.2 for 40, C5's 0.8 for 999)
SELECT sum(prevented_amount) AS prevented, round(sum(prevented_claims) + 0.2 + 0.8, 2) AS claims
FROM denial_test.denial_prevention_rules;

-- the dictionary decides: a user who maps 999 and says 40 is no denial changes every view
BEGIN;
UPDATE denial_reasons SET category = 'eligibility', owner = 'front_office', preventable = true, denial = true,
	root_cause = 'A payer code of ours.', prevention = 'Check eligibility.' WHERE carc = '40';
INSERT INTO denial_reasons (carc, description, category, root_cause, prevention, owner, preventable, rule_ids, denial)
VALUES ('999', 'Payer-specific', 'authorization', 'Own.', 'Own.', 'front_office', true, '{AUTH_MISSING}', true);
UPDATE denial_reasons SET denial = false WHERE carc = '40';
SELECT carc, category, owner, preventable, denials, denied_amount FROM denial_test.denials_by_reason ORDER BY carc;
SELECT month, denials, denied_amount, preventable_amount, preventable_share FROM denial_test.denials_by_month ORDER BY month;
SELECT rule_id, carcs, denied_amount, prevented_amount FROM denial_test.denial_prevention_rules WHERE rule_id LIKE 'AUTH%' ORDER BY rule_id;
ROLLBACK;

-- the views belong to the ledger's schema, not to the extension
SELECT count(*) AS extension_members FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
WHERE c.relnamespace = 'denial_test'::regnamespace AND d.deptype = 'e';
SET client_min_messages = warning;
DROP SCHEMA denial_test CASCADE;
