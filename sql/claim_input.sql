-- Bad input: whatever a claim looks like, validate() answers with clear
-- issues (FIELD_UNKNOWN, FIELD_INVALID, the rules' own) or a clear error
-- (22023 when the argument is not a claim at all), never a crash, an
-- unrelated error or a wrong answer.  No reference data is loaded here.
SET search_path = cleanclaim, public;
\set ON_ERROR_ROLLBACK on
BEGIN;

CREATE TEMP TABLE base_claim AS SELECT '{
  "claim_id": "C-300", "claim_type": "professional", "payer_id": "MCR01", "member_id": "M1001",
  "subscriber_last_name": "RIVERA", "subscriber_first_name": "ANA", "patient_relationship": "18",
  "patient_birth_date": "1970-05-15", "patient_sex": "F", "billing_npi": "1234567893",
  "billing_tax_id": "84-1234567", "billing_address": "1200 Maple Ave Ste 300", "billing_city": "Denver",
  "billing_state": "CO", "billing_zip": "802021234",
  "place_of_service": "11", "frequency_code": "1", "service_from": "2024-03-04", "service_to": "2024-03-04",
  "submitted_on": "2024-03-20", "total_charge": 150.00, "diagnoses": ["E11.9", "I10"],
  "lines": [
    {"line_no": 1, "procedure": "99213", "units": 1, "charge": 125.00, "service_date": "2024-03-04", "dx_pointers": [1, 2]},
    {"line_no": 2, "procedure": "85025", "units": 1, "charge": 25.00, "service_date": "2024-03-04", "dx_pointers": [1]}
  ]
}'::jsonb AS claim;
CREATE FUNCTION pg_temp.claim(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql
	AS $$ SELECT claim || patch FROM base_claim $$;
CREATE FUNCTION pg_temp.line(claim jsonb, n int, patch jsonb) RETURNS jsonb LANGUAGE sql
	AS $$ SELECT jsonb_set(claim, ARRAY['lines', (n - 1)::text], (claim->'lines'->(n - 1)) || patch) $$;

-- the base claim is complete and clean
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim());

-- ===== not a claim: 22023 =====
SELECT * FROM validate('[{"claim_id": "C-300"}]'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM validate('"C-300"'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM validate('42'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM validate('null'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT is_clean('[]'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT quality_score('true'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT issues('[]'::jsonb);
\echo :LAST_ERROR_SQLSTATE
-- a FHIR resource that is not a Claim
SELECT * FROM validate('{"resourceType": "Patient", "id": "p1"}'::jsonb);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM validate('{"resourceType": 5}'::jsonb);
\echo :LAST_ERROR_SQLSTATE
-- a FHIR Bundle without a Claim entry
SELECT * FROM validate('{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient"}}]}'::jsonb);
\echo :LAST_ERROR_SQLSTATE

-- ===== no claim, an empty claim =====
-- NULL: no rows (not a row of NULLs), and NULL from the scalar functions
SELECT count(*) FROM validate(NULL::jsonb);
SELECT count(*) FROM validate(NULL::jsonb, true);
SELECT issues(NULL::jsonb) IS NULL AS issues_null, is_clean(NULL::jsonb) IS NULL AS is_clean_null,
	   quality_score(NULL::jsonb) IS NULL AS score_null;
SELECT count(*) AS issues FROM (VALUES (NULL::jsonb), (pg_temp.claim('{"member_id": null}'))) c(claim), validate(c.claim) v;
-- report_unchecked NULL is false
SELECT count(*) FROM validate('{}'::jsonb, NULL);
-- an empty object: not clean, it lacks every element the 837 requires;
-- the other rules could not run, and say so on request
SELECT rule_id, severity, line_no, field, value, message FROM validate('{}'::jsonb);
SELECT is_clean('{}'::jsonb), quality_score('{}'::jsonb), issues('{}'::jsonb);
SELECT rule_id, severity, message FROM validate('{}'::jsonb, report_unchecked => true);

-- ===== fields of the wrong kind =====
-- a number where a date goes, an object where a list goes, lines as a string,
-- a boolean or a list where a text goes
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"service_from": 20240304, "diagnoses": {"1": "E11.9"}, "lines": "99213 x1",
							   "patient_sex": true, "member_id": ["M1001"], "claim_id": {"id": 7}, "billing_npi": [1234567893]}'));
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"lines": {"line_no": 1, "procedure": "99213"}}'));
-- lines that are not objects: the line keeps its place (line 2 is the text),
-- and nothing more is said of a line that is no line
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"total_charge": 125}') || jsonb_build_object('lines', jsonb_build_array(
	pg_temp.claim()->'lines'->0, 'a text', 42, jsonb_build_array('85025'), NULL)));
