-- The rule engine, rule by rule: for every rule of the catalog a claim that
-- fires it and a near miss that does not, on small hand-written reference
-- data.  Every claim is the clean base claim with one thing changed, so this
-- file reads as a catalogue of the engine's messages.  Dates are fixed (the
-- claims give submitted_on); the few checks against today build their dates
-- from current_date and show only the stable parts.
SET search_path = cleanclaim, public;
BEGIN;

-- The base claim: a Medicare office visit with a blood count, filed 16 days
-- after the visit, with every element the 837P requires.
CREATE TEMP TABLE base_claim AS SELECT '{
  "claim_id": "C-100",
  "claim_type": "professional",
  "payer_id": "MCR01",
  "member_id": "M1001",
  "subscriber_last_name": "RIVERA",
  "subscriber_first_name": "ANA",
  "patient_relationship": "18",
  "patient_birth_date": "1970-05-15",
  "patient_sex": "F",
  "billing_npi": "1234567893",
  "billing_tax_id": "84-1234567",
  "billing_taxonomy": "207Q00000X",
  "billing_address": "1200 Maple Ave Ste 300",
  "billing_city": "Denver",
  "billing_state": "CO",
  "billing_zip": "80202-1234",
  "rendering_npi": "1558598797",
  "referring_npi": "1245319599",
  "place_of_service": "11",
  "frequency_code": "1",
  "original_claim_id": null,
  "prior_auth": null,
  "service_from": "2024-03-04",
  "service_to": "2024-03-04",
  "submitted_on": "2024-03-20",
  "total_charge": 150.00,
  "diagnoses": ["E11.9", "I10"],
  "lines": [
    {"line_no": 1, "procedure": "99213", "modifiers": [], "units": 1, "charge": 125.00,
     "service_date": "2024-03-04", "dx_pointers": [1, 2]},
    {"line_no": 2, "procedure": "85025", "modifiers": [], "units": 1, "charge": 25.00,
     "service_date": "2024-03-04", "dx_pointers": [1]}
  ]
}'::jsonb AS claim;

-- the base claim with some header fields replaced
CREATE FUNCTION pg_temp.claim(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql
	AS $$ SELECT claim || patch FROM base_claim $$;
-- a claim with fields of its line n replaced
CREATE FUNCTION pg_temp.line(claim jsonb, n int, patch jsonb) RETURNS jsonb LANGUAGE sql
	AS $$ SELECT jsonb_set(claim, ARRAY['lines', (n - 1)::text], (claim->'lines'->(n - 1)) || patch) $$;
-- the base claim with header fields replaced and these lines, each over a
-- default line (1 unit, 100.00, 2024-03-04, pointing to diagnosis 1),
-- numbered in order; the total is their sum
CREATE FUNCTION pg_temp.lines(header jsonb, VARIADIC lines jsonb[]) RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.claim(header) || jsonb_build_object('lines', jsonb_agg(l ORDER BY n),
													   'total_charge', sum((l->>'charge')::numeric))
	FROM unnest(lines) WITH ORDINALITY u(p, n),
		 LATERAL (SELECT jsonb_build_object('line_no', n, 'units', 1, 'charge', 100, 'service_date', '2024-03-04',
											'dx_pointers', '[1]'::jsonb) || p) x(l) $$;
-- a claim moved to date d: header period and every line
CREATE FUNCTION pg_temp.dated(claim jsonb, d date) RETURNS jsonb LANGUAGE sql AS $$
	SELECT claim || jsonb_build_object('service_from', d, 'service_to', d, 'lines',
		(SELECT jsonb_agg(l || jsonb_build_object('service_date', d) ORDER BY n)
		 FROM jsonb_array_elements(claim->'lines') WITH ORDINALITY e(l, n))) $$;
-- the base claim as an inpatient stay (837I): a hospital admission from the
-- emergency room, March 1 to 4, discharged home; its lines carry revenue
-- codes (a room day has no procedure code)
CREATE FUNCTION pg_temp.inpatient(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.claim('{"claim_type": "institutional", "type_of_bill": "0111", "attending_npi": "1558598797",
						   "admission_date": "2024-03-01", "admission_type": "1", "admission_source": "2",
						   "discharge_status": "01", "service_from": "2024-03-01", "service_to": "2024-03-04",
						   "icd10pcs_procedures": ["0SRC0JZ"], "total_charge": 2150.00,
						   "lines": [{"line_no": 1, "revenue_code": "0120", "units": 3, "charge": 1800.00},
									 {"line_no": 2, "revenue_code": "0450", "procedure": "99213", "units": 1, "charge": 300.00,
									  "service_date": "2024-03-01"},
									 {"line_no": 3, "revenue_code": "0300", "procedure": "85025", "units": 1, "charge": 50.00,
									  "service_date": "2024-03-01"}]}'::jsonb
						 || '{"place_of_service": null, "frequency_code": null}') - 'place_of_service' - 'frequency_code' || patch $$;

-- dates replaced by YYYY-MM-DD, for text that depends on today
CREATE FUNCTION pg_temp.undated(t text) RETURNS text LANGUAGE sql
	AS $$ SELECT regexp_replace(t, '\d{4}-\d\d-\d\d', 'YYYY-MM-DD', 'g') $$;

-- The catalog: 58 validation rules and 5 audit rules in the order of the README's table, with defaults.
SELECT rule_id, category, default_severity, owner, enabled_by_default, default_weight, needs_data
FROM rule_catalog();

-- With the reference tables empty, the base claim has no issue; on request
-- the engine lists the rules that could not run and why.
SELECT count(*) AS issues FROM validate(pg_temp.claim());
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim(), report_unchecked => true);

-- Reference fixtures, hand-written.  They are inserted inside this
-- transaction: the per-backend cache must see them at once.
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES
	('MCR01', 'Medicare test carrier', 'medicare', 365),
	('COMM1', 'Commercial test plan', 'commercial', 90),
	('NOLIM', 'Plan without a filing limit on file', 'other', NULL);
INSERT INTO icd10cm_codes (code, billable, description, valid_from, valid_to) VALUES
	('E11',      false, 'Type 2 diabetes (category header)', '2015-10-01', NULL),
	('E11.9',    true,  'Type 2 diabetes, no complications', '2015-10-01', NULL),
	('I10',      true,  'Primary hypertension', '2015-10-01', NULL),
	('M17.10',   true,  'Knee osteoarthritis, primary, unspecified knee', '2015-10-01', NULL),
	('M17.11',   true,  'Knee osteoarthritis, primary, right knee', '2015-10-01', NULL),
	('M17.12',   true,  'Knee osteoarthritis, primary, left knee', '2015-10-01', NULL),
	('J45.909',  true,  'Asthma, unspecified, uncomplicated', '2015-10-01', NULL),
	('U07.1',    true,  'COVID-19 disease', '2020-04-01', NULL),
	('W01.0XXA', true,  'Slip and fall on same level, first encounter', '2015-10-01', NULL),
	('G63',      true,  'Polyneuropathy in a disease classified elsewhere', '2015-10-01', NULL),
	('Z37.0',    true,  'Outcome of delivery: one liveborn', '2015-10-01', NULL),
	('Z38.00',   true,  'Liveborn single infant, hospital, vaginal birth', '2015-10-01', NULL),
	('Z00.129',  true,  'Child health check, no abnormal findings', '2015-10-01', NULL),
	('Z00.00',   true,  'Adult general check-up, no abnormal findings', '2015-10-01', NULL),
	('O80',      true,  'Full-term uncomplicated delivery', '2015-10-01', NULL),
	('N40.0',    true,  'Enlarged prostate without urinary symptoms', '2015-10-01', NULL);
INSERT INTO mce_edits (code, edit) VALUES
	('Z38.00', 'newborn'), ('Z00.129', 'pediatric'), ('O80', 'maternity'), ('Z00.00', 'adult'),
	('O80', 'female'), ('N40.0', 'male'), ('G63', 'manifestation'), ('Z37.0', 'unacceptable_principal');
