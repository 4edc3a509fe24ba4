-- A claims ledger filled from X12 files only, as an office's files come and
-- go: the 837s it sent, the 999s and 277CAs the clearinghouse answered, the
-- 835s the payer paid with, the 271s of its eligibility checks.  Our own
-- files (test/fixtures/clinic.*: a week of a practice and a hospital, with
-- a rejection at the front end, a denial, a reversal and its correction, a
-- claim the office never sent), the same week generated for eleven more
-- weeks (claim ids and control numbers of their own, the 999 written by
-- ack_999), and the public 835 and 271 samples of ../shared/data/x12 (their
-- claims are not the office's: they wait as unmatched).  Then the metrics,
-- the denials and the eligibility, from those answers alone.
--   psql -v data_dir=../shared/data -f demo/ledger.sql   (from the repository's folder)
\pset pager off
\pset null ''
SET search_path = cleanclaim, public;
SET client_min_messages = warning;
\set x837 `cat test/fixtures/clinic.837`
\set x999 `cat test/fixtures/clinic.999`
\set x277 `cat test/fixtures/clinic.277ca`
\set x835 `cat test/fixtures/clinic.835`
\set x271 `cat test/fixtures/clinic.271`
SELECT create_ledger('office') \g /dev/null

-- week w (1 to 12): the clinic's files with claim ids, patient control
-- numbers, control numbers and dates of their own
CREATE TEMP TABLE weeks AS
SELECT w, 'W' || lpad(w::text, 2, '0') AS tag
FROM generate_series(1, 12) w;
-- every date of the file (CCYYMMDD, alone or in a range) moved by some days
CREATE FUNCTION pg_temp.shift_dates(x12 text, days int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	d text;
BEGIN
	FOR d IN SELECT DISTINCT m[1] FROM regexp_matches(x12, '(?:^|[*~-])(20[0-9]{6})(?=[*~-])', 'g') m LOOP
		x12 := regexp_replace(x12, '(^|[*~-])' || d || '(?=[*~-])', '\1' || to_char(to_date(d, 'YYYYMMDD') + days, 'YYYYMMDD'), 'g');
	END LOOP;
	RETURN x12;
END $$;
CREATE FUNCTION pg_temp.week_file(x12 text, tag text, w int) RETURNS text LANGUAGE sql AS $$
	-- claim ids (CLM01, CLP01, TRN*2 of a 277CA, REF*6R), GS06/GE02, traces, dates
	SELECT pg_temp.shift_dates(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
		x12, '(CLM\*|CLP\*|TRN\*2\*|REF\*6R\*)([PH][0-9]{4})', '\1' || tag || '\2', 'g'),
		'(GS\*[^~]*\*)([0-9]{2,3})(\*X\*)', '\1' || (w * 1000) || '\2\3', 'g'),
		'(GE\*[0-9]+\*)([0-9]{2,3})~', '\1' || (w * 1000) || '\2~', 'g'),
		'(TRN\*1\*EFT[0-9]+)', '\1' || tag, 'g'),
		'(AK1\*HC\*)([0-9]{2})', '\1' || (w * 1000) || '\2', 'g'), 7 * (w - 1)) $$;

\echo
\echo '== Twelve weeks of files into the ledger office (record_837, load_acknowledgments, load_835, load_271)'
SELECT w.tag AS week, r.claims_added AS claims_sent,
	   (SELECT a.rejected FROM load_acknowledgments('office', pg_temp.week_file(:'x999', w.tag, w.w)) a) AS rejected_999,
	   (SELECT a.rejected FROM load_acknowledgments('office', pg_temp.week_file(:'x277', w.tag, w.w)) a) AS rejected_277ca
FROM weeks w, LATERAL record_837('office', pg_temp.week_file(:'x837', w.tag, w.w)) r ORDER BY w.w;
-- the office fixes and resends what was rejected, four days later
INSERT INTO office.submissions (claim_id, submitted_on, frequency_code, channel)
SELECT b.claim_id, b.submitted_on + 4, '1', 'portal'
FROM office.submissions b JOIN office.responses r USING (submission_id) WHERE r.status = 'rejected';
SELECT w.tag AS week, l.claims_read AS claim_payments, l.loaded, l.unmatched, l.unmatched_claims
FROM weeks w, LATERAL load_835('office', pg_temp.week_file(:'x835', w.tag, w.w)) l ORDER BY w.w;
SELECT * FROM load_271('office', :'x271');