-- list items of the wrong kind
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"diagnoses": ["E11.9", {"code": "I10"}, ["I10"], true, 10]}'), 1,
						   '{"modifiers": ["25", {"code": "59"}, false], "dx_pointers": [1, [2], {"n": 1}]}'));
-- line fields of the wrong kind
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"service_date": "04/03/2024", "units": "1 unit", "charge": {"amount": 25},
												  "modifiers": 59, "dx_pointers": {"first": 1}, "line_no": "two"}'));
-- numbers no double holds, line numbers below 1 or not whole, dates that do not exist
SELECT rule_id, severity, line_no, field, left(value, 12) AS value, left(message, 80) AS message
FROM validate(pg_temp.line(pg_temp.line(pg_temp.claim('{"total_charge": 1e400, "patient_birth_date": "1970-02-29"}'), 1, '{"units": -1e-400, "line_no": 0}'),
						   2, '{"line_no": 2.5, "service_date": "2024-04-31"}'));
-- numbers and codes given as JSON numbers are read as their text; text that
-- reads as a number is a number
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"billing_npi": 1234567893, "place_of_service": 11, "frequency_code": 1, "total_charge": "150.00"}'),
						   2, '{"procedure": 85025, "units": "1", "charge": " 25 ", "modifiers": [59]}'));

-- ===== unknown and misspelled fields =====
-- claim level and line level, with the field each most resembles when it
-- looks misspelled; a misspelled field is also absent, so its rules do not run
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"biling_npi": "1234567893", "Payer_ID": "MCR01", "diagnosis": ["E11.9"], "dos": "2024-03-04"}'),
						   1, '{"proceedure": "99213", "modifier": ["25"], "ndc_unit": 1, "rendering_provider": "1558598797"}'))
WHERE rule_id = 'FIELD_UNKNOWN';
SELECT rule_id, severity, message
FROM validate(pg_temp.claim('{"biling_npi": "1234567893"}') - 'billing_npi', report_unchecked => true)
WHERE rule_id IN ('FIELD_UNKNOWN', 'NPI_BILLING_INVALID');
-- a flood of unknown fields is cut short at 100 input problems
SELECT count(*) AS reported, min(field), max(field)
FROM validate(pg_temp.claim((SELECT jsonb_object_agg('x_field_' || lpad(i::text, 3, '0'), i) FROM generate_series(1, 150) i)));

-- ===== very large claims: issues, in reasonable time =====
CREATE TEMP TABLE started AS SELECT clock_timestamp() AS at;
-- 2,000 lines: too many for the form, and too many for the pairwise checks,
-- which say so on request
SELECT rule_id, severity, count(*), min(line_no), max(line_no), min(message)
FROM validate(pg_temp.claim() || jsonb_build_object('total_charge', 2000 * 25, 'lines',
	(SELECT jsonb_agg(jsonb_build_object('line_no', i, 'procedure', '85025', 'units', 1, 'charge', 25,
										 'service_date', '2024-03-04', 'dx_pointers', '[1]'::jsonb) ORDER BY i)
	 FROM generate_series(1, 2000) i)), report_unchecked => true)
GROUP BY rule_id, severity ORDER BY rule_id;
-- 999 identical lines: each repeat once, against the first
SELECT rule_id, severity, count(*), min(line_no), max(line_no), min(message)
FROM validate(pg_temp.claim() || jsonb_build_object('total_charge', 999 * 25, 'lines',
	(SELECT jsonb_agg(jsonb_build_object('line_no', i, 'procedure', '85025', 'units', 1, 'charge', 25,
										 'service_date', '2024-03-04', 'dx_pointers', '[1]'::jsonb) ORDER BY i)
	 FROM generate_series(1, 999) i)))
GROUP BY rule_id, severity ORDER BY rule_id;
-- 500 diagnoses: too many, and each repeat reported once
SELECT rule_id, severity, count(*), min(message)
FROM validate(pg_temp.claim(jsonb_build_object('diagnoses',
	(SELECT jsonb_agg(CASE WHEN i % 2 = 1 THEN 'E11.9' ELSE 'I10' END ORDER BY i) FROM generate_series(1, 500) i))))