INSERT INTO hcpcs_codes (code, description, valid_from, valid_to) VALUES
	('99201', 'Office visit, new patient, level 1 (deleted)', '2000-01-01', '2020-12-31'),
	('99213', 'Office visit, established patient, level 3', '2000-01-01', NULL),
	('99214', 'Office visit, established patient, level 4', '2000-01-01', NULL),
	('85025', 'Blood count, complete, automated', '2000-01-01', NULL),
	('20610', 'Large joint aspiration or injection', '2000-01-01', NULL),
	('27447', 'Knee replacement, total', '2000-01-01', NULL),
	('97110', 'Therapeutic exercise, each 15 minutes', '2000-01-01', NULL),
	('97140', 'Manual therapy, each 15 minutes', '2000-01-01', NULL),
	('97530', 'Therapeutic activities, each 15 minutes', '2000-01-01', NULL),
	('36415', 'Venous blood draw', '2000-01-01', NULL),
	('J1100', 'Dexamethasone injection, 1 mg', '2000-01-01', NULL);
-- the CPT modifiers (25, 26, 50, 59, 76, ...) are those the extension ships;
-- the Level II modifiers come from the ANWEB file, here a few by hand
INSERT INTO modifiers (modifier, description) VALUES
	('LT', 'Left side'), ('RT', 'Right side'), ('TC', 'Technical part'), ('XS', 'Separate structure');
INSERT INTO place_of_service (code, name, valid_from) VALUES
	('02', 'Telehealth, not at home', '2017-01-01'),
	('11', 'Office', '1900-01-01'),
	('22', 'Hospital outpatient, on campus', '1900-01-01');
INSERT INTO type_of_bill_codes (code, description) VALUES
	('111', 'Hospital inpatient, admit through discharge'), ('112', 'Hospital inpatient, interim, first claim'),
	('117', 'Hospital inpatient, replacement'), ('131', 'Hospital outpatient, admit through discharge'),
	('141', 'Hospital, non-patient specimens'), ('321', 'Home health, admit through discharge');
INSERT INTO revenue_codes (code, description) VALUES
	('0120', 'Room and board, semi-private'), ('0300', 'Laboratory'), ('0450', 'Emergency room'), ('0510', 'Clinic');
INSERT INTO ncci_ptp (column1, column2, modifier_indicator, valid_from) VALUES
	('27447', '20610', 0, '2010-01-01'),
	('97530', '97140', 1, '2010-01-01'),
	('99213', '85025', 9, '2010-01-01');
INSERT INTO mue (code, max_units, adjudication_indicator, valid_from) VALUES
	('97110', 4, 1, '2010-01-01'),
	('20610', 2, 2, '2010-01-01'),
	('36415', 1, 3, '2010-01-01');
INSERT INTO auth_requirements (payer_id, procedure) VALUES ('COMM1', '27447'), ('COMM1', '20610');
INSERT INTO authorizations (auth_number, payer_id, member_id, procedure, units_authorized, units_used, valid_from, valid_to)
VALUES ('PA-5001', 'COMM1', 'M1001', '27447', 1, 0, '2024-03-01', '2024-03-31');

-- The base claim is clean, and every rule could run on it.
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim(), report_unchecked => true);

-- ===== input =====

-- FIELD_UNKNOWN: a field the contract does not know, with the closest known
-- name when it looks misspelled, at claim and line level
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"patient_birthdate": "1970-05-15", "payer": "MCR01", "x_source": "emr"}')) WHERE rule_id = 'FIELD_UNKNOWN';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"proceedure": "85025", "untis": 1}')) WHERE rule_id = 'FIELD_UNKNOWN';
-- near miss: known fields, even null ones
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"referring_npi": null, "prior_auth": ""}')) WHERE rule_id = 'FIELD_UNKNOWN';

-- FIELD_INVALID: a value that cannot be read as its field's kind
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"service_to": "03/04/2024", "submitted_on": "2024-02-30", "total_charge": "150,00", "claim_type": "dental"}'))
WHERE rule_id = 'FIELD_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim(), 1, '{"units": "one", "modifiers": {"first": "25"}, "line_no": 0}')) WHERE rule_id = 'FIELD_INVALID';
-- near miss: the other accepted forms (YYYYMMDD, a date with a time, numbers as text, upper case type)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"service_to": "20240304", "submitted_on": "2024-03-20T09:30:00", "total_charge": "150.00", "claim_type": "PROFESSIONAL"}'))
WHERE rule_id = 'FIELD_INVALID';

-- ===== provider and payer (billing) =====

-- NPI_BILLING_INVALID: wrong check digit, wrong first digit, wrong length; a
-- missing NPI is CLAIM_INCOMPLETE's to report, once (its section below shows
-- the rules that report their field missing when it is off)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"billing_npi": null}')) WHERE rule_id IN ('NPI_BILLING_INVALID', 'CLAIM_INCOMPLETE');
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"billing_npi": "1234567890"}')) WHERE rule_id = 'NPI_BILLING_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"billing_npi": "3234567893"}')) WHERE rule_id = 'NPI_BILLING_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"billing_npi": "123456789"}')) WHERE rule_id = 'NPI_BILLING_INVALID';
-- near miss: another valid NPI, with white space around it
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"billing_npi": " 1245319599 "}')) WHERE rule_id = 'NPI_BILLING_INVALID';

-- NPI_RENDERING_INVALID: rendering or referring NPI, header or line, present but invalid
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"rendering_npi": "1558598798", "referring_npi": "12455"}'), 2, '{"rendering_npi": "2000000001"}'))
WHERE rule_id = 'NPI_RENDERING_INVALID';
-- near miss: no referring provider (null), and a valid line NPI
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"referring_npi": null}'), 2, '{"rendering_npi": "2000000002"}'))
WHERE rule_id = 'NPI_RENDERING_INVALID';

-- PAYER_UNKNOWN: not in cleanclaim.payers (missing: CLAIM_INCOMPLETE)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"payer_id": "MCR99"}')) WHERE rule_id = 'PAYER_UNKNOWN';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"payer_id": ""}')) WHERE rule_id IN ('PAYER_UNKNOWN', 'CLAIM_INCOMPLETE');
-- near miss: another payer of the table
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"payer_id": "COMM1"}')) WHERE rule_id = 'PAYER_UNKNOWN';

-- MEMBER_ID_MISSING: null or blank, reported by CLAIM_INCOMPLETE when it is on
-- (the default), by MEMBER_ID_MISSING for partial extracts (it off)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"member_id": null}')) WHERE rule_id IN ('MEMBER_ID_MISSING', 'CLAIM_INCOMPLETE');
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('CLAIM_INCOMPLETE', false, 'a partial extract');
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"member_id": null}')) WHERE rule_id IN ('MEMBER_ID_MISSING', 'CLAIM_INCOMPLETE');
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"member_id": "  "}')) WHERE rule_id IN ('MEMBER_ID_MISSING', 'CLAIM_INCOMPLETE');
DELETE FROM rule_settings;
-- near miss: any member id
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"member_id": "0"}')) WHERE rule_id = 'MEMBER_ID_MISSING';

-- TIMELY_FILING_EXPIRED: one day past the payer's limit (Medicare 365 days,
-- the commercial plan 90), and the default 365 for a payer with none
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"submitted_on": "2025-03-05"}')) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"payer_id": "COMM1", "submitted_on": "2024-06-03"}')) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"payer_id": "NOLIM", "submitted_on": "2025-03-06"}')) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
-- not submitted yet: counted to today (an error past the limit, a warning within 14 days of it)
SELECT rule_id, severity, line_no, field, pg_temp.undated(value) AS value,
	   regexp_replace(pg_temp.undated(message), '\d+ days past', 'N days past') AS message
FROM validate(pg_temp.claim() - 'submitted_on') WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, line_no, field, pg_temp.undated(value) AS value, pg_temp.undated(message) AS message
FROM validate(pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date - 355)) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
-- near misses: submitted on the last day; 15 days left; submitted within 14 days of the limit
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"submitted_on": "2025-03-04"}')) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"payer_id": "COMM1", "submitted_on": "2024-06-02"}')) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date - 350)) WHERE rule_id = 'TIMELY_FILING_EXPIRED';

-- FREQUENCY_REF_MISSING: replacement or void without the original claim, an
-- original naming one, a code that is no frequency
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"frequency_code": "7"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"frequency_code": "8"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"original_claim_id": "ICN-2024-0001"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"frequency_code": "R"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"frequency_code": "137"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
-- near miss: a replacement naming the original, a type of bill ending in 1
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"frequency_code": "7", "original_claim_id": "ICN-2024-0001"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"frequency_code": "131"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';

