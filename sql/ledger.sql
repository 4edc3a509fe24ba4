-- The claims ledger: create_ledger() and the outcome of each claim.
SET search_path = cleanclaim, public;
SET datestyle = 'ISO, YMD';

-- bad arguments
SELECT create_ledger(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT create_ledger('cleanclaim');
\echo :LAST_ERROR_SQLSTATE
SELECT create_ledger('pg_catalog');
\echo :LAST_ERROR_SQLSTATE
SELECT create_ledger_views('nowhere');
\echo :LAST_ERROR_SQLSTATE

SELECT create_ledger('ledger_test');
SELECT create_ledger('ledger_test');
\echo :LAST_ERROR_SQLSTATE

-- the tables are the user's, not the extension's
SELECT c.relname, c.relkind, EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') AS extension_member
FROM pg_class c WHERE c.relnamespace = 'ledger_test'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1;

SET search_path = ledger_test, cleanclaim, public;
-- an empty ledger has no outcomes
SELECT count(*) FROM claim_outcomes;

-- Six claims, each telling one story:
--   A  clean, accepted, paid in full (a contractual reduction is not a denial)
--   B  rejected at the front end, fixed (a touch), resubmitted, paid
--   C  partially denied on first adjudication (CO-97 bundling), rest paid
--   D  denied in full (CO-197, no authorization), written off after an appeal
--   E  paid, then the payment was reversed
--   F  submitted, still pending
--   G  never submitted, with a scrub error (billing NPI check digit)
INSERT INTO claims (claim_id, payer_id, member_id, patient_birth_date, patient_sex, billing_npi, service_from, total_charge, diagnoses)
VALUES ('A', 'P1', 'MA', '1950-01-01', 'F', '1234567893', '2026-09-01', 100.00, '{E11.9}'),
	   ('B', 'P1', 'MB', '1951-01-01', 'M', '1234567893', '2026-09-01', 200.00, '{I10}'),
	   ('C', 'P2', 'MC', '1952-01-01', 'F', '1234567893', '2026-09-02', 300.00, '{E11.9}'),
	   ('D', 'P2', 'MD', '1953-01-01', 'M', '1234567893', '2026-09-02', 400.00, '{I10}'),
	   ('E', 'P1', 'ME', '1954-01-01', 'F', '1234567893', '2026-09-03', 500.00, '{E11.9}'),
	   ('F', 'P2', 'MF', '1955-01-01', 'M', '1234567893', '2026-09-03', 600.00, '{I10}'),
	   ('G', 'P2', 'MG', '1956-01-01', 'F', '1234567890', '2026-09-04', 700.00, '{E11.9}');
-- every claim is complete: the subscriber is the patient, one billing provider
UPDATE claims SET subscriber_last_name = 'PATIENT-' || claim_id, subscriber_first_name = 'ANA', patient_relationship = '18',
				  place_of_service = '11', billing_tax_id = '841234567', billing_address = '1200 Maple Ave',
				  billing_city = 'Denver', billing_state = 'CO', billing_zip = '802021234';
INSERT INTO claim_lines (claim_id, line_no, procedure, units, charge, service_date, dx_pointers)
SELECT claim_id, 1, '99213', 1, total_charge, service_from, '{1}' FROM claims;
INSERT INTO submissions (claim_id, submitted_on) VALUES
	('A', '2026-09-05'), ('B', '2026-09-05'), ('C', '2026-09-06'), ('D', '2026-09-06'), ('E', '2026-09-07'),
	('F', '2026-09-07'), ('B', '2026-09-09');
INSERT INTO responses (submission_id, received_on, status, reason)
SELECT submission_id, submitted_on,
	   CASE WHEN claim_id = 'B' AND submitted_on = '2026-09-05' THEN 'rejected' ELSE 'accepted' END,
	   CASE WHEN claim_id = 'B' AND submitted_on = '2026-09-05' THEN 'member id not found' END
FROM submissions;
INSERT INTO touches (claim_id, touched_at, team, action, amount) VALUES
	('B', '2026-09-08 10:00', 'front_office', 'corrected member id', NULL),
	('D', '2026-10-10 09:00', 'billing', 'appeal', NULL),
	('D', '2026-11-15 09:00', 'billing', 'write_off', 400.00);
INSERT INTO remittances (claim_id, submission_id, received_on, status, charge, paid_amount)
SELECT 'A', submission_id, date '2026-09-25', 'paid', 100.00, 80.00 FROM submissions WHERE claim_id = 'A'
UNION ALL SELECT 'B', max(submission_id), date '2026-09-30', 'paid', 200.00, 150.00 FROM submissions WHERE claim_id = 'B'
UNION ALL SELECT 'C', submission_id, date '2026-10-01', 'partially_denied', 300.00, 180.00 FROM submissions WHERE claim_id = 'C'
UNION ALL SELECT 'D', submission_id, date '2026-10-02', 'denied', 400.00, 0 FROM submissions WHERE claim_id = 'D'
UNION ALL SELECT 'E', submission_id, date '2026-09-27', 'paid', 500.00, 450.00 FROM submissions WHERE claim_id = 'E'
UNION ALL SELECT 'E', submission_id, date '2026-10-20', 'reversed', 500.00, 450.00 FROM submissions WHERE claim_id = 'E'
UNION ALL SELECT 'F', submission_id, date '2026-09-20', 'pending', 600.00, 0 FROM submissions WHERE claim_id = 'F';
INSERT INTO adjustments (remittance_id, group_code, carc, rarcs, amount)
SELECT remittance_id, g, carc, r, amt FROM remittances
JOIN (VALUES ('A', 'CO', '45', '{}'::text[], 20.00), ('B', 'CO', '45', '{}', 50.00), ('C', 'CO', '45', '{}', 20.00),
			 ('C', 'CO', '97', '{M15}', 100.00), ('D', 'CO', '197', '{N54}', 400.00), ('E', 'CO', '45', '{}', 50.00))
	 v(c, g, carc, r, amt) ON v.c = remittances.claim_id AND remittances.status <> 'reversed';

-- one row per claim (hand-checked: B waits 25 days from its first submission; C
-- lost 100.00 to bundling, not the 20.00 contractual reduction; D's 400.00
-- went to a write-off; E's payment was reversed; F is pending; G was never sent)
SELECT claim_id, first_submitted_on, submissions, resubmissions, first_response, first_adjudication, denied_amount,
	   paid_amount, paid_on, days_to_payment, written_off, touches, touched_before_submission, clean, quality_score
FROM claim_outcomes ORDER BY claim_id;
SELECT claim_id, (i).rule_id, (i).message FROM claim_outcomes, unnest(issues) i ORDER BY 1, 2;

-- the claim as a document, ready for validate()
SELECT claim FROM claim_documents WHERE claim_id = 'C';

-- the claim metrics: each claim's outcome, built from the columns above
-- (F, sent and not adjudicated, is pending; E, paid and then reversed, is
-- reversed with nothing paid; G was never sent)
SELECT claim_id, outcome FROM claim_outcomes ORDER BY claim_id;
-- Over the seven claims, by hand:
--   claims 7; submitted 6 (not G); adjudicated 5 (A, B, E paid; C partially denied; D denied); denied 2; pending 1 (F); reversals 1 (E)
--   clean claim rate 6/7 (G's billing NPI fails); first-pass acceptance 5/6 (B's first send was rejected)
--   rejection rate 1 rejection / 7 sends; denial rate 2/5; by dollars (300 + 400) / (100 + 200 + 300 + 400 + 500) = 0.4667
--   first-pass resolution 1/5 (A only: B was resent, E reversed)
--   resubmissions (7 - 6) / 6; touches (B 1, D 2) 3/7 per claim; touchless 5/7
--   days to payment A 20, B 25, C 25: mean 23.33, median 25, p90 25
--   charged 2800.00, paid 80 + 150 + 180 = 410.00, denied 100 + 400 = 500.00, written off 400.00
--   quality (6 x 100 + 75) / 7 = 96.43; grade red (85.7% clean)
SELECT (scorecard(claim_stats(outcome))).* FROM claim_outcomes;
-- per day and payer, merged back to the whole (G, never sent, counts on the day it was created)
UPDATE claims SET created_at = '2026-09-04 12:00' WHERE claim_id = 'G';
SELECT day, payer_id, claims, clean_claim_rate, first_pass_acceptance_rate, denial_rate, days_to_payment_median, denied_dollars, grade
FROM quality_by_day_payer ORDER BY day, payer_id;
SELECT (SELECT merge(stats) FROM quality_by_day_payer)::text = (SELECT claim_stats(outcome) FROM claim_outcomes)::text AS days_merge_to_all;
SELECT billing_npi, claims, clean_claim_rate, denial_rate, grade FROM quality_by_provider ORDER BY billing_npi;
-- C gets a second procedure: it counts, whole, under each of its two codes
INSERT INTO claim_lines (claim_id, line_no, procedure, units, charge, service_date, dx_pointers)
VALUES ('C', 2, '36415', 1, 0, '2026-09-02', '{1}');
SELECT procedure, claims, denial_rate, denial_rate_dollars, denied_dollars FROM quality_by_procedure ORDER BY procedure;
DELETE FROM claim_lines WHERE claim_id = 'C' AND line_no = 2;
SELECT c.relname, obj_description(c.oid, 'pg_class') LIKE 'grain: %' AS grain_documented
FROM pg_class c WHERE c.relnamespace = 'ledger_test'::regnamespace AND c.relname LIKE 'quality_by_%' ORDER BY 1;

-- bad rows are refused by the tables' own checks
INSERT INTO responses (submission_id, received_on, status) VALUES (1, '2026-09-05', 'maybe');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO remittances (claim_id, received_on, status, paid_amount) VALUES ('A', '2026-09-25', 'paid', -5);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO adjustments (remittance_id, group_code, carc, amount) VALUES (1, 'XX', '45', 1);
\echo :LAST_ERROR_SQLSTATE

-- the denial test of an adjustment
SELECT g, c, is_denial_adjustment(g, c)
FROM (VALUES ('CO', '45'), ('CO', '97'), ('PR', '1'), ('OA', '18'), ('CR', '16'), ('co', '197'), (NULL, '16')) t(g, c);

RESET search_path;
DROP SCHEMA ledger_test CASCADE;