GROUP BY rule_id, severity ORDER BY rule_id;
-- 500 diagnoses that are not codes
SELECT rule_id, severity, count(*), min(value), max(value)
FROM validate(pg_temp.claim(jsonb_build_object('diagnoses',
	(SELECT jsonb_agg(i::text ORDER BY i) FROM generate_series(1, 500) i))))
GROUP BY rule_id, severity ORDER BY rule_id;
SELECT clock_timestamp() - at < interval '10 seconds' AS in_reasonable_time FROM started;

-- The rows and FHIR fragments below are partial on purpose: they show how
-- input of the wrong shape is read, so the elements they lack are left
-- unreported (CLAIM_INCOMPLETE off, as for partial extracts).
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('CLAIM_INCOMPLETE', false, 'partial claims on purpose');

-- ===== claims as rows =====
-- columns named like the contract are read; others are the table's own
-- business, unless they look like a misspelled field; wrong column types
CREATE TEMP TABLE claim_rows (claim_id text, billing_np text, payer_id text, patient_birth_date text,
							  diagnoses text, total_charge numeric, lines claim_line[], my_column int);
INSERT INTO claim_rows VALUES
	('R-1', '1234567893', 'MCR01', '1970-02-30', 'E11.9,I10', 1e400,
	 ARRAY[ROW(1, '99213', NULL, 1, 125, '2024-03-04', '{1}', NULL, NULL, NULL, '11', NULL)::claim_line, NULL], 7);
SELECT v.rule_id, v.severity, v.line_no, v.field, left(v.value, 20) AS value, left(v.message, 90) AS message
FROM claim_rows r, validate(r) v WHERE v.rule_id <> 'TIMELY_FILING_EXPIRED';
-- lines held in a text column are not lines (jsonb or claim_line[] are)
CREATE TEMP TABLE claim_rows2 (claim_id text, lines text, diagnoses icd10cm[]);
INSERT INTO claim_rows2 VALUES ('R-2', '[{"procedure": "99213"}]', '{E11.9}');
SELECT v.rule_id, v.line_no, v.field, v.message FROM claim_rows2 r, validate(r) v;
-- a record without one contract column: nothing to check, and it says so on request
SELECT count(*) FROM validate(ROW('C-1', 150));
SELECT count(*) FROM validate(ROW('C-1', 150), true);
-- timestamps are dates, whatever DateStyle says
CREATE TEMP TABLE claim_rows3 (claim_id text, service_from timestamp, service_to timestamptz, lines jsonb);
INSERT INTO claim_rows3 VALUES ('R-3', '2024-03-04 10:30', '2024-03-04 10:30+00', '[{"procedure": "99213", "service_date": "2024-03-04"}]'),
							   ('R-4', 'infinity', '2024-03-04 10:30+00', '[{"procedure": "99213", "service_date": "2024-03-04"}]');
SET LOCAL DateStyle = 'Postgres, DMY';
SELECT r.claim_id, v.rule_id, v.field, v.value, v.message FROM claim_rows3 r, validate(r) v WHERE v.rule_id <> 'TIMELY_FILING_EXPIRED';

-- ===== FHIR claims that are not well formed =====
-- items that are not objects, an item element that is not a list,
-- sequence numbers that are not whole numbers, unknown elements
SELECT rule_id, severity, line_no, field, value, message
FROM validate('{"resourceType": "Claim", "item": [1, [2], {"sequence": 3, "productOrService": {"coding": [{"code": "85025"}]}, "quantity": {"value": 1}}]}'::jsonb);
SELECT rule_id, severity, line_no, field, value, message
FROM validate('{"resourceType": "Claim", "item": {"sequence": 1}, "diagnosis": [{"sequence": 1.5, "diagnosisCodeableConcept": {"coding": [{"code": "E11.9"}]}}]}'::jsonb);
SELECT rule_id, severity, line_no, field, value, message
FROM validate('{"resourceType": "Claim", "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"code": "E11.9"}]}}],
				"item": [{"sequence": 1, "productOrService": {"coding": [{"code": "99213"}]}, "diagnosisSequence": [1e20, 0.5, 0, 2],
						  "quantitty": {"value": 1}}], "billablePeriods": {}}'::jsonb);

ROLLBACK;