-- CHARGE_TOTAL_MISMATCH: the total is not the sum of the lines
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"total_charge": 160}')) WHERE rule_id = 'CHARGE_TOTAL_MISMATCH';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"total_charge": 149.99}')) WHERE rule_id = 'CHARGE_TOTAL_MISMATCH';
-- near miss: within the half-cent tolerance, or written as text
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"total_charge": 150.004}')) WHERE rule_id = 'CHARGE_TOTAL_MISMATCH';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"total_charge": "150"}')) WHERE rule_id = 'CHARGE_TOTAL_MISMATCH';

-- CHARGE_NOT_POSITIVE: a zero or negative line, a negative total, a missing charge or total
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"total_charge": 125}'), 2, '{"charge": 0}')) WHERE rule_id = 'CHARGE_NOT_POSITIVE';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.line(pg_temp.claim('{"total_charge": -150}'), 1, '{"charge": -125}'), 2, '{"charge": -25}'))
WHERE rule_id = 'CHARGE_NOT_POSITIVE';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"total_charge": null}'), 2, '{"charge": null}')) WHERE rule_id IN ('CHARGE_NOT_POSITIVE', 'CLAIM_INCOMPLETE');
-- near miss: a cent
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"total_charge": 125.01}'), 2, '{"charge": 0.01}')) WHERE rule_id = 'CHARGE_NOT_POSITIVE';

-- AUTH_MISSING: the commercial plan authorizes knee replacements in advance
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"]}', '{"procedure": "27447", "modifiers": ["RT"], "charge": 2500}'))
WHERE rule_id = 'AUTH_MISSING';
-- near misses: with the authorization; the same line for Medicare, which has no such requirement
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001"}', '{"procedure": "27447", "modifiers": ["RT"], "charge": 2500}'))
WHERE rule_id LIKE 'AUTH%';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "27447", "modifiers": ["RT"], "charge": 2500}'))
WHERE rule_id LIKE 'AUTH%';

-- AUTH_MISMATCH: not on file, for another member, outside its dates, too
-- many units, or for another procedure that needs one
CREATE TEMP TABLE knee AS
SELECT pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001"}',
					 '{"procedure": "27447", "modifiers": ["RT"], "charge": 2500}') AS claim;
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT claim || '{"prior_auth": "PA-9999"}' FROM knee)) WHERE rule_id = 'AUTH_MISMATCH';
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT claim || '{"member_id": "M2002"}' FROM knee)) WHERE rule_id = 'AUTH_MISMATCH';
SELECT rule_id, severity, line_no, field, value, message
FROM validate((SELECT pg_temp.dated(claim, '2024-04-02') || '{"submitted_on": "2024-04-10"}' FROM knee)) WHERE rule_id = 'AUTH_MISMATCH';
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT pg_temp.line(claim, 1, '{"units": 2}') FROM knee)) WHERE rule_id = 'AUTH_MISMATCH';
SELECT rule_id, severity, line_no, field, value, message
FROM validate((SELECT pg_temp.line(claim, 1, '{"procedure": "20610"}') FROM knee)) WHERE rule_id = 'AUTH_MISMATCH';
-- near miss: the authorization covers the line (member, dates, procedure, units)
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT claim FROM knee)) WHERE rule_id = 'AUTH_MISMATCH';

-- LINES_TOO_MANY: 51 lines on a professional claim
CREATE TEMP TABLE many_lines AS
SELECT n, pg_temp.lines('{}', VARIADIC array_agg(jsonb_build_object('procedure', '85025', 'modifiers', jsonb_build_array('76'), 'charge', 1))) AS claim
FROM (VALUES (50), (51)) v(n), generate_series(1, n) GROUP BY n;
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT claim FROM many_lines WHERE n = 51)) WHERE rule_id = 'LINES_TOO_MANY';
-- near misses: 50 lines; 51 on an institutional claim (450 allowed)
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT claim FROM many_lines WHERE n = 50)) WHERE rule_id = 'LINES_TOO_MANY';
SELECT rule_id, severity, line_no, field, value, message
FROM validate((SELECT claim || '{"claim_type": "institutional"}' FROM many_lines WHERE n = 51)) WHERE rule_id = 'LINES_TOO_MANY';

-- ===== patient and dates (front office) =====

-- PATIENT_BIRTH_DATE_INVALID: missing (with CLAIM_INCOMPLETE off; on, it names
-- the field), after the date of service, in the future
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_birth_date": null}')) WHERE rule_id IN ('PATIENT_BIRTH_DATE_INVALID', 'CLAIM_INCOMPLETE');
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('CLAIM_INCOMPLETE', false, 'a partial extract');
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_birth_date": null}')) WHERE rule_id IN ('PATIENT_BIRTH_DATE_INVALID', 'CLAIM_INCOMPLETE');
DELETE FROM rule_settings;
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_birth_date": "2024-03-05"}')) WHERE rule_id = 'PATIENT_BIRTH_DATE_INVALID';
SELECT rule_id, severity, line_no, field, pg_temp.undated(value) AS value, pg_temp.undated(message) AS message
FROM validate(pg_temp.claim(jsonb_build_object('patient_birth_date', current_date + 1))) WHERE rule_id = 'PATIENT_BIRTH_DATE_INVALID';
-- near miss: born on the day of service
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_birth_date": "2024-03-04"}')) WHERE rule_id = 'PATIENT_BIRTH_DATE_INVALID';

-- PATIENT_SEX_INVALID: not M, F or U, or missing
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_sex": "X"}')) WHERE rule_id = 'PATIENT_SEX_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_sex": "female"}')) WHERE rule_id = 'PATIENT_SEX_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_sex": ""}')) WHERE rule_id IN ('PATIENT_SEX_INVALID', 'CLAIM_INCOMPLETE');
-- near miss: lower case u
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"patient_sex": "u"}')) WHERE rule_id = 'PATIENT_SEX_INVALID';

-- SERVICE_DATES_INVALID: from after to (its lines then fall outside too), a
-- line outside the period, before ICD-10, in the future; a professional
-- claim whose lines are dated needs no service_from (an institutional
-- claim does: CLAIM_INCOMPLETE)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"service_from": "2024-03-05"}')) WHERE rule_id = 'SERVICE_DATES_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"service_from": null}')) WHERE rule_id IN ('SERVICE_DATES_INVALID', 'CLAIM_INCOMPLETE');
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"service_to": "2024-03-06"}'), 2, '{"service_date": "2024-03-07"}')) WHERE rule_id = 'SERVICE_DATES_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.claim('{"submitted_on": "2015-10-05"}'), '2015-09-30')) WHERE rule_id = 'SERVICE_DATES_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"submitted_on": "2015-10-05"}') - 'service_from' - 'service_to', 1, '{"service_date": "2015-09-30"}'))
WHERE rule_id = 'SERVICE_DATES_INVALID';
SELECT rule_id, severity, line_no, field, pg_temp.undated(value) AS value, pg_temp.undated(message) AS message
FROM validate(pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date + 3)) WHERE rule_id = 'SERVICE_DATES_INVALID';
-- near misses: a line inside a three-day period; the first day of ICD-10; today
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim('{"service_to": "2024-03-06"}'), 2, '{"service_date": "2024-03-06"}')) WHERE rule_id = 'SERVICE_DATES_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.claim('{"submitted_on": "2015-10-05"}'), '2015-10-01')) WHERE rule_id = 'SERVICE_DATES_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date)) WHERE rule_id = 'SERVICE_DATES_INVALID';

-- ===== diagnoses (coding) =====

-- DX_MISSING: an empty list or null (a line pointing to diagnosis 1 then
-- points nowhere too), reported by CLAIM_INCOMPLETE, or with it off by DX_MISSING
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": []}')) WHERE rule_id LIKE 'DX_%' OR rule_id = 'CLAIM_INCOMPLETE';
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('CLAIM_INCOMPLETE', false, 'a partial extract');
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": []}')) WHERE rule_id LIKE 'DX_%' OR rule_id = 'CLAIM_INCOMPLETE';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": null}')) WHERE rule_id = 'DX_MISSING';
DELETE FROM rule_settings;
-- near miss: one diagnosis
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11.9"]}')) WHERE rule_id = 'DX_MISSING';

-- DX_TOO_MANY: 13 on a professional claim
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "I10", "M17.11", "M17.12", "J45.909", "U07.1", "G63", "Z00.00", "N40.0", "O80", "Z38.00", "Z37.0", "E11"]}'))
WHERE rule_id = 'DX_TOO_MANY';
-- near misses: 12; 13 on an institutional claim (25 allowed)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "I10", "M17.11", "M17.12", "J45.909", "U07.1", "G63", "Z00.00", "N40.0", "O80", "Z38.00", "Z37.0"]}'))
WHERE rule_id = 'DX_TOO_MANY';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"claim_type": "institutional", "diagnoses": ["E11.9", "I10", "M17.11", "M17.12", "J45.909", "U07.1", "G63", "Z00.00", "N40.0", "O80", "Z38.00", "Z37.0", "E11"]}'))
WHERE rule_id = 'DX_TOO_MANY';