\echo
\echo '== The same week loaded again: nothing added'
SELECT l.claims_read, l.loaded, l.already_loaded FROM load_835('office', pg_temp.week_file(:'x835', 'W01', 1)) l;

SELECT :'data_dir' <> '' AS have_data \gset
\if :have_data
\echo
\echo '== The public 837P samples recorded as sent (record_837), and the public 835 samples: their claims are not those, so they wait in unmatched'
SELECT f AS file, r.claims_read, r.claims_added, r.submissions_added
FROM unnest(ARRAY['demo.example1.837', 'demo.cob.example4.837', 'demo.drug.example10.1.837']) f,
	 LATERAL record_837('office', pg_read_file(:'data_dir' || '/x12/linuxforhealth_x12/837_005010X222A2/' || f)) r;
SELECT f AS file, l.claims_read, l.loaded, l.unmatched, jsonb_array_length(l.issues) AS x12_issues
FROM unnest(ARRAY['managed-care', 'medicare-part-a', 'secondary-payment', 'tertiary-payment', 'cob-contractural-adjustment']) f,
	 LATERAL load_835('office', pg_read_file(:'data_dir' || '/x12/linuxforhealth_x12/835_005010X221A1/' || f || '.835')) l;
\endif
SELECT kind, count(*) AS waiting, min(received_on) AS oldest FROM office.unmatched GROUP BY kind;

\echo
\echo '== What the files say of each claim of the first week (claim_outcomes)'
SELECT claim_id, submissions, first_response, first_adjudication, denied_amount, paid_amount, days_to_payment
FROM office.claim_outcomes WHERE claim_id LIKE 'W01%' ORDER BY claim_id;

\echo
\echo '== The metrics, by payer, from the answers alone'
SELECT payer_id, claims(stats) AS claims, round(first_pass_acceptance_rate(stats)::numeric, 3) AS first_pass_acceptance,
	   round(denial_rate(stats)::numeric, 3) AS denial_rate, round(denial_rate_dollars(stats)::numeric, 3) AS denial_rate_dollars,
	   days_to_payment_median(stats) AS days_to_payment, denied_dollars(stats) AS denied
FROM (SELECT payer_id, merge(stats) AS stats FROM office.quality_by_day_payer GROUP BY payer_id) q;

\echo
\echo '== The denials, by reason, with their root cause and the team that prevents them'
SELECT carc, description, denials, denied_amount, root_cause, owner, prevention FROM office.denials_by_reason ORDER BY denied_amount DESC;

\echo
\echo '== The money: payments, provider adjustments, and what was paid per claim line'
SELECT trace_number, amount, method, paid_on FROM office.payments WHERE trace_number LIKE '%W01' ORDER BY trace_number;
SELECT r.claim_id, l.line_no, l.procedure, l.charge, l.allowed_amount, l.paid_amount
FROM office.remittance_lines l JOIN office.remittances r USING (remittance_id)
WHERE r.claim_id LIKE 'W01%' AND r.status <> 'reversed' ORDER BY r.remittance_id, l.line_no;
SELECT reason, count(*) AS adjustments, sum(amount) AS amount FROM office.provider_adjustments GROUP BY reason;

\echo
\echo '== Underpaid lines against the payer''s fee schedule (underpaid_lines)'
INSERT INTO office.fee_schedule (payer_id, procedure, amount) VALUES
	('RMH01', '99214', 105.00), ('RMH01', '36415', 15.00), ('RMH01', '99213', 90.00), ('RMH01', '73610', 200.00),
	('RMH01', '99284', 220.00), ('RMH01', '80053', 50.00);
SELECT claim_id, procedure, modifiers, expected_amount, received, shortfall, computed
FROM office.underpaid_lines WHERE claim_id LIKE 'W01%' ORDER BY claim_id, line_no;
SELECT count(*) AS underpaid_lines, sum(shortfall) AS shortfall FROM office.underpaid_lines;

\echo
\echo '== Eligibility on file (271)'
SELECT member_id, last_name, status, plan, coverage_from, coverage_to, rejections FROM office.coverage ORDER BY member_id;
\echo
\echo '== ... and what the eligibility rules make of the first week''s claims'
SELECT d.claim_id, v.rule_id, v.message FROM office.claim_documents d, validate(d.claim) v
WHERE d.claim_id LIKE 'W01%' AND v.category = 'eligibility' ORDER BY 1, 2;
DELETE FROM cleanclaim.eligibility WHERE payer_id = 'RMH01';	-- the demo's, out of the way of the next parts
