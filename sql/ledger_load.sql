-- Filling a claims ledger from X12 files (test/fixtures: the clinic's 837,
-- its 999 and 277CA, the payer's 835 and 271): record_837, the
-- acknowledgments, load_835, load_271; loading twice adds nothing; a
-- remittance for a claim not yet in the ledger waits and is matched when
-- its submission arrives; the metrics of a ledger filled from files equal
-- those of the same outcomes entered by hand.
SET search_path = cleanclaim, public;
SET datestyle = 'ISO, YMD';
\set x837 `cat test/fixtures/clinic.837`
\set x999 `cat test/fixtures/clinic.999`
\set x277 `cat test/fixtures/clinic.277ca`
\set x835 `cat test/fixtures/clinic.835`
\set x271 `cat test/fixtures/clinic.271`

-- bad arguments
SELECT * FROM load_835('no_such_ledger', :'x835');
\echo :LAST_ERROR_SQLSTATE
SELECT create_ledger('clinic');
SELECT * FROM load_835('clinic', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_acknowledgments('clinic', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM record_837('clinic', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_271(NULL, :'x271');
\echo :LAST_ERROR_SQLSTATE

-- 1 December: the claims go out
SELECT * FROM record_837('clinic', :'x837');
SELECT claim_id, submitted_on, frequency_code, channel, interchange_control, group_control, transaction_control
FROM clinic.submissions ORDER BY submission_id;
SELECT claim_id, line_no, procedure, modifiers, charge, service_date FROM clinic.claim_lines ORDER BY 1, 2;
-- the same file again records nothing
SELECT * FROM record_837('clinic', :'x837');

-- the 999 (the 837I's set rejected), then the 277CA (P2001 rejected)
SELECT * FROM load_acknowledgments('clinic', :'x999');
SELECT * FROM load_acknowledgments('clinic', :'x277');
SELECT s.claim_id, r.received_on, r.status, r.reason, r.source
FROM clinic.responses r JOIN clinic.submissions s USING (submission_id) ORDER BY s.claim_id;
-- loaded again: no change
SELECT * FROM load_acknowledgments('clinic', :'x277');
SELECT * FROM load_acknowledgments('clinic', :'x999');
SELECT count(*) AS responses FROM clinic.responses;

-- 5 December: the office fixes and resends the two rejected claims
INSERT INTO clinic.submissions (claim_id, submitted_on, frequency_code, channel)
VALUES ('P2001', '2026-12-05', '1', 'portal'), ('H3001', '2026-12-05', '1', 'portal');

-- the 835: paid, denied, a reversal and its correction, and H9999, a claim
-- the ledger does not have
SELECT * FROM load_835('clinic', :'x835');
SELECT r.claim_id, s.submitted_on AS paid_submission, r.received_on, r.status, r.status_code, r.charge, r.paid_amount,
	   r.patient_responsibility, r.payer_claim_number, r.trace_number, r.occurrence, r.remark_codes
FROM clinic.remittances r LEFT JOIN clinic.submissions s USING (submission_id) ORDER BY r.remittance_id;
SELECT r.claim_id, l.line_no, l.claim_line_no, l.procedure, l.charge, l.paid_amount, l.allowed_amount, l.line_control_number
FROM clinic.remittance_lines l JOIN clinic.remittances r USING (remittance_id) ORDER BY l.remittance_id, l.line_no;
SELECT r.claim_id, r.status, a.line_no, a.group_code, a.carc, a.rarcs, a.amount
FROM clinic.adjustments a JOIN clinic.remittances r USING (remittance_id) ORDER BY r.remittance_id, a.line_no NULLS FIRST, a.group_code, a.carc;
SELECT trace_number, payer_id, payee_id, amount, method, paid_on FROM clinic.payments ORDER BY trace_number;
SELECT trace_number, payer_id, plb_segment, pair, provider_id, fiscal_period, reason, reference, amount FROM clinic.provider_adjustments;
SELECT kind, match_key, trace_number, occurrence, received_on, payload->'claim'->>'paid' AS paid FROM clinic.unmatched;
-- loaded twice: nothing added
SELECT * FROM load_835('clinic', :'x835');
SELECT (SELECT count(*) FROM clinic.remittances) AS remittances, (SELECT count(*) FROM clinic.adjustments) AS adjustments,
	   (SELECT count(*) FROM clinic.remittance_lines) AS lines, (SELECT count(*) FROM clinic.payments) AS payments,
	   (SELECT count(*) FROM clinic.unmatched) AS unmatched;

-- H9999 arrives (a claim entered by the hospital's other system): its
-- remittance is posted when its submission is
INSERT INTO clinic.claims (claim_id, claim_type, payer_id, member_id, service_from, total_charge)
VALUES ('H9999', 'institutional', 'RMH01', 'M9999', '2026-11-10', 100.00);
SELECT count(*) AS still_waiting FROM clinic.unmatched;
INSERT INTO clinic.submissions (claim_id, submitted_on) VALUES ('H9999', '2026-12-03');
SELECT claim_id, status, paid_amount FROM clinic.remittances WHERE claim_id = 'H9999';
SELECT count(*) AS still_waiting FROM clinic.unmatched;
SELECT * FROM match_unmatched('clinic');

-- what the ledger says of each claim, from the files alone
SELECT claim_id, first_submitted_on, submissions, first_response, first_adjudication, adjudicated_on, denied_amount,
	   paid_amount, paid_on, days_to_payment
FROM clinic.claim_outcomes ORDER BY claim_id;

-- the same outcomes entered by hand, in a ledger of their own: the same
-- claims, and submissions, responses, remittances and adjustments typed in
SELECT create_ledger('by_hand');
INSERT INTO by_hand.claims SELECT * FROM clinic.claims;
INSERT INTO by_hand.claim_lines SELECT * FROM clinic.claim_lines;
INSERT INTO by_hand.submissions (claim_id, submitted_on, frequency_code) VALUES
	('P1001', '2026-12-01', '1'), ('P1002', '2026-12-01', '7'), ('P2001', '2026-12-01', '1'), ('H3001', '2026-12-01', '1'),
	('P2001', '2026-12-05', '1'), ('H3001', '2026-12-05', '1'), ('H9999', '2026-12-03', '1');
INSERT INTO by_hand.responses (submission_id, received_on, status, reason)
SELECT submission_id, CASE claim_id WHEN 'P2001' THEN date '2026-12-02' ELSE date '2026-12-01' END,
	   CASE WHEN claim_id IN ('P2001', 'H3001') THEN 'rejected' ELSE 'accepted' END, NULL
FROM by_hand.submissions WHERE submitted_on = '2026-12-01';
INSERT INTO by_hand.remittances (claim_id, received_on, status, charge, paid_amount, patient_responsibility) VALUES
	('P1001', '2026-12-15', 'paid', 150.00, 100.00, 20.00), ('P1002', '2026-12-15', 'denied', 90.00, 0, 0),
	('P2001', '2026-12-15', 'paid', 210.50, 150.00, 0), ('P2001', '2026-12-22', 'reversed', 210.50, 150.00, 0),
	('P2001', '2026-12-22', 'paid', 210.50, 180.00, 0), ('H3001', '2026-12-22', 'paid', 310.00, 200.00, 50.00),
	('H9999', '2026-12-22', 'paid', 100.00, 80.00, 0);
INSERT INTO by_hand.adjustments (remittance_id, line_no, group_code, carc, amount)
SELECT r.remittance_id, a.line_no, a.group_code, a.carc, a.amount
FROM (VALUES ('P1001', 'paid', 1, 'CO', '45', 20.00), ('P1001', 'paid', 1, 'PR', '2', 20.00), ('P1001', 'paid', 2, 'CO', '45', 10.00),
			 ('P1002', 'denied', 1, 'CO', '50', 90.00), ('H3001', 'paid', 1, 'CO', '45', 50.00), ('H3001', 'paid', 1, 'PR', '1', 40.00),
			 ('H3001', 'paid', 2, 'CO', '45', 10.00), ('H3001', 'paid', 2, 'PR', '2', 10.00), ('H9999', 'paid', 1, 'CO', '45', 20.00))
	 a(claim_id, status, line_no, group_code, carc, amount)
JOIN by_hand.remittances r USING (claim_id, status);
INSERT INTO by_hand.adjustments (remittance_id, line_no, group_code, carc, amount)
SELECT r.remittance_id, l, 'CO', '45', x
FROM by_hand.remittances r, (VALUES ('2026-12-15'::date, 1, 60.50), ('2026-12-22', NULL, -60.50)) v(d, l, x)
WHERE r.claim_id = 'P2001' AND r.received_on = v.d AND (r.status = 'reversed' OR v.d = '2026-12-15');
INSERT INTO by_hand.adjustments (remittance_id, line_no, group_code, carc, amount)
SELECT remittance_id, 1, 'CO', '45', 30.50 FROM by_hand.remittances WHERE claim_id = 'P2001' AND paid_amount = 180.00;
SELECT (SELECT array_agg(o.outcome::text ORDER BY o.claim_id) FROM clinic.claim_outcomes o) =
	   (SELECT array_agg(o.outcome::text ORDER BY o.claim_id) FROM by_hand.claim_outcomes o) AS same_outcomes,
	   (SELECT array_agg(q.stats::text ORDER BY q.day, q.payer_id) FROM clinic.quality_by_day_payer q) =
	   (SELECT array_agg(q.stats::text ORDER BY q.day, q.payer_id) FROM by_hand.quality_by_day_payer q) AS same_stats;
SELECT claims, first_pass_acceptance_rate, denial_rate, denial_rate_dollars, days_to_payment_median, denied_dollars
FROM clinic.quality_by_day_payer ORDER BY day;
-- the denial views and the denial model read the file-filled ledger as any
SELECT carc, denials, denied_amount, category, owner FROM clinic.denials_by_reason;
SELECT * FROM train_denial_model('clinic');
SELECT payer_id, procedure, coalesce(modifiers, '(any)') AS modifiers, round(probability::numeric, 3) AS probability, lines FROM cleanclaim.denial_model
WHERE payer_id = 'RMH01' AND procedure IN ('99213', '99214') ORDER BY procedure, modifiers;
DELETE FROM cleanclaim.denial_model;	-- the model trained here, out of the way of the other tests

-- before the 271: the 270 asking for every member of the clinic's claims
-- (the segments one per line, to read)
SELECT replace(eligibility_requests('clinic', 'CLINIC', 'RMH01', 7,
	'{"1234567893": "Denver Family Practice", "1558598797": "Denver General Hospital"}', '2026-11-29 08:00'), '~', E'~\n');
-- its envelope counts right: an 835 reader finds no problem but its version
SELECT rule_id FROM validate_835(eligibility_requests('clinic', as_of => '2026-11-29 08:00'));
SELECT eligibility_requests('clinic', control_number => 0);
\echo :LAST_ERROR_SQLSTATE
SELECT eligibility_requests('nowhere');
\echo :LAST_ERROR_SQLSTATE

-- the 271: coverage for the three members, once
SELECT * FROM load_271('clinic', :'x271');
SELECT * FROM load_271('clinic', :'x271');
SELECT payer_id, member_id, checked_on, trace_number, status, plan, insurance_type, group_number, coverage_from, coverage_to,
	   last_name, rejections
FROM clinic.coverage ORDER BY member_id;
-- the eligibility rules read load_271's copy: P2001's patient lost her
-- coverage in October; every member of the claims is verified now (no 270)
SELECT member_id, status, coverage_to FROM cleanclaim.eligibility ORDER BY member_id;
SELECT d.claim_id, v.rule_id, v.severity, v.message
FROM clinic.claim_documents d, validate(d.claim, true) v
WHERE v.rule_id IN ('ELIGIBILITY_INACTIVE', 'ELIGIBILITY_UNKNOWN', 'PAYER_PLAN_MISMATCH') ORDER BY 1, 2;
SELECT eligibility_requests('clinic', as_of => '2026-12-01') IS NULL AS nothing_to_ask;

-- an 835 that does not balance still loads, with its issues
SELECT create_ledger('unbalanced');
SELECT * FROM record_837('unbalanced', :'x837');
SELECT claims_read, loaded, unmatched, unmatched_claims, jsonb_array_length(issues) AS issues,
	   issues->0->>'rule_id' AS rule_id, issues->0->>'segment_id' AS segment_id
FROM load_835('unbalanced', replace(:'x835', 'BPR*I*252.50', 'BPR*I*250.00'));

-- the answers before the claims: everything waits, then the 837 recorded
-- matches it all (the 835's lines on their claim lines, the 277CA's statuses
-- on the submissions)
SELECT create_ledger('late');
SELECT claims_read, loaded, unmatched FROM load_835('late', :'x835');
SELECT kind, acknowledgments, answered, unmatched, unmatched_keys FROM load_acknowledgments('late', :'x277');
SELECT claims_added, submissions_added FROM record_837('late', :'x837');
SELECT kind, match_key FROM late.unmatched ORDER BY 1, 2;
SELECT s.claim_id, r.status, r.source FROM late.responses r JOIN late.submissions s USING (submission_id) ORDER BY 1;
SELECT r.claim_id, count(*) AS lines, count(l.claim_line_no) AS on_claim_lines, count(DISTINCT r.submission_id) AS submissions
FROM late.remittances r JOIN late.remittance_lines l USING (remittance_id) GROUP BY 1 ORDER BY 1;
-- P2001 was rejected (277CA) on its only recorded submission, then paid: it
-- was sent again outside the ledger; the outcome counts it resubmitted
SELECT claim_id, submissions, first_response, first_adjudication, outcome::text AS outcome
FROM late.claim_outcomes WHERE claim_id = 'P2001';

-- underpaid_lines: the clinic's fee schedule; the corrected P2001 still
-- brought 20.00 less than its 200.00, H3001's visit too (160.00 paid and
-- 40.00 the patient's of 220.00); P1001 brought what it should
INSERT INTO clinic.fee_schedule (payer_id, procedure, amount) VALUES
	('RMH01', '99214', 105.00), ('RMH01', '36415', 15.00), ('RMH01', '99213', 90.00), ('RMH01', '73610', 200.00),
	('RMH01', '99284', 220.00), ('RMH01', '80053', 50.00);
SELECT claim_id, line_no, procedure, modifiers, paid_amount, patient_responsibility, received, expected_amount, shortfall,
	   computed, explaining_carc, modifier_changed_payment
FROM clinic.underpaid_lines ORDER BY claim_id, line_no;

-- the modifiers' rules, on a remittance entered by hand: 51 at 50% (paid
-- 40.00 of 50.00), 50 at 150% (paid as one side, with a CO-59), TC at 60%
-- when the schedule has no TC row (paid 100.00 of 120.00), 26 with a row of
-- its own (paid in full), a percent of the charge (paid 77.00 of 80.00);
-- near misses: 51 paid at its rate, a shortfall within the tolerance
INSERT INTO clinic.claims (claim_id, payer_id, member_id, service_from, total_charge, place_of_service)
VALUES ('S5001', 'RMH01', 'M1001', '2026-11-25', 1000.00, '11');
INSERT INTO clinic.fee_schedule (payer_id, procedure, modifier, amount, percent_of_charge) VALUES
	('RMH01', '20610', NULL, 100.00, NULL), ('RMH01', '20611', NULL, 100.00, NULL), ('RMH01', '69210', NULL, 60.00, NULL),
	('RMH01', '73620', NULL, 200.00, NULL), ('RMH01', '73620', '26', 40.00, NULL), ('RMH01', 'J3490', NULL, NULL, 0.80);
INSERT INTO clinic.remittances (claim_id, received_on, status, charge, paid_amount, payer_claim_number)
VALUES ('S5001', '2026-12-20', 'paid', 1000.00, 486.50, 'RMH-S5001');
INSERT INTO clinic.remittance_lines (remittance_id, line_no, procedure, modifiers, units, charge, paid_amount)
SELECT r.remittance_id, l.*
FROM clinic.remittances r,
	 (VALUES (1, '20610', '{51}'::text[], 1, 150.00, 50.00), (2, '20611', '{51}', 1, 150.00, 40.00),
			 (3, '69210', '{50}', 1, 150.00, 60.00), (4, '73620', '{TC}', 1, 250.00, 100.00),
			 (5, '73620', '{26}', 1, 100.00, 40.00), (6, 'J3490', '{}', 1, 100.00, 77.00),
			 (7, '99213', '{}', 1, 100.00, 89.50)) l
WHERE r.claim_id = 'S5001';
INSERT INTO clinic.adjustments (remittance_id, line_no, group_code, carc, amount)
SELECT remittance_id, 3, 'CO', '59', 90.00 FROM clinic.remittances WHERE claim_id = 'S5001';
SELECT line_no, procedure, modifiers, charge, paid_amount, expected_amount, shortfall, computed, explaining_carc,
	   modifier_changed_payment
FROM clinic.underpaid_lines WHERE claim_id = 'S5001' ORDER BY line_no;
-- a payer's own multiple-procedure rate (60%): line 1 is now short too
INSERT INTO clinic.payment_settings (payer_id, setting, value) VALUES ('RMH01', 'multiple_procedure_rate', 0.60);
SELECT line_no, expected_amount, shortfall, computed FROM clinic.underpaid_lines WHERE claim_id = 'S5001' AND '51' = ANY (modifiers) ORDER BY line_no;
SELECT * FROM payment_setting_defaults();

-- values the ledger's columns cannot hold: an 837 claim with a charge of
-- 10^14 and one with a birth date in a thirteenth month are not recorded
-- (the others are); an 835 with such an amount loads nothing and says where
SELECT create_ledger('odd');
SELECT claims_read, claims_added, submissions_added, not_recorded
FROM record_837('odd', replace(replace(:'x837', 'CLM*P1001*150.00', 'CLM*P1001*99999999999999'),
	E'DMG*D8*19700515*F~\nNM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~\nCLM*H3001',
	E'DMG*D8*19701315*F~\nNM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~\nCLM*H3001'));
SELECT claim_id, (SELECT count(*) FROM odd.claim_lines l WHERE l.claim_id = c.claim_id) AS lines FROM odd.claims c ORDER BY 1;
SELECT * FROM load_835('odd', replace(:'x835', 'CLP*P1002*4*90.00', 'CLP*P1002*4*9999999999999.99'));
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS remittances FROM odd.remittances;

-- upgrade_ledger on a ledger that has it all changes nothing
SELECT upgrade_ledger('clinic');
SELECT count(*) AS remittances FROM clinic.remittances;
SET client_min_messages = warning;
DROP SCHEMA clinic, by_hand, unbalanced, late, odd CASCADE;
DELETE FROM cleanclaim.eligibility;	-- load_271's copy for the rules