-- DX_INVALID: not in the code set, not yet valid on the date of service, not
-- an ICD-10-CM code at all (an ICD-9 code), empty
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "Q99.9", "250.00", "", null]}')) WHERE rule_id = 'DX_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.claim('{"diagnoses": ["E11.9", "U07.1"], "submitted_on": "2019-06-10"}'), '2019-06-03')) WHERE rule_id = 'DX_INVALID';
-- near miss: the same code after it came into the code set; codes without the dot or in lower case
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["U071", "e11.9", "i10"]}')) WHERE rule_id = 'DX_INVALID';

-- DX_NOT_BILLABLE: a category header
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11", "I10"]}')) WHERE rule_id = 'DX_NOT_BILLABLE';
-- near miss: the billable code under it
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "I10"]}')) WHERE rule_id = 'DX_NOT_BILLABLE';

-- DX_EXTERNAL_CAUSE_PRIMARY: an external cause code listed first
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["W01.0XXA", "I10"]}')) WHERE rule_id = 'DX_EXTERNAL_CAUSE_PRIMARY';
-- near miss: listed second
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["I10", "W01.0XXA"]}')) WHERE rule_id = 'DX_EXTERNAL_CAUSE_PRIMARY';

-- DX_MANIFESTATION_PRIMARY: a manifestation code listed first
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["G63", "E11.9"]}')) WHERE rule_id = 'DX_MANIFESTATION_PRIMARY';
-- near miss: after the underlying condition
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "G63"]}')) WHERE rule_id = 'DX_MANIFESTATION_PRIMARY';

-- DX_UNACCEPTABLE_PRIMARY: a code not acceptable as principal listed first
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["Z37.0", "E11.9"]}')) WHERE rule_id = 'DX_UNACCEPTABLE_PRIMARY';
-- near miss: listed second
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "Z37.0"]}')) WHERE rule_id = 'DX_UNACCEPTABLE_PRIMARY';

-- DX_AGE_CONFLICT: each age group one year (or day) past its edge
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["Z38.00"], "patient_birth_date": "2023-03-04"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["Z00.129"], "patient_birth_date": "2006-03-04"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["O80"], "patient_birth_date": "1959-03-04"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["O80"], "patient_birth_date": "2015-03-05"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "Z00.00"], "patient_birth_date": "2009-03-05"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
-- near misses: each group at its edge (newborn the day before the first
-- birthday, pediatric at 17, maternity at 64 and 9, adult at 15)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["Z38.00"], "patient_birth_date": "2023-03-05"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["Z00.129"], "patient_birth_date": "2006-03-05"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["O80"], "patient_birth_date": "1959-03-05"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["O80"], "patient_birth_date": "2015-03-04"}')) WHERE rule_id = 'DX_AGE_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["Z00.00"], "patient_birth_date": "2009-03-04"}')) WHERE rule_id = 'DX_AGE_CONFLICT';

-- DX_SEX_CONFLICT: off by default (as in the MCE since 2024-10-01) ...
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["N40.0"]}')) WHERE rule_id = 'DX_SEX_CONFLICT';
SELECT rule_id, enabled FROM rules WHERE rule_id = 'DX_SEX_CONFLICT';
-- ... and when a payer turns it on: a male code for a female patient, a female code for a male one
INSERT INTO rule_settings (rule_id, payer_id, enabled) VALUES ('DX_SEX_CONFLICT', 'MCR01', true);
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["N40.0"]}')) WHERE rule_id = 'DX_SEX_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.claim('{"diagnoses": ["I10", "O80"], "patient_sex": "M", "patient_birth_date": "1990-01-01"}')) WHERE rule_id = 'DX_SEX_CONFLICT';
-- near misses: the code fits the sex; sex unknown; another payer (the default: off)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["N40.0"], "patient_sex": "M"}')) WHERE rule_id = 'DX_SEX_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["N40.0"], "patient_sex": "U"}')) WHERE rule_id = 'DX_SEX_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["N40.0"], "payer_id": "COMM1"}')) WHERE rule_id = 'DX_SEX_CONFLICT';
DELETE FROM rule_settings;

-- DX_DUPLICATE: the same code twice, however it is written
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "I10", "e119"]}')) WHERE rule_id = 'DX_DUPLICATE';
-- near miss: codes that share a category
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["M17.11", "M17.12"]}')) WHERE rule_id = 'DX_DUPLICATE';

-- DX_UNSPECIFIED: unspecified side while the code set has right and left codes beside it
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["M17.10", "I10"]}')) WHERE rule_id = 'DX_UNSPECIFIED';
-- near misses: an unspecified code with no specified sibling in the code set; a specified code
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["J45.909", "I10"]}')) WHERE rule_id = 'DX_UNSPECIFIED';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["M17.11", "I10"]}')) WHERE rule_id = 'DX_UNSPECIFIED';

-- DX_POINTER_INVALID: past the end, zero, none, not a number, more than 4
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": [1, 3]}')) WHERE rule_id = 'DX_POINTER_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": [0]}')) WHERE rule_id = 'DX_POINTER_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": []}')) WHERE rule_id IN ('DX_POINTER_INVALID', 'CLAIM_INCOMPLETE');
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": ["A", 1.5]}')) WHERE rule_id = 'DX_POINTER_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": [1, 2, 1, 2, 1]}')) WHERE rule_id = 'DX_POINTER_INVALID';
-- near miss: the other order, as text "2:1", a single number
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": "2:1"}'), 2, '{"dx_pointers": 2}'))
WHERE rule_id = 'DX_POINTER_INVALID';

-- ===== procedures and modifiers (coding) =====

-- PROC_INVALID: not in the code set, no longer active, not a code, missing
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"procedure": "99215"}')) WHERE rule_id = 'PROC_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"procedure": "99201"}')) WHERE rule_id = 'PROC_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"procedure": "8502"}')) WHERE rule_id = 'PROC_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"procedure": null}')) WHERE rule_id IN ('PROC_INVALID', 'CLAIM_INCOMPLETE');
-- near miss: the retired code while it was active; a Level II code in lower case
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.line(pg_temp.claim('{"submitted_on": "2020-12-31"}'), 2, '{"procedure": "99201"}'), '2020-12-31')) WHERE rule_id = 'PROC_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"procedure": "j1100", "ndc": "0009-0012-05"}')) WHERE rule_id = 'PROC_INVALID';

-- UNITS_INVALID: zero, fractional, negative, missing
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"units": 0}')) WHERE rule_id = 'UNITS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"units": 1.5}')) WHERE rule_id = 'UNITS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"units": -1}')) WHERE rule_id = 'UNITS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"units": null}')) WHERE rule_id IN ('UNITS_INVALID', 'CLAIM_INCOMPLETE');
-- near miss: whole units, as text
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"units": "3"}')) WHERE rule_id = 'UNITS_INVALID';

-- MOD_INVALID: not in the modifier list, not a modifier, more than 4
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["ZZ"]}')) WHERE rule_id = 'MOD_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["5", "59-"]}')) WHERE rule_id = 'MOD_INVALID';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["59", "76", "XS", "26", "RT"]}')) WHERE rule_id = 'MOD_INVALID';
-- near miss: four listed modifiers, written as one text in lower case
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": "59,xs 76;rt"}')) WHERE rule_id = 'MOD_INVALID';

-- MOD_CONFLICT: LT with RT, 26 with TC, 50 with LT or RT
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["LT", "RT"]}')) WHERE rule_id = 'MOD_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["26", "TC"]}')) WHERE rule_id = 'MOD_CONFLICT';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["50", "rt", "LT"]}')) WHERE rule_id = 'MOD_CONFLICT';
-- near miss: 50 alone; RT with 59
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.line(pg_temp.claim(), 1, '{"modifiers": ["50"]}'), 2, '{"modifiers": ["RT", "59"]}'))
WHERE rule_id = 'MOD_CONFLICT';

-- more pairs modifier_reference.not_with keeps apart: 59 with an X modifier,
-- a left-hand thumb with RT, an ABN on file with GZ (no ABN)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["59", "XS"]}', '{"procedure": "26010", "modifiers": ["FA", "RT"]}',
							'{"procedure": "97110", "modifiers": ["GA", "GZ"]}')) WHERE rule_id = 'MOD_CONFLICT';

-- MOD_NOT_APPLICABLE: 25 on an injection (a medicine code), 91 on an X-ray,
-- 1P (a quality measure exception) on an E/M visit, 26 on an E/M visit
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "96372", "modifiers": ["25"]}', '{"procedure": "73610", "modifiers": ["91"]}',
							'{"procedure": "99213", "modifiers": ["1P", "26"]}')) WHERE rule_id = 'MOD_NOT_APPLICABLE';
-- near misses: 25 on the E/M visit and on an eye exam (92012, listed in also_codes),
-- 91 on a lab test, 1P on a Category II code, RT and 59 (not E/M) on a surgery
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "99213", "modifiers": ["25"]}', '{"procedure": "92012", "modifiers": ["25"]}',
							'{"procedure": "85025", "modifiers": ["91"]}', '{"procedure": "3074F", "modifiers": ["1P"]}',
							'{"procedure": "20610", "modifiers": ["RT", "59"]}')) WHERE rule_id = 'MOD_NOT_APPLICABLE';
-- the same rule reads the table: 91 allowed on radiology too
UPDATE modifier_reference SET sections = sections || '{radiology}' WHERE modifier = '91';
SELECT count(*) AS not_applicable FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"procedure": "73610", "modifiers": ["91"]}'))
WHERE rule_id = 'MOD_NOT_APPLICABLE';
UPDATE modifier_reference SET sections = '{pathology}' WHERE modifier = '91';

-- MOD_ORDER: a pricing modifier (TC, 26) after an anatomic or liability one; once a line
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "73610", "modifiers": ["LT", "TC"]}', '{"procedure": "71046", "modifiers": ["GA", "26", "50"]}'))
WHERE rule_id = 'MOD_ORDER';
-- near misses: pricing first; pricing modifiers alone; modifiers the reference does not hold
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "73610", "modifiers": ["TC", "LT"]}', '{"procedure": "71046", "modifiers": ["26", "50"]}',
							'{"procedure": "99213", "modifiers": ["ZZ", "26"]}')) WHERE rule_id = 'MOD_ORDER';

-- MOD_PAYER_PREFERS_OTHER: COMM1 wants an X modifier in place of 59
INSERT INTO modifier_settings (payer_id, modifier, use_instead, note) VALUES ('COMM1', '59', '{XE,XS,XP,XU}', 'policy of 2024-01');
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"payer_id": "COMM1"}', '{"procedure": "20610", "modifiers": ["59"]}')) WHERE rule_id = 'MOD_PAYER_PREFERS_OTHER';
-- near misses: XS for COMM1; 59 for another payer
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"payer_id": "COMM1"}', '{"procedure": "20610", "modifiers": ["XS"]}')) WHERE rule_id = 'MOD_PAYER_PREFERS_OTHER';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["59"]}')) WHERE rule_id = 'MOD_PAYER_PREFERS_OTHER';
-- every payer wants it, but COMM1 takes 59 (an empty list on its own row)
UPDATE modifier_settings SET use_instead = '{}' WHERE payer_id = 'COMM1';
INSERT INTO modifier_settings (payer_id, modifier, use_instead) VALUES (NULL, '59', '{XS,XU}');
SELECT c.payer, v.rule_id, v.message
FROM (VALUES ('COMM1'), ('MCR01')) c(payer),
	 validate(pg_temp.lines(jsonb_build_object('payer_id', c.payer), '{"procedure": "20610", "modifiers": ["59"]}')) v
WHERE v.rule_id = 'MOD_PAYER_PREFERS_OTHER';
DELETE FROM modifier_settings;

-- MOD_LATERALITY_DX: RT on a line pointing to a left-knee diagnosis, and LT to a right one
CREATE TEMP TABLE knees AS
SELECT pg_temp.lines('{"diagnoses": ["M17.11", "M17.12", "M17.10"]}', '{"procedure": "20610", "modifiers": ["RT"]}') AS claim;
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT pg_temp.line(claim, 1, '{"dx_pointers": [1, 2]}') FROM knees)) WHERE rule_id = 'MOD_LATERALITY_DX';
SELECT rule_id, severity, line_no, field, value, message
FROM validate((SELECT pg_temp.line(claim, 1, '{"modifiers": ["LT"], "dx_pointers": [2, 1]}') FROM knees)) WHERE rule_id = 'MOD_LATERALITY_DX';
-- near misses: the sides agree; an unspecified side; 50 (both sides) on left and right diagnoses
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT claim FROM knees)) WHERE rule_id = 'MOD_LATERALITY_DX';
SELECT rule_id, severity, line_no, field, value, message FROM validate((SELECT pg_temp.line(claim, 1, '{"dx_pointers": [3]}') FROM knees)) WHERE rule_id = 'MOD_LATERALITY_DX';
SELECT rule_id, severity, line_no, field, value, message
FROM validate((SELECT pg_temp.line(claim, 1, '{"modifiers": ["50"], "dx_pointers": [1, 2]}') FROM knees)) WHERE rule_id = 'MOD_LATERALITY_DX';

-- NCCI_PTP_NEVER: an injection billed with the knee replacement (indicator 0:
-- no modifier allows it, not even 59), in either line order
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "27447"}', '{"procedure": "20610", "modifiers": ["59"]}')) WHERE rule_id = 'NCCI_PTP_NEVER';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "20610"}', '{"procedure": "27447"}')) WHERE rule_id = 'NCCI_PTP_NEVER';
-- near misses: on different days; on an institutional claim (the edit is for practitioners)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"], "service_to": "2024-03-05"}', '{"procedure": "27447"}', '{"procedure": "20610", "service_date": "2024-03-05"}'))
WHERE rule_id = 'NCCI_PTP_NEVER';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"], "claim_type": "institutional"}', '{"procedure": "27447"}', '{"procedure": "20610"}')) WHERE rule_id = 'NCCI_PTP_NEVER';

-- NCCI_PTP_MODIFIER: manual therapy with therapeutic activities (indicator 1)
-- and no NCCI-associated modifier on the column 2 line (59 on column 1 does not count)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "97530", "modifiers": ["59"]}', '{"procedure": "97140"}')) WHERE rule_id = 'NCCI_PTP_MODIFIER';
-- near misses: 59 or XS on the column 2 line; a pair with indicator 9 (the base claim's visit and blood count)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "97530"}', '{"procedure": "97140", "modifiers": ["59"]}', '{"procedure": "97140", "modifiers": ["XS"], "units": 2}'))
WHERE rule_id LIKE 'NCCI%';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim()) WHERE rule_id LIKE 'NCCI%';

-- MUE_LINE: 5 units of a code whose MUE is 4 per line (indicator 1)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.lines('{}', '{"procedure": "97110", "units": 5}')) WHERE rule_id LIKE 'MUE%';
-- near misses: 4 units; 4 units on each of two lines (a per-line limit)
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.lines('{}', '{"procedure": "97110", "units": 4}')) WHERE rule_id LIKE 'MUE%';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "97110", "units": 4}', '{"procedure": "97110", "units": 4, "modifiers": ["59"]}')) WHERE rule_id LIKE 'MUE%';

-- MUE_DAY: units of one code on one day summed over its lines, above the MUE
-- per day (indicator 2, policy; indicator 3, clinical)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["RT"], "units": 2}', '{"procedure": "20610", "modifiers": ["LT"], "dx_pointers": [2]}'))
WHERE rule_id LIKE 'MUE%';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "36415"}', '{"procedure": "36415", "modifiers": ["76"]}')) WHERE rule_id LIKE 'MUE%';
-- near misses: at the limit; the same units spread over two days
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["RT"]}', '{"procedure": "20610", "modifiers": ["LT"], "dx_pointers": [2]}'))
WHERE rule_id LIKE 'MUE%';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"service_to": "2024-03-05"}', '{"procedure": "36415"}', '{"procedure": "36415", "service_date": "2024-03-05"}')) WHERE rule_id LIKE 'MUE%';

-- EM_SAME_DAY_NO_25: a visit and a joint injection on one day, the visit without 25
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "99213"}', '{"procedure": "20610", "modifiers": ["RT"]}')) WHERE rule_id = 'EM_SAME_DAY_NO_25';
-- near misses: with 25; with a service outside the procedure range (therapy); on another day
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "99213", "modifiers": ["25"]}', '{"procedure": "20610", "modifiers": ["RT"]}')) WHERE rule_id = 'EM_SAME_DAY_NO_25';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "99213"}', '{"procedure": "97110"}')) WHERE rule_id = 'EM_SAME_DAY_NO_25';
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"diagnoses": ["M17.11"], "service_to": "2024-03-05"}', '{"procedure": "99213"}', '{"procedure": "20610", "modifiers": ["RT"], "service_date": "2024-03-05"}'))
WHERE rule_id = 'EM_SAME_DAY_NO_25';

-- LINE_DUPLICATE: the same service twice (each repeat once, against the first copy)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "97110"}', '{"procedure": "97140"}', '{"procedure": "97110"}', '{"procedure": "97110"}')) WHERE rule_id = 'LINE_DUPLICATE';
-- near misses: with 76; other units; other modifiers; other days
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{"service_to": "2024-03-05"}', '{"procedure": "97110"}', '{"procedure": "97110", "modifiers": ["76"]}', '{"procedure": "97110", "units": 2}',
							'{"procedure": "97110", "modifiers": ["59"]}', '{"procedure": "97110", "service_date": "2024-03-05"}'))
WHERE rule_id = 'LINE_DUPLICATE';

-- NDC_REQUIRED: a J code without its NDC (absent or empty)
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "J1100", "units": 4}', '{"procedure": "J1100", "ndc": "", "units": 4}')) WHERE rule_id = 'NDC_REQUIRED';
-- near miss: with an NDC; a code that is not a drug code
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "J1100", "units": 4, "ndc": "0009-0012-05", "ndc_units": 1}', '{"procedure": "97110"}')) WHERE rule_id LIKE 'NDC%';

-- NDC_INVALID: 9 digits; 10 digits without hyphens (ambiguous); not digits
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "J1100", "ndc": "000900120"}', '{"procedure": "J1100", "ndc": "0009001205"}', '{"procedure": "J1100", "ndc": "NDC-UNKNOWN"}'))
WHERE rule_id LIKE 'NDC%';
-- near miss: 11 digits, and 4-4-2, 5-3-2, 5-4-1 with hyphens
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.lines('{}', '{"procedure": "J1100", "ndc": "00009001205"}', '{"procedure": "J1100", "ndc": "0009-0012-05"}',
							'{"procedure": "J1100", "ndc": "50242-040-62"}', '{"procedure": "J1100", "ndc": "60575-4112-1"}'))
WHERE rule_id LIKE 'NDC%';

-- POS_INVALID: not in the list (the header's code, on every line that does not
-- give its own), not 2 digits, missing, not yet valid on the date
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"place_of_service": "99"}')) WHERE rule_id = 'POS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim('{"place_of_service": "1"}'), 1, '{"place_of_service": "11"}')) WHERE rule_id = 'POS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"place_of_service": ""}')) WHERE rule_id IN ('POS_INVALID', 'CLAIM_INCOMPLETE');
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.dated(pg_temp.line(pg_temp.claim('{"submitted_on": "2016-03-05"}'), 2, '{"place_of_service": "02"}'), '2016-03-01')) WHERE rule_id = 'POS_INVALID';
-- near misses: a line's own valid code over a bad header code is not reported
-- for that line; telehealth after 2017; institutional claims have no place of service
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim('{"place_of_service": "99"}'), 1, '{"place_of_service": "22"}')) WHERE rule_id = 'POS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.line(pg_temp.claim(), 2, '{"place_of_service": "02"}')) WHERE rule_id = 'POS_INVALID';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"place_of_service": "99", "claim_type": "institutional"}')) WHERE rule_id = 'POS_INVALID';

-- ===== completeness (billing) =====

-- CLAIM_INCOMPLETE: an empty claim and a claim with only its id lack every
-- element the 837P requires, one issue each, naming the field and its X12
-- element; neither is clean
SELECT rule_id, severity, line_no, field, message FROM validate('{}'::jsonb);
SELECT is_clean('{}'::jsonb) AS empty_clean, quality_score('{}'::jsonb) AS empty_score,
	   is_clean('{"claim_id": "C-1"}'::jsonb) AS id_only_clean, quality_score('{"claim_id": "C-1"}'::jsonb) AS id_only_score,
	   (SELECT count(*) FROM validate('{"claim_id": "C-1"}'::jsonb) WHERE rule_id = 'CLAIM_INCOMPLETE') AS id_only_missing;
-- every element the base claim has because the 837P requires it, removed one
-- at a time (absent, then null): each is named, and nothing else
CREATE FUNCTION pg_temp.incomplete(claim jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(coalesce('line ' || line_no || ' ', '') || field, ', ' ORDER BY line_no NULLS FIRST, field)
	FROM cleanclaim.validate(claim) WHERE rule_id = 'CLAIM_INCOMPLETE' $$;
SELECT k AS removed, pg_temp.incomplete(pg_temp.claim() - k) AS absent, pg_temp.incomplete(pg_temp.claim(jsonb_build_object(k, NULL))) AS null
FROM unnest(ARRAY['claim_id', 'claim_type', 'payer_id', 'member_id', 'subscriber_last_name', 'patient_relationship',
				  'patient_birth_date', 'patient_sex', 'billing_npi', 'billing_tax_id', 'billing_address', 'billing_city',
				  'billing_state', 'billing_zip', 'place_of_service', 'frequency_code', 'total_charge', 'diagnoses', 'lines']) k;
-- a line's procedure, units, charge and pointers; its date, when the claim has none either
SELECT k AS removed, pg_temp.incomplete(jsonb_set(pg_temp.claim(), '{lines,0}', (pg_temp.claim()->'lines'->0) - k)) AS absent,
	   pg_temp.incomplete(pg_temp.line(pg_temp.claim(), 1, jsonb_build_object(k, NULL))) AS null
FROM unnest(ARRAY['procedure', 'units', 'charge', 'dx_pointers']) k;
SELECT pg_temp.incomplete(jsonb_set(pg_temp.claim() - 'service_from' - 'service_to', '{lines,0}',
									(pg_temp.claim()->'lines'->0) - 'service_date')) AS no_date_anywhere;
-- near misses: a professional claim needs no claim-level dates when its lines
-- are dated, nor the situational elements (first names, taxonomy, other
-- providers, prior authorization, submission date, modifiers, NDC)
SELECT pg_temp.incomplete(pg_temp.claim() - 'service_from' - 'service_to' - 'subscriber_first_name' - 'billing_taxonomy'
						  - 'rendering_npi' - 'referring_npi' - 'prior_auth' - 'original_claim_id' - 'submitted_on') AS situational;
-- a patient who is not the subscriber (19, a child) needs a name of their own
SELECT pg_temp.incomplete(pg_temp.claim('{"patient_relationship": "19"}')) AS child_without_name,
	   pg_temp.incomplete(pg_temp.claim('{"patient_relationship": "19", "patient_last_name": "RIVERA", "patient_first_name": "LUCIA"}')) AS child_named;
-- an inpatient stay (837I) is complete; each element the 837I requires,
-- removed, is named with its 837I element
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.inpatient());
SELECT k AS removed, pg_temp.incomplete(pg_temp.inpatient() - k) AS absent
FROM unnest(ARRAY['type_of_bill', 'service_from', 'service_to', 'attending_npi', 'admission_date', 'admission_type',
				  'admission_source', 'discharge_status']) k;
SELECT rule_id, line_no, field, message FROM validate(jsonb_set(pg_temp.inpatient(), '{lines,0}', (pg_temp.inpatient()->'lines'->0) - 'revenue_code'))
WHERE rule_id = 'CLAIM_INCOMPLETE';
-- near misses: an outpatient bill (131) needs no admission date or type; a
-- bill for specimens alone (141), no point of origin either; institutional
-- lines need no procedure code or pointers, nor the claim a place of service
SELECT pg_temp.incomplete(pg_temp.inpatient('{"type_of_bill": "131"}') - 'admission_date' - 'admission_type') AS outpatient,
	   pg_temp.incomplete(pg_temp.inpatient('{"type_of_bill": "141"}') - 'admission_date' - 'admission_type' - 'admission_source') AS specimens,
	   pg_temp.incomplete(pg_temp.inpatient('{"type_of_bill": "321"}') - 'admission_type') AS home_health;
-- a replacement inpatient bill (117) names the claim it replaces, as frequency 7 does
SELECT rule_id, field, message FROM validate(pg_temp.inpatient('{"type_of_bill": "117"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';
SELECT rule_id, field, message FROM validate(pg_temp.inpatient('{"type_of_bill": "117", "original_claim_id": "ICN-1"}')) WHERE rule_id = 'FREQUENCY_REF_MISSING';

-- ===== the billing provider and the people on the claim: front-end edits =====

-- BILLING_ADDRESS_INVALID: a ZIP code of 5 digits, one with a letter, a post
-- office or lock box as the street, a state that is not a US or Canadian
-- code, a Canadian postal code in the wrong shape
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('{"billing_zip": "80202"}'), ('{"billing_zip": "8020A-1234"}'), ('{"billing_address": "PO Box 1234"}'),
			 ('{"billing_address": "P.O. Box 12"}'), ('{"billing_address": "Lock Box 7, 1200 Maple Ave"}'),
			 ('{"billing_address": "Box 33"}'), ('{"billing_state": "XX"}'),
			 ('{"billing_state": "ON", "billing_zip": "12345"}')) t(patch),
	 LATERAL validate(pg_temp.claim(t.patch::jsonb)) v
WHERE rule_id = 'BILLING_ADDRESS_INVALID';
-- near misses: ZIP+4 with or without its hyphen, streets with Box in a name,
-- a territory, a Canadian address
SELECT t.patch, count(v.*) AS issues
FROM (VALUES ('{"billing_zip": "802021234"}'), ('{"billing_address": "1 Boxwood Lane"}'), ('{"billing_address": "40 Tapo Box Rd"}'),
			 ('{"billing_address": "12 Post Office Square"}'), ('{"billing_state": "PR", "billing_zip": "00901-1234"}'),
			 ('{"billing_state": "on", "billing_zip": "K1A 0B1"}')) t(patch)
	 LEFT JOIN LATERAL validate(pg_temp.claim(t.patch::jsonb)) v ON v.rule_id = 'BILLING_ADDRESS_INVALID'
GROUP BY 1 ORDER BY 1;

-- TAX_ID_INVALID: not 9 digits, letters, one digit repeated, the digits in
-- order, an SSN that is never issued (area 666, area 9xx, group 00)
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('12345678'), ('84-123456A'), ('000000000'), ('123-45-6789'), ('666-12-3456'), ('912-34-5678'), ('412-00-5678')) t(tin),
	 LATERAL validate(pg_temp.claim(jsonb_build_object('billing_tax_id', t.tin))) v
WHERE rule_id = 'TAX_ID_INVALID';
-- near misses: an EIN with and without its hyphen, an SSN that can be issued
SELECT t.tin, count(v.*) AS issues
FROM (VALUES ('84-1234567'), ('841234567'), ('412-55-6789')) t(tin)
	 LEFT JOIN LATERAL validate(pg_temp.claim(jsonb_build_object('billing_tax_id', t.tin))) v ON v.rule_id = 'TAX_ID_INVALID'
GROUP BY 1 ORDER BY 1;

-- TAXONOMY_INVALID: 9 characters, a last character other than X, a hyphen
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('207Q00000'), ('207Q00000Y'), ('207Q-0000X')) t(code),
	 LATERAL validate(pg_temp.claim(jsonb_build_object('billing_taxonomy', t.code))) v
WHERE rule_id = 'TAXONOMY_INVALID';
-- near misses: a NUCC code in lower case, a group practice code, none (situational)
SELECT t.code, count(v.*) AS issues
FROM (VALUES ('207q00000x'), ('193200000X')) t(code)
	 LEFT JOIN LATERAL validate(pg_temp.claim(jsonb_build_object('billing_taxonomy', t.code))) v ON v.rule_id = 'TAXONOMY_INVALID'
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS issues FROM validate(pg_temp.claim() - 'billing_taxonomy') WHERE rule_id = 'TAXONOMY_INVALID';

-- NAME_INVALID: placeholder text, a digit, no letter, an X12 separator; a
-- first name missing is a warning; the patient's own name when the patient
-- is someone else (19, a child)
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('{"subscriber_last_name": "TEST"}'), ('{"subscriber_last_name": "Unknown"}'), ('{"subscriber_last_name": "SMITH2"}'),
			 ('{"subscriber_last_name": "--"}'), ('{"subscriber_last_name": "O*BRIEN"}'), ('{"subscriber_first_name": "N/A"}'),
			 ('{"subscriber_first_name": null}'),
			 ('{"patient_relationship": "19", "patient_last_name": "RIVERA", "patient_first_name": "BABY GIRL 1"}')) t(patch),
	 LATERAL validate(pg_temp.claim(t.patch::jsonb)) v
WHERE rule_id = 'NAME_INVALID';
-- near misses: an apostrophe and a hyphen, letters of other alphabets, a
-- surname that only looks like a placeholder elsewhere (DOE), one-letter initials
SELECT t.patch, count(v.*) AS issues
FROM (VALUES ('{"subscriber_last_name": "O''BRIEN-SMITH"}'), ('{"subscriber_last_name": "NGUYỄN", "subscriber_first_name": "THỊ"}'),
			 ('{"subscriber_last_name": "DOE"}'), ('{"subscriber_first_name": "J"}')) t(patch)
	 LEFT JOIN LATERAL validate(pg_temp.claim(t.patch::jsonb)) v ON v.rule_id = 'NAME_INVALID'
GROUP BY 1 ORDER BY 1;

-- RELATIONSHIP_INVALID: a code the 5010 837 no longer has (04, grandparent),
-- a word instead of the code; self (18) with someone else's name is a warning
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('{"patient_relationship": "04"}'), ('{"patient_relationship": "self"}'),
			 ('{"patient_last_name": "RIVERA", "patient_first_name": "LUCIA"}')) t(patch),
	 LATERAL validate(pg_temp.claim(t.patch::jsonb)) v
WHERE rule_id = 'RELATIONSHIP_INVALID';
-- near misses: a child with a name, other relationship in lower case, self
-- with the subscriber's own name written differently
SELECT t.patch, count(v.*) AS issues
FROM (VALUES ('{"patient_relationship": "19", "patient_last_name": "RIVERA", "patient_first_name": "LUCIA"}'),
			 ('{"patient_relationship": "g8", "patient_last_name": "RIVERA", "patient_first_name": "LUCIA"}'),
			 ('{"patient_last_name": "Rivera", "patient_first_name": "Ana"}')) t(patch)
	 LEFT JOIN LATERAL validate(pg_temp.claim(t.patch::jsonb)) v ON v.rule_id = 'RELATIONSHIP_INVALID'
GROUP BY 1 ORDER BY 1;

-- ===== institutional claims (837I) =====

-- TOB_INVALID: not a type of bill (four characters without the leading 0, a
-- classification 0, facility type 9), or not in the type-of-bill list
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('1111'), ('101'), ('911'), ('113')) t(tob),
	 LATERAL validate(pg_temp.inpatient(jsonb_build_object('type_of_bill', t.tob))) v
WHERE rule_id = 'TOB_INVALID';
-- near misses: with and without the leading 0; professional claims have none
SELECT t.tob, count(v.*) AS issues
FROM (VALUES ('0111'), ('111'), ('0131')) t(tob)
	 LEFT JOIN LATERAL validate(pg_temp.inpatient(jsonb_build_object('type_of_bill', t.tob))) v ON v.rule_id = 'TOB_INVALID'
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS issues FROM validate(pg_temp.claim('{"type_of_bill": "999"}')) WHERE rule_id = 'TOB_INVALID';

-- REVENUE_CODE_INVALID: its leading 0 dropped, a letter, not in the list
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('450'), ('045A'), ('0999')) t(code),
	 LATERAL validate(jsonb_set(pg_temp.inpatient(), '{lines,1,revenue_code}', to_jsonb(t.code))) v
WHERE rule_id = 'REVENUE_CODE_INVALID';
-- near miss: the codes of the list
SELECT count(*) AS issues FROM validate(pg_temp.inpatient()) WHERE rule_id = 'REVENUE_CODE_INVALID';

-- ADMISSION_INVALID: admitted after the statement period starts, or in the
-- future; an admission type that is not a NUBC code; point of origin 7
-- (emergency room, discontinued in 2010)
SELECT rule_id, severity, line_no, field, pg_temp.undated(value) AS value, pg_temp.undated(message) AS message
FROM (VALUES ('{"admission_date": "2024-03-02"}'::jsonb), (jsonb_build_object('admission_date', current_date + 1)),
			 ('{"admission_type": "6"}'), ('{"admission_source": "7"}')) t(patch),
	 LATERAL validate(pg_temp.inpatient(t.patch)) v
WHERE rule_id = 'ADMISSION_INVALID';
-- near misses: admitted before the period (an interim bill), type 9, origin D;
-- an outpatient visit dated after its start is not an inpatient admission
SELECT t.patch::text, count(v.*) AS issues
FROM (VALUES ('{"admission_date": "2024-02-20", "type_of_bill": "112", "discharge_status": "30"}'::jsonb),
			 ('{"admission_type": "9", "admission_source": "d"}'), ('{"type_of_bill": "131", "admission_date": "2024-03-02"}')) t(patch)
	 LEFT JOIN LATERAL validate(pg_temp.inpatient(t.patch)) v ON v.rule_id = 'ADMISSION_INVALID'
GROUP BY 1 ORDER BY 1;

-- DISCHARGE_STATUS_INVALID: discontinued (08), one digit, still a patient
-- (30) on a final bill, discharged home on an interim bill
SELECT rule_id, severity, line_no, field, value, message
FROM (VALUES ('{"discharge_status": "08"}'), ('{"discharge_status": "1"}'), ('{"discharge_status": "30"}'),
			 ('{"type_of_bill": "112"}')) t(patch),
	 LATERAL validate(pg_temp.inpatient(t.patch::jsonb)) v
WHERE rule_id = 'DISCHARGE_STATUS_INVALID';
-- near misses: 30 on an interim bill, a planned readmission (81), 30 on an outpatient bill
SELECT t.patch, count(v.*) AS issues
FROM (VALUES ('{"type_of_bill": "112", "discharge_status": "30"}'), ('{"discharge_status": "81"}'),
			 ('{"type_of_bill": "131", "discharge_status": "30"}')) t(patch)
	 LEFT JOIN LATERAL validate(pg_temp.inpatient(t.patch::jsonb)) v ON v.rule_id = 'DISCHARGE_STATUS_INVALID'
GROUP BY 1 ORDER BY 1;

-- PCS_INVALID: 8 characters, an I (never used), a CPT code in its place
SELECT rule_id, severity, line_no, field, value, message
FROM validate(pg_temp.inpatient('{"icd10pcs_procedures": ["0SRC0JZ1", "0SRC0IZ", "27447"]}')) WHERE rule_id = 'PCS_INVALID';
-- near miss: a code in lower case
SELECT count(*) AS issues FROM validate(pg_temp.inpatient('{"icd10pcs_procedures": ["0src0jz", "5A1955Z"]}')) WHERE rule_id = 'PCS_INVALID';

-- ===== every rule of the catalog was shown firing above =====
-- (this list must stay empty: a rule added to the catalog needs its cases here)
CREATE TEMP TABLE shown (rule_id text);
INSERT INTO shown
SELECT rule_id FROM (VALUES
	(pg_temp.claim('{"x_source": 1, "claim_type": "dental", "billing_npi": "1", "rendering_npi": "1", "payer_id": "X", "member_id": null,
					 "submitted_on": "2025-03-07", "frequency_code": "7", "total_charge": -1, "patient_birth_date": null, "patient_sex": "X",
					 "service_from": "2024-03-05", "diagnoses": ["W01.0XXA", "E11", "Q99.9", "M17.10", "E11", "G63"]}')),
	(pg_temp.claim('{"diagnoses": ["G63"]}')), (pg_temp.claim('{"diagnoses": ["Z37.0", "Z38.00"]}')),
	(pg_temp.claim('{"diagnoses": ["E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9", "E11.9"]}')),
	(pg_temp.claim('{"diagnoses": []}')),
	((SELECT claim FROM many_lines WHERE n = 51)),
	(pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.12"]}', '{"procedure": "27447", "modifiers": ["RT"]}', '{"procedure": "20610"}')),
	(pg_temp.lines('{"payer_id": "COMM1", "prior_auth": "PA-9999"}', '{"procedure": "27447"}')),
	(pg_temp.lines('{}', '{"procedure": "99215", "units": 0, "modifiers": ["ZZ", "LT", "RT"], "dx_pointers": [9]}',
				   '{"procedure": "97530"}', '{"procedure": "97140"}', '{"procedure": "97110", "units": 5}', '{"procedure": "97110", "units": 5}',
				   '{"procedure": "36415", "units": 2}', '{"procedure": "99213"}', '{"procedure": "J1100", "place_of_service": "99"}', '{"procedure": "J1100", "ndc": "1"}')),
	(pg_temp.lines('{}', '{"procedure": "96372", "modifiers": ["25"]}', '{"procedure": "73610", "modifiers": ["LT", "TC"]}')),
	(pg_temp.claim('{"billing_zip": "80202", "billing_tax_id": "12", "billing_taxonomy": "1", "subscriber_last_name": "TEST",
					 "patient_relationship": "04"}')),
	(pg_temp.inpatient('{"type_of_bill": "113", "admission_type": "6", "discharge_status": "08", "icd10pcs_procedures": ["X"],
						 "lines": [{"revenue_code": "450", "units": 1, "charge": 2150}]}'))
) c(claim), validate(c.claim) v;
INSERT INTO modifier_settings (payer_id, modifier, use_instead) VALUES (NULL, '59', '{XS}');
INSERT INTO shown SELECT rule_id FROM validate(pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["59"]}'));
DELETE FROM modifier_settings;
-- the rules that report an empty field of their own when CLAIM_INCOMPLETE is off
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('CLAIM_INCOMPLETE', false, 'a partial extract');
INSERT INTO shown
SELECT rule_id FROM validate(pg_temp.claim('{"member_id": null, "patient_birth_date": null, "diagnoses": []}'));
DELETE FROM rule_settings;
-- (the audit rules flag through audit_flags(), not validate(): test/audit.sql
-- shows them; the duplicate rules compare the claims of a table: sql/duplicates.sql;
-- the X12 rules check a file's envelope: sql/x12_837.sql)
SELECT rule_id AS never_shown_firing FROM rule_catalog()
WHERE rule_id <> 'DX_SEX_CONFLICT' AND category NOT IN ('audit', 'duplicate', 'x12') AND rule_id NOT IN (SELECT rule_id FROM shown);

-- ===== the validation API =====

-- is_clean and quality_score: a clean claim; warnings only (5 points each);
-- errors (25 points each; the score does not go below 0)
CREATE TEMP TABLE api (label text, claim jsonb);
INSERT INTO api VALUES
	('clean', pg_temp.claim()),
	('warnings only', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "M17.10", "E11.9"]}')),
	('errors and a warning', pg_temp.claim('{"billing_npi": "1234567890", "member_id": null, "diagnoses": ["E11.9", "I10", "E11.9"]}')),
	('everything wrong', pg_temp.claim('{"billing_npi": null, "payer_id": "X", "member_id": null, "patient_sex": null, "patient_birth_date": null}'));
SELECT label, is_clean(claim), quality_score(claim),
	   (SELECT string_agg(rule_id || ' ' || severity, ', ') FROM validate(claim)) AS issues
FROM api;
-- issues() returns the rows of validate() (without the not_checked ones)
SELECT label, cardinality(issues(claim)) AS n,
	   (SELECT count(*) FROM (SELECT * FROM unnest(issues(claim)) EXCEPT ALL SELECT * FROM validate(claim)) d) AS only_in_issues,
	   (SELECT count(*) FROM (SELECT * FROM validate(claim) EXCEPT ALL SELECT * FROM unnest(issues(claim))) d) AS only_in_validate
FROM api;
SELECT (i).rule_id, (i).severity, (i).category, (i).owner, (i).line_no, (i).field, (i).value, (i).message, (i).hint
FROM (SELECT unnest(issues(claim)) AS i FROM api WHERE label = 'errors and a warning') s;

-- report_unchecked: the rules a claim's missing fields switch off
SELECT rule_id, severity, message FROM validate(pg_temp.claim() - 'diagnoses' - 'patient_sex' - 'payer_id', report_unchecked => true);

-- the cache follows the tables within the transaction: a payer deleted, then an
-- empty code set
DELETE FROM payers WHERE payer_id = 'MCR01';
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim(), true);
DELETE FROM icd10cm_codes;
SELECT rule_id, severity, line_no, field, value, message FROM validate(pg_temp.claim('{"diagnoses": ["E11"]}'), true);

ROLLBACK;
