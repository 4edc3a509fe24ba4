-- pgTAP: the rule catalog and a case table over every rule: for each rule
-- claims that fire it (with the severity, line and field of every issue it
-- raises) and near misses that do not.  The claims are the base claim of
-- test/fixtures.psql with one thing changed.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT plan(218);

\ir fixtures.psql

-- ===== the catalog =====

-- The ids of the tables of /work/shared/RULES.md (the AUDIT_* rules too),
-- plus the two input rules.
CREATE TEMP TABLE rules_md (rule_id text PRIMARY KEY);
INSERT INTO rules_md VALUES
	('NPI_BILLING_INVALID'), ('NPI_RENDERING_INVALID'), ('PAYER_UNKNOWN'), ('MEMBER_ID_MISSING'),
	('TIMELY_FILING_EXPIRED'), ('FREQUENCY_REF_MISSING'), ('CHARGE_TOTAL_MISMATCH'), ('CHARGE_NOT_POSITIVE'),
	('AUTH_MISSING'), ('AUTH_MISMATCH'), ('LINES_TOO_MANY'),
	('PATIENT_BIRTH_DATE_INVALID'), ('PATIENT_SEX_INVALID'), ('SERVICE_DATES_INVALID'),
	('DX_MISSING'), ('DX_TOO_MANY'), ('DX_INVALID'), ('DX_NOT_BILLABLE'), ('DX_EXTERNAL_CAUSE_PRIMARY'),
	('DX_MANIFESTATION_PRIMARY'), ('DX_UNACCEPTABLE_PRIMARY'), ('DX_AGE_CONFLICT'), ('DX_SEX_CONFLICT'),
	('DX_DUPLICATE'), ('DX_UNSPECIFIED'), ('DX_POINTER_INVALID'),
	('PROC_INVALID'), ('UNITS_INVALID'), ('MOD_INVALID'), ('MOD_CONFLICT'), ('MOD_LATERALITY_DX'),
	('NCCI_PTP_NEVER'), ('NCCI_PTP_MODIFIER'), ('MUE_LINE'), ('MUE_DAY'), ('EM_SAME_DAY_NO_25'),
	('LINE_DUPLICATE'), ('NDC_REQUIRED'), ('NDC_INVALID'), ('POS_INVALID'),
	('AUDIT_HIGH_DOLLAR'), ('AUDIT_RISKY_MODIFIER'), ('AUDIT_UNLISTED_PROC'), ('AUDIT_DENIAL_RISK'), ('AUDIT_MANY_WARNINGS');

-- the rules added since: completeness, the front-end edits, the 837I's own
-- codes, the modifier reference's, the duplicates across claims, the X12
-- envelope's (validate_837, sql/x12_837.sql shows each), the 835's
-- (validate_835, sql/x12_835.sql)
CREATE TEMP TABLE rules_added (rule_id text PRIMARY KEY);
INSERT INTO rules_added VALUES
	('CLAIM_INCOMPLETE'), ('BILLING_ADDRESS_INVALID'), ('TAX_ID_INVALID'), ('TAXONOMY_INVALID'), ('NAME_INVALID'),
	('RELATIONSHIP_INVALID'), ('TOB_INVALID'), ('REVENUE_CODE_INVALID'), ('ADMISSION_INVALID'), ('DISCHARGE_STATUS_INVALID'),
	('PCS_INVALID'), ('MOD_NOT_APPLICABLE'), ('MOD_ORDER'), ('MOD_PAYER_PREFERS_OTHER'), ('DUPLICATE_CLAIM'), ('DUPLICATE_SERVICE'),
	('X12_ISA_INVALID'), ('X12_TRAILER_MISSING'), ('X12_SE_COUNT'), ('X12_GROUP_COUNT'), ('X12_CONTROL_MISMATCH'),
	('X12_VERSION_UNSUPPORTED'), ('X12_SEGMENT_UNKNOWN'), ('X12_SEPARATOR_MISMATCH'),
	('X12_ELEMENT_MISSING'), ('X12_ELEMENT_LENGTH'), ('X12_CODE_INVALID'), ('X12_LOOP_MISSING'), ('X12_LOOP_REPEAT'),
	('X12_SEGMENT_ORDER'), ('X12_SEGMENT_MISSING'), ('X12_VALUE_INVALID'), ('X12_835_UNBALANCED'),
	('ELIGIBILITY_INACTIVE'), ('ELIGIBILITY_UNKNOWN'), ('PAYER_PLAN_MISMATCH');

SELECT set_eq('SELECT rule_id FROM cleanclaim.rule_catalog()',
			  $$SELECT rule_id FROM rules_md UNION ALL SELECT rule_id FROM rules_added UNION ALL VALUES ('FIELD_UNKNOWN'), ('FIELD_INVALID')$$,
			  'the catalog has exactly the rules of RULES.md, those added since, and FIELD_UNKNOWN, FIELD_INVALID');
SELECT is((SELECT count(*) FROM rule_catalog()), 83::bigint, 'the catalog has 83 rules, each once');
SELECT set_eq($$SELECT rule_id FROM rule_catalog() WHERE category = 'audit'$$, $$SELECT rule_id FROM rules_md WHERE rule_id LIKE 'AUDIT\_%'$$,
			  'the AUDIT_* rules, and only they, are in category audit (test/audit.sql tests them)');
SELECT set_eq('SELECT rule_id FROM cleanclaim.rules', 'SELECT rule_id FROM cleanclaim.rule_catalog()',
			  'the rules view lists the catalog');
SELECT is_empty($$SELECT rule_id FROM rule_catalog() WHERE category IS NULL OR owner NOT IN ('coding', 'billing', 'front_office', 'provider')
				   OR default_severity NOT IN ('error', 'warning', 'info') OR description IS NULL OR rule_hint(rule_id) IS NULL$$,
				'every rule has a category, an owner team, a severity, a description and a fix hint');
SELECT is((SELECT array_agg(rule_id) FROM rule_catalog() WHERE NOT enabled_by_default), ARRAY['DX_SEX_CONFLICT'],
		  'DX_SEX_CONFLICT is the one rule off by default');

-- ===== the base claim =====
SELECT is_empty($$SELECT * FROM cleanclaim.validate(pg_temp.claim(), true) WHERE rule_id NOT LIKE 'DUPLICATE\_%' AND rule_id <> 'ELIGIBILITY_UNKNOWN'$$,
				'the base claim is clean and every rule could run on it (but the duplicate rules, which compare the claims of a table, and ELIGIBILITY_UNKNOWN: its payer has no eligibility answer on file)');
SELECT is((SELECT severity || ': ' || message FROM cleanclaim.validate(pg_temp.claim(), true) WHERE rule_id = 'ELIGIBILITY_UNKNOWN'),
		  'not_checked: not checked: no eligibility answer from payer MCR01 is on file', 'ELIGIBILITY_UNKNOWN says why it did not run for a payer without answers');
SELECT is((SELECT string_agg(rule_id || ' ' || severity, ', ' ORDER BY rule_id) FROM cleanclaim.validate(pg_temp.claim(), true) WHERE rule_id LIKE 'DUPLICATE\_%'),
		  'DUPLICATE_CLAIM not_checked, DUPLICATE_SERVICE not_checked', 'validate() says the duplicate rules did not run');

-- ===== the cases =====
CREATE TEMP TABLE cases (n serial, rule text, note text, claim jsonb, fires boolean, expect text);
INSERT INTO cases (rule, note, claim, fires, expect) VALUES
-- input
('FIELD_UNKNOWN', 'a misspelled claim field', pg_temp.claim('{"patient_birthdate": "1970-05-15"}'), true, 'warning - patient_birthdate'),
('FIELD_UNKNOWN', 'a misspelled line field', pg_temp.line(pg_temp.claim(), 2, '{"proceedure": "85025"}'), true, 'warning 2 proceedure'),
('FIELD_UNKNOWN', 'known fields, null', pg_temp.claim('{"referring_npi": null}'), false, NULL),
('FIELD_INVALID', 'a date as MM/DD/YYYY', pg_temp.claim('{"service_to": "03/04/2024"}'), true, 'error - service_to'),
('FIELD_INVALID', 'a line unit as a word, a claim type that is neither', pg_temp.line(pg_temp.claim('{"claim_type": "dental"}'), 1, '{"units": "one"}'),
 true, 'error 1 units; error - claim_type'),
('FIELD_INVALID', 'a date as YYYYMMDD', pg_temp.claim('{"service_to": "20240304"}'), false, NULL),
-- completeness (the payer PARTL turns CLAIM_INCOMPLETE off: its claims come
-- from a partial extract, and each rule reports an empty field of its own)
('CLAIM_INCOMPLETE', 'billing NPI empty', pg_temp.claim('{"billing_npi": ""}'), true, 'error - billing_npi'),
('CLAIM_INCOMPLETE', 'payer id null, subscriber name absent', pg_temp.claim('{"payer_id": null}') - 'subscriber_last_name', true,
 'error - payer_id; error - subscriber_last_name'),
('CLAIM_INCOMPLETE', 'no total, a line without units, and no date anywhere', pg_temp.line(pg_temp.claim('{"total_charge": null}') - 'service_from' - 'service_to', 2, '{"units": null, "service_date": null}'),
 true, 'error - total_charge; error 2 units; error 2 service_date'),
('CLAIM_INCOMPLETE', 'a child without a name of its own', pg_temp.claim('{"patient_relationship": "19"}'), true, 'error - patient_last_name'),
('CLAIM_INCOMPLETE', 'an inpatient stay without its admission and a room line without a revenue code',
 jsonb_set(pg_temp.inpatient() - 'admission_date' - 'attending_npi', '{lines,0,revenue_code}', 'null'), true,
 'error - attending_npi; error - admission_date; error 1 revenue_code'),
('CLAIM_INCOMPLETE', 'a claim without its subscriber''s name, from the partial extract', pg_temp.claim('{"payer_id": "PARTL"}') - 'subscriber_last_name', false, NULL),
('CLAIM_INCOMPLETE', 'lines dated, no claim dates; no situational element', pg_temp.claim() - 'service_from' - 'service_to'
 - 'billing_taxonomy' - 'rendering_npi' - 'referring_npi', false, NULL),
('CLAIM_INCOMPLETE', 'an outpatient visit needs no admission date', pg_temp.inpatient('{"type_of_bill": "131"}') - 'admission_date' - 'admission_type', false, NULL),
-- provider and payer
('NPI_BILLING_INVALID', 'wrong check digit', pg_temp.claim('{"billing_npi": "1234567890"}'), true, 'error - billing_npi'),
('NPI_BILLING_INVALID', 'missing, in a partial extract', pg_temp.claim('{"payer_id": "PARTL", "billing_npi": ""}'), true, 'error - billing_npi'),
('NPI_BILLING_INVALID', 'first digit 3', pg_temp.claim('{"billing_npi": "3234567893"}'), true, 'error - billing_npi'),
('NPI_BILLING_INVALID', 'another valid NPI', pg_temp.claim('{"billing_npi": "2000000002"}'), false, NULL),
('NPI_RENDERING_INVALID', 'header rendering, referring and line NPIs', pg_temp.line(pg_temp.claim('{"rendering_npi": "1558598798", "referring_npi": "12455"}'), 2, '{"rendering_npi": "2000000001"}'),
 true, 'error - rendering_npi; error - referring_npi; error 2 rendering_npi'),
('NPI_RENDERING_INVALID', 'no referring provider', pg_temp.claim('{"referring_npi": null}'), false, NULL),
('PAYER_UNKNOWN', 'not in the payers table', pg_temp.claim('{"payer_id": "MCR99"}'), true, 'error - payer_id'),
('PAYER_UNKNOWN', 'another payer of the table', pg_temp.claim('{"payer_id": "COMM1"}'), false, NULL),
('MEMBER_ID_MISSING', 'blank, in a partial extract', pg_temp.claim('{"payer_id": "PARTL", "member_id": " "}'), true, 'error - member_id'),
('MEMBER_ID_MISSING', 'any member id', pg_temp.claim('{"member_id": "0"}'), false, NULL),
('TIMELY_FILING_EXPIRED', 'a day past Medicare''s 365 days', pg_temp.claim('{"submitted_on": "2025-03-05"}'), true, 'error - submitted_on'),
('TIMELY_FILING_EXPIRED', 'a day past the plan''s 90 days', pg_temp.claim('{"payer_id": "COMM1", "submitted_on": "2024-06-03"}'), true, 'error - submitted_on'),
('TIMELY_FILING_EXPIRED', 'not submitted, 10 days before the limit', pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date - 355), true, 'warning - service_from'),
('TIMELY_FILING_EXPIRED', 'not submitted, long past the limit', pg_temp.claim() - 'submitted_on', true, 'error - submitted_on'),
('TIMELY_FILING_EXPIRED', 'submitted on the last day', pg_temp.claim('{"submitted_on": "2025-03-04"}'), false, NULL),
('TIMELY_FILING_EXPIRED', 'not submitted, 15 days before the limit', pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date - 350), false, NULL),
('FREQUENCY_REF_MISSING', 'replacement without the original', pg_temp.claim('{"frequency_code": "7"}'), true, 'error - original_claim_id'),
('FREQUENCY_REF_MISSING', 'original naming one', pg_temp.claim('{"original_claim_id": "ICN-1"}'), true, 'error - original_claim_id'),
('FREQUENCY_REF_MISSING', 'no frequency code', pg_temp.claim('{"frequency_code": "R"}'), true, 'error - frequency_code'),
('FREQUENCY_REF_MISSING', 'void naming the original', pg_temp.claim('{"frequency_code": "8", "original_claim_id": "ICN-1"}'), false, NULL),
('CHARGE_TOTAL_MISMATCH', 'total 10.00 over', pg_temp.claim('{"total_charge": 160}'), true, 'error - total_charge'),
('CHARGE_TOTAL_MISMATCH', 'within half a cent', pg_temp.claim('{"total_charge": 150.004}'), false, NULL),
('CHARGE_NOT_POSITIVE', 'a zero line', pg_temp.line(pg_temp.claim('{"total_charge": 125}'), 2, '{"charge": 0}'), true, 'error 2 charge'),
('CHARGE_NOT_POSITIVE', 'no total, in a partial extract', pg_temp.claim('{"payer_id": "PARTL", "total_charge": null}'), true, 'error - total_charge'),
('CHARGE_NOT_POSITIVE', 'a cent', pg_temp.line(pg_temp.claim('{"total_charge": 125.01}'), 2, '{"charge": 0.01}'), false, NULL),
('AUTH_MISSING', 'knee replacement without authorization', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"]}', '{"procedure": "27447", "modifiers": ["RT"]}'),
 true, 'error 1 prior_auth'),
('AUTH_MISSING', 'with the authorization', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001"}', '{"procedure": "27447", "modifiers": ["RT"]}'), false, NULL),
('AUTH_MISSING', 'a payer without the requirement', pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "27447", "modifiers": ["RT"]}'), false, NULL),
('AUTH_MISMATCH', 'not on file', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-9"}', '{"procedure": "27447", "modifiers": ["RT"]}'),
 true, 'error - prior_auth'),
('AUTH_MISMATCH', 'another member', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001", "member_id": "M2"}', '{"procedure": "27447", "modifiers": ["RT"]}'),
 true, 'error - member_id'),
('AUTH_MISMATCH', 'outside its dates', pg_temp.dated(pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001", "submitted_on": "2024-04-10"}', '{"procedure": "27447", "modifiers": ["RT"]}'), '2024-04-02'),
 true, 'error 1 service_date'),
('AUTH_MISMATCH', 'units beyond what is left', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001"}', '{"procedure": "27447", "modifiers": ["RT"], "units": 2}'),
 true, 'error - prior_auth'),
('AUTH_MISMATCH', 'another procedure that needs one', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001"}', '{"procedure": "20610", "modifiers": ["RT"]}'),
 true, 'error 1 procedure'),
('AUTH_MISMATCH', 'covered', pg_temp.lines('{"payer_id": "COMM1", "diagnoses": ["M17.11"], "prior_auth": "PA-5001"}', '{"procedure": "27447", "modifiers": ["RT"]}'), false, NULL),
-- eligibility (the answers of the fixtures: ELIG1's)
('ELIGIBILITY_INACTIVE', 'coverage ended before the service', pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-ENDED"}'), true, 'error - member_id'),
('ELIGIBILITY_INACTIVE', 'coverage starts after the service', pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-LATER"}'), true, 'error - member_id'),
('ELIGIBILITY_INACTIVE', 'covered by the newer of two answers', pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-ACTIVE"}'), false, NULL),
('ELIGIBILITY_INACTIVE', 'covered from June, served in June', pg_temp.dated(pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-LATER", "submitted_on": "2024-06-20"}'), '2024-06-03'), false, NULL),
('ELIGIBILITY_UNKNOWN', 'no answer for the member from a payer whose answers are on file', pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-NONE"}'), true, 'warning - member_id'),
('ELIGIBILITY_UNKNOWN', 'an answer on file', pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-ACTIVE"}'), false, NULL),
('PAYER_PLAN_MISMATCH', 'billed to another payer than the one that covers the member', pg_temp.claim('{"payer_id": "COMM1", "member_id": "E-ACTIVE"}'), true, 'error - payer_id'),
('PAYER_PLAN_MISMATCH', 'billed to the payer that covers the member', pg_temp.claim('{"payer_id": "ELIG1", "member_id": "E-ACTIVE"}'), false, NULL),
('LINES_TOO_MANY', '51 lines', (SELECT pg_temp.lines('{}', VARIADIC array_agg('{"procedure": "85025", "modifiers": ["91"]}'::jsonb)) FROM generate_series(1, 51)), true, 'error - lines'),
('LINES_TOO_MANY', '50 lines', (SELECT pg_temp.lines('{}', VARIADIC array_agg('{"procedure": "85025", "modifiers": ["91"]}'::jsonb)) FROM generate_series(1, 50)), false, NULL),
('LINES_TOO_MANY', '51 lines, institutional', (SELECT pg_temp.as_institutional(pg_temp.lines('{}', VARIADIC array_agg('{"procedure": "85025", "modifiers": ["91"]}'::jsonb))) FROM generate_series(1, 51)),
 false, NULL),
-- patient and dates
('PATIENT_BIRTH_DATE_INVALID', 'missing, in a partial extract', pg_temp.claim('{"payer_id": "PARTL", "patient_birth_date": null}'), true, 'error - patient_birth_date'),
('PATIENT_BIRTH_DATE_INVALID', 'after the service', pg_temp.claim('{"patient_birth_date": "2024-03-05"}'), true, 'error - patient_birth_date'),
('PATIENT_BIRTH_DATE_INVALID', 'in the future', pg_temp.claim(jsonb_build_object('patient_birth_date', current_date + 1)), true, 'error - patient_birth_date'),
('PATIENT_BIRTH_DATE_INVALID', 'born the day of service', pg_temp.claim('{"patient_birth_date": "2024-03-04"}'), false, NULL),
('PATIENT_SEX_INVALID', 'X', pg_temp.claim('{"patient_sex": "X"}'), true, 'error - patient_sex'),
('PATIENT_SEX_INVALID', 'missing, in a partial extract', pg_temp.claim('{"payer_id": "PARTL", "patient_sex": null}'), true, 'error - patient_sex'),
('PATIENT_SEX_INVALID', 'u', pg_temp.claim('{"patient_sex": "u"}'), false, NULL),
('SERVICE_DATES_INVALID', 'from after to', pg_temp.claim('{"service_from": "2024-03-05"}'), true, 'error - service_from; error 1 service_date; error 2 service_date'),
('SERVICE_DATES_INVALID', 'a line after the period', pg_temp.line(pg_temp.claim(), 2, '{"service_date": "2024-03-05"}'), true, 'error 2 service_date'),
('SERVICE_DATES_INVALID', 'before ICD-10', pg_temp.dated(pg_temp.claim('{"submitted_on": "2015-10-05"}'), '2015-09-30'), true, 'error - service_from'),
('SERVICE_DATES_INVALID', 'in the future', pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date + 1), true, 'error - service_from; error 1 service_date; error 2 service_date'),
('SERVICE_DATES_INVALID', 'the first day of ICD-10', pg_temp.dated(pg_temp.claim('{"submitted_on": "2015-10-05"}'), '2015-10-01'), false, NULL),
('SERVICE_DATES_INVALID', 'today', pg_temp.dated(pg_temp.claim() - 'submitted_on', current_date), false, NULL),
-- diagnoses
('DX_MISSING', 'empty list, in a partial extract', pg_temp.claim('{"payer_id": "PARTL", "diagnoses": []}'), true, 'error - diagnoses'),
('DX_MISSING', 'one diagnosis', pg_temp.line(pg_temp.claim('{"diagnoses": ["E11.9"]}'), 1, '{"dx_pointers": [1]}'), false, NULL),
('DX_TOO_MANY', '13', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "M17.11", "M17.12", "J45.909", "U07.1", "G63", "Z00.00", "N40.0", "O80", "Z38.00", "Z37.0", "E11"]}'), true, 'error - diagnoses'),
('DX_TOO_MANY', '12', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "M17.11", "M17.12", "J45.909", "U07.1", "G63", "Z00.00", "N40.0", "O80", "Z38.00", "Z37.0"]}'), false, NULL),
('DX_INVALID', 'not in the code set, not a code', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "Q99.9", "250.00"]}'), true, 'error - diagnoses; error - diagnoses'),
('DX_INVALID', 'before the code existed', pg_temp.dated(pg_temp.claim('{"diagnoses": ["E11.9", "U07.1"], "submitted_on": "2019-06-10"}'), '2019-06-03'), true, 'error - diagnoses'),
('DX_INVALID', 'after the code came in', pg_temp.claim('{"diagnoses": ["E11.9", "U07.1"]}'), false, NULL),
('DX_NOT_BILLABLE', 'a category header', pg_temp.claim('{"diagnoses": ["E11", "I10"]}'), true, 'error - diagnoses'),
('DX_NOT_BILLABLE', 'the code under it', pg_temp.claim('{"diagnoses": ["E11.9", "I10"]}'), false, NULL),
('DX_EXTERNAL_CAUSE_PRIMARY', 'external cause first', pg_temp.claim('{"diagnoses": ["W01.0XXA", "I10"]}'), true, 'error - diagnoses'),
('DX_EXTERNAL_CAUSE_PRIMARY', 'external cause second', pg_temp.claim('{"diagnoses": ["I10", "W01.0XXA"]}'), false, NULL),
('DX_MANIFESTATION_PRIMARY', 'manifestation first', pg_temp.claim('{"diagnoses": ["G63", "E11.9"]}'), true, 'error - diagnoses'),
('DX_MANIFESTATION_PRIMARY', 'manifestation second', pg_temp.claim('{"diagnoses": ["E11.9", "G63"]}'), false, NULL),
('DX_UNACCEPTABLE_PRIMARY', 'unacceptable first', pg_temp.claim('{"diagnoses": ["Z37.0", "E11.9"]}'), true, 'error - diagnoses'),
('DX_UNACCEPTABLE_PRIMARY', 'unacceptable second', pg_temp.claim('{"diagnoses": ["E11.9", "Z37.0"]}'), false, NULL),
('DX_AGE_CONFLICT', 'newborn code at 1', pg_temp.claim('{"diagnoses": ["Z38.00", "I10"], "patient_birth_date": "2023-03-04"}'), true, 'error - diagnoses'),
('DX_AGE_CONFLICT', 'pediatric code at 18', pg_temp.claim('{"diagnoses": ["Z00.129", "I10"], "patient_birth_date": "2006-03-04"}'), true, 'error - diagnoses'),
('DX_AGE_CONFLICT', 'maternity code at 65', pg_temp.claim('{"diagnoses": ["O80", "I10"], "patient_birth_date": "1959-03-04"}'), true, 'error - diagnoses'),
('DX_AGE_CONFLICT', 'adult code at 14, second-listed', pg_temp.claim('{"diagnoses": ["I10", "Z00.00"], "patient_birth_date": "2009-03-05"}'), true, 'error - diagnoses'),
('DX_AGE_CONFLICT', 'newborn code at 0', pg_temp.claim('{"diagnoses": ["Z38.00", "I10"], "patient_birth_date": "2023-03-05"}'), false, NULL),
('DX_AGE_CONFLICT', 'maternity code at 9', pg_temp.claim('{"diagnoses": ["O80", "I10"], "patient_birth_date": "2015-03-04"}'), false, NULL),
('DX_AGE_CONFLICT', 'adult code at 15', pg_temp.claim('{"diagnoses": ["Z00.00", "I10"], "patient_birth_date": "2009-03-04"}'), false, NULL),
('DX_SEX_CONFLICT', 'male code, female patient, payer with sex edits', pg_temp.claim('{"payer_id": "MCD01", "diagnoses": ["N40.0", "I10"]}'), true, 'error - diagnoses'),
('DX_SEX_CONFLICT', 'female code, male patient, payer with sex edits', pg_temp.claim('{"payer_id": "MCD01", "diagnoses": ["I10", "O80"], "patient_sex": "M", "patient_birth_date": "1990-01-01"}'),
 true, 'error - diagnoses'),
('DX_SEX_CONFLICT', 'male code, female patient, default (off)', pg_temp.claim('{"diagnoses": ["N40.0", "I10"]}'), false, NULL),
('DX_SEX_CONFLICT', 'male code, male patient', pg_temp.claim('{"payer_id": "MCD01", "diagnoses": ["N40.0", "I10"], "patient_sex": "M"}'), false, NULL),
('DX_DUPLICATE', 'the same code written twice two ways', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "e119"]}'), true, 'warning - diagnoses'),
('DX_DUPLICATE', 'siblings', pg_temp.claim('{"diagnoses": ["M17.11", "M17.12"]}'), false, NULL),
('DX_UNSPECIFIED', 'unspecified side with right and left codes', pg_temp.claim('{"diagnoses": ["M17.10", "I10"]}'), true, 'warning - diagnoses'),
('DX_UNSPECIFIED', 'unspecified, no specified sibling', pg_temp.claim('{"diagnoses": ["J45.909", "I10"]}'), false, NULL),
('DX_POINTER_INVALID', 'past the end', pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": [1, 3]}'), true, 'error 1 dx_pointers'),
('DX_POINTER_INVALID', 'no pointer, in a partial extract', pg_temp.line(pg_temp.claim('{"payer_id": "PARTL"}'), 2, '{"dx_pointers": []}'), true, 'error 2 dx_pointers'),
('DX_POINTER_INVALID', 'five pointers', pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": [1, 2, 1, 2, 1]}'), true, 'error 1 dx_pointers'),
('DX_POINTER_INVALID', 'pointers as text', pg_temp.line(pg_temp.claim(), 1, '{"dx_pointers": "2:1"}'), false, NULL),
-- procedures and modifiers
('PROC_INVALID', 'not in the code set', pg_temp.line(pg_temp.claim(), 2, '{"procedure": "99215"}'), true, 'error 2 procedure'),
('PROC_INVALID', 'retired', pg_temp.line(pg_temp.claim(), 2, '{"procedure": "99201"}'), true, 'error 2 procedure'),
('PROC_INVALID', 'not a code', pg_temp.line(pg_temp.claim(), 2, '{"procedure": "8502"}'), true, 'error 2 procedure'),
('PROC_INVALID', 'missing, in a partial extract', pg_temp.line(pg_temp.claim('{"payer_id": "PARTL"}'), 2, '{"procedure": null}'), true, 'error 2 procedure'),
('PROC_INVALID', 'retired, on its last day', pg_temp.dated(pg_temp.line(pg_temp.claim('{"submitted_on": "2021-01-05"}'), 2, '{"procedure": "99201"}'), '2020-12-31'), false, NULL),
('UNITS_INVALID', 'zero', pg_temp.line(pg_temp.claim(), 2, '{"units": 0}'), true, 'error 2 units'),
('UNITS_INVALID', 'fractional', pg_temp.line(pg_temp.claim(), 2, '{"units": 0.5}'), true, 'error 2 units'),
('UNITS_INVALID', 'missing, in a partial extract', pg_temp.line(pg_temp.claim('{"payer_id": "PARTL"}'), 1, '{"units": null}'), true, 'error 1 units'),
('UNITS_INVALID', 'whole, as text', pg_temp.line(pg_temp.claim(), 2, '{"units": "2"}'), false, NULL),
('MOD_INVALID', 'not in the list', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["ZZ"]}'), true, 'error 2 modifiers'),
('MOD_INVALID', 'five', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["59", "76", "XS", "26", "RT"]}'), true, 'error 2 modifiers'),
('MOD_INVALID', 'four, as text', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": "26 xs 91 rt"}'), false, NULL),
('MOD_CONFLICT', 'LT and RT', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["LT", "RT"]}'), true, 'error 2 modifiers'),
('MOD_CONFLICT', '26 and TC', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["26", "TC"]}'), true, 'error 2 modifiers'),
('MOD_CONFLICT', '50 and LT', pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["50", "LT"]}'), true, 'error 1 modifiers'),
('MOD_CONFLICT', '59 and XS', pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["59", "XS"]}'), true, 'error 1 modifiers'),
('MOD_CONFLICT', 'a right-hand thumb and LT', pg_temp.lines('{}', '{"procedure": "26010", "modifiers": ["F5", "LT"]}'), true, 'error 1 modifiers'),
('MOD_CONFLICT', '50 alone', pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["50"]}'), false, NULL),
('MOD_CONFLICT', 'a right-hand thumb and RT', pg_temp.lines('{}', '{"procedure": "26010", "modifiers": ["F5", "RT"]}'), false, NULL),
('MOD_NOT_APPLICABLE', '25 on an injection', pg_temp.lines('{}', '{"procedure": "96372", "modifiers": ["25"]}'), true, 'error 1 modifiers'),
('MOD_NOT_APPLICABLE', '26 on an E/M visit, 91 on an X-ray', pg_temp.lines('{}', '{"procedure": "99213", "modifiers": ["26"]}', '{"procedure": "73610", "modifiers": ["91"]}'),
 true, 'error 1 modifiers; error 2 modifiers'),
('MOD_NOT_APPLICABLE', '1P on a Category I code', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["1P"]}'), true, 'error 2 modifiers'),
('MOD_NOT_APPLICABLE', '25 on the E/M visit', pg_temp.line(pg_temp.claim(), 1, '{"modifiers": ["25"]}'), false, NULL),
('MOD_NOT_APPLICABLE', '25 on an eye exam (also_codes)', pg_temp.lines('{}', '{"procedure": "92012", "modifiers": ["25"]}'), false, NULL),
('MOD_NOT_APPLICABLE', '91 on a blood count, 26 on an X-ray', pg_temp.lines('{}', '{"procedure": "85025", "modifiers": ["91"]}', '{"procedure": "73610", "modifiers": ["26"]}'),
 false, NULL),
('MOD_ORDER', 'TC after LT', pg_temp.lines('{}', '{"procedure": "73610", "modifiers": ["LT", "TC"]}'), true, 'warning 1 modifiers'),
('MOD_ORDER', '26 after GA, then 50', pg_temp.lines('{}', '{"procedure": "73610", "modifiers": ["GA", "26", "50"]}'), true, 'warning 1 modifiers'),
('MOD_ORDER', 'TC first', pg_temp.lines('{}', '{"procedure": "73610", "modifiers": ["TC", "LT"]}'), false, NULL),
('MOD_ORDER', '26 after 50, both pricing', pg_temp.lines('{}', '{"procedure": "73610", "modifiers": ["50", "26"]}'), false, NULL),
('MOD_PAYER_PREFERS_OTHER', '59 for a payer that wants an X modifier', pg_temp.lines('{"payer_id": "MCD01"}', '{"procedure": "20610", "modifiers": ["59"]}'),
 true, 'error 1 modifiers'),
('MOD_PAYER_PREFERS_OTHER', 'XS for that payer', pg_temp.lines('{"payer_id": "MCD01"}', '{"procedure": "20610", "modifiers": ["XS"]}'), false, NULL),
('MOD_PAYER_PREFERS_OTHER', '59 for another payer', pg_temp.lines('{}', '{"procedure": "20610", "modifiers": ["59"]}'), false, NULL),
('MOD_LATERALITY_DX', 'RT, left-knee diagnosis', pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["RT"], "dx_pointers": [2]}'),
 true, 'warning 1 modifiers'),
('MOD_LATERALITY_DX', 'LT, right-knee diagnosis', pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["LT"], "dx_pointers": [2, 1]}'),
 true, 'warning 1 modifiers'),
('MOD_LATERALITY_DX', 'RT, right-knee diagnosis', pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["RT"], "dx_pointers": [1]}'), false, NULL),
('MOD_LATERALITY_DX', '50, both diagnoses', pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["50"], "dx_pointers": [1, 2]}'), false, NULL),
('NCCI_PTP_NEVER', 'injection with the knee replacement, even with 59', pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "27447"}', '{"procedure": "20610", "modifiers": ["59"]}'),
 true, 'error 2 procedure'),
('NCCI_PTP_NEVER', 'the same, column 2 first', pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "20610"}', '{"procedure": "27447"}'), true, 'error 1 procedure'),
('NCCI_PTP_NEVER', 'on different days', pg_temp.lines('{"diagnoses": ["M17.11"], "service_to": "2024-03-05"}', '{"procedure": "27447"}', '{"procedure": "20610", "service_date": "2024-03-05"}'),
 false, NULL),
('NCCI_PTP_NEVER', 'institutional claim, practitioner edit', pg_temp.as_institutional(pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "27447"}', '{"procedure": "20610"}')),
 false, NULL),
('NCCI_PTP_MODIFIER', 'no modifier on column 2', pg_temp.lines('{}', '{"procedure": "97530"}', '{"procedure": "97140"}'), true, 'error 2 modifiers'),
('NCCI_PTP_MODIFIER', '59 on column 1 only', pg_temp.lines('{}', '{"procedure": "97530", "modifiers": ["59"]}', '{"procedure": "97140"}'), true, 'error 2 modifiers'),
('NCCI_PTP_MODIFIER', 'XS on column 2', pg_temp.lines('{}', '{"procedure": "97530"}', '{"procedure": "97140", "modifiers": ["XS"]}'), false, NULL),
('NCCI_PTP_MODIFIER', 'indicator 9', pg_temp.claim(), false, NULL),
('MUE_LINE', '5 units, MUE 4', pg_temp.lines('{}', '{"procedure": "97110", "units": 5}'), true, 'error 1 units'),
('MUE_LINE', '4 and 4 on two lines', pg_temp.lines('{}', '{"procedure": "97110", "units": 4}', '{"procedure": "97110", "units": 4, "modifiers": ["59"]}'), false, NULL),
('MUE_DAY', '3 units over two lines, MUE 2 per day', pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["RT"], "units": 2}', '{"procedure": "20610", "modifiers": ["LT"], "dx_pointers": [2]}'),
 true, 'error 1 units'),
('MUE_DAY', 'indicator 3', pg_temp.lines('{}', '{"procedure": "36415"}', '{"procedure": "36415", "modifiers": ["76"]}'), true, 'error 1 units'),
('MUE_DAY', 'over two days', pg_temp.lines('{"service_to": "2024-03-05"}', '{"procedure": "36415"}', '{"procedure": "36415", "service_date": "2024-03-05"}'), false, NULL),
('EM_SAME_DAY_NO_25', 'visit and injection', pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "99213"}', '{"procedure": "20610", "modifiers": ["RT"]}'), true, 'warning 1 modifiers'),
('EM_SAME_DAY_NO_25', 'with 25', pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "99213", "modifiers": ["25"]}', '{"procedure": "20610", "modifiers": ["RT"]}'), false, NULL),
('EM_SAME_DAY_NO_25', 'visit and therapy', pg_temp.lines('{}', '{"procedure": "99213"}', '{"procedure": "97110"}'), false, NULL),
('LINE_DUPLICATE', 'three copies', pg_temp.lines('{}', '{"procedure": "97110"}', '{"procedure": "97110"}', '{"procedure": "97110"}'), true, 'warning 2 procedure; warning 3 procedure'),
('LINE_DUPLICATE', 'with 76', pg_temp.lines('{}', '{"procedure": "97110"}', '{"procedure": "97110", "modifiers": ["76"]}'), false, NULL),
('LINE_DUPLICATE', 'other units', pg_temp.lines('{}', '{"procedure": "97110"}', '{"procedure": "97110", "units": 2}'), false, NULL),
('NDC_REQUIRED', 'J code without NDC', pg_temp.lines('{}', '{"procedure": "J1100", "units": 4}'), true, 'error 1 ndc'),
('NDC_REQUIRED', 'J code with NDC', pg_temp.lines('{}', '{"procedure": "J1100", "units": 4, "ndc": "00009001205"}'), false, NULL),
('NDC_INVALID', '9 digits', pg_temp.lines('{}', '{"procedure": "J1100", "ndc": "000900120"}'), true, 'error 1 ndc'),
('NDC_INVALID', '10 digits without hyphens', pg_temp.lines('{}', '{"procedure": "97110"}', '{"procedure": "J1100", "ndc": "0009001205"}'), true, 'error 2 ndc'),
('NDC_INVALID', '4-4-2 with hyphens', pg_temp.lines('{}', '{"procedure": "J1100", "ndc": "0009-0012-05"}'), false, NULL),
('POS_INVALID', 'not in the list, header', pg_temp.claim('{"place_of_service": "99"}'), true, 'error 1 place_of_service; error 2 place_of_service'),
('POS_INVALID', 'not 2 digits, line', pg_temp.line(pg_temp.claim(), 2, '{"place_of_service": "2"}'), true, 'error 2 place_of_service'),
('POS_INVALID', 'telehealth before 2017', pg_temp.dated(pg_temp.line(pg_temp.claim('{"submitted_on": "2016-03-05"}'), 2, '{"place_of_service": "02"}'), '2016-03-01'),
 true, 'error 2 place_of_service'),
('POS_INVALID', 'telehealth in 2024', pg_temp.line(pg_temp.claim(), 2, '{"place_of_service": "02"}'), false, NULL),
('POS_INVALID', 'institutional', pg_temp.as_institutional(pg_temp.claim()) || '{"place_of_service": "99"}', false, NULL),
-- front-end edits
('BILLING_ADDRESS_INVALID', 'a 5-digit ZIP code and a post office box', pg_temp.claim('{"billing_zip": "80202", "billing_address": "P O Box 9"}'), true,
 'error - billing_address; error - billing_zip'),
('BILLING_ADDRESS_INVALID', 'not a state', pg_temp.claim('{"billing_state": "ZZ"}'), true, 'error - billing_state'),
('BILLING_ADDRESS_INVALID', 'ZIP+4 without its hyphen, Box in a street name', pg_temp.claim('{"billing_zip": "802021234", "billing_address": "9 Boxelder St"}'), false, NULL),
('TAX_ID_INVALID', '8 digits', pg_temp.claim('{"billing_tax_id": "8412345"}'), true, 'error - billing_tax_id'),
('TAX_ID_INVALID', 'an SSN of area 666', pg_temp.claim('{"billing_tax_id": "666-12-3456"}'), true, 'error - billing_tax_id'),
('TAX_ID_INVALID', 'an SSN that can be issued', pg_temp.claim('{"billing_tax_id": "412-55-6789"}'), false, NULL),
('TAXONOMY_INVALID', 'not ending in X', pg_temp.claim('{"billing_taxonomy": "207Q00000Z"}'), true, 'error - billing_taxonomy'),
('TAXONOMY_INVALID', 'a NUCC code in lower case', pg_temp.claim('{"billing_taxonomy": "207q00000x"}'), false, NULL),
('NAME_INVALID', 'a placeholder and a digit', pg_temp.claim('{"subscriber_last_name": "TEST", "subscriber_first_name": "ANA2"}'), true,
 'error - subscriber_last_name; error - subscriber_first_name'),
('NAME_INVALID', 'no first name', pg_temp.claim('{"subscriber_first_name": ""}'), true, 'warning - subscriber_first_name'),
('NAME_INVALID', 'a child named BABY 2', pg_temp.claim('{"patient_relationship": "19", "patient_last_name": "RIVERA", "patient_first_name": "BABY 2"}'), true,
 'error - patient_first_name'),
('NAME_INVALID', 'an apostrophe, a hyphen, accents', pg_temp.claim('{"subscriber_last_name": "D''ÁVILA-RÍOS"}'), false, NULL),
('RELATIONSHIP_INVALID', 'a 4010 code', pg_temp.claim('{"patient_relationship": "04"}'), true, 'error - patient_relationship'),
('RELATIONSHIP_INVALID', 'self with another name', pg_temp.claim('{"patient_last_name": "RIVERA", "patient_first_name": "LUCIA"}'), true, 'warning - patient_relationship'),
('RELATIONSHIP_INVALID', 'a spouse with her name', pg_temp.claim('{"patient_relationship": "01", "patient_last_name": "RIVERA", "patient_first_name": "LUCIA"}'), false, NULL),
-- institutional claims
('TOB_INVALID', 'classification 0', pg_temp.inpatient('{"type_of_bill": "101"}'), true, 'error - type_of_bill'),
('TOB_INVALID', 'not in the list', pg_temp.inpatient('{"type_of_bill": "118"}'), true, 'error - type_of_bill'),
('TOB_INVALID', 'a replacement naming its original', pg_temp.inpatient('{"type_of_bill": "117", "original_claim_id": "ICN-1"}'), false, NULL),
('REVENUE_CODE_INVALID', 'three digits', jsonb_set(pg_temp.inpatient(), '{lines,0,revenue_code}', '"120"'), true, 'error 1 revenue_code'),
('REVENUE_CODE_INVALID', 'not in the list', jsonb_set(pg_temp.inpatient(), '{lines,1,revenue_code}', '"0301"'), true, 'error 2 revenue_code'),
('REVENUE_CODE_INVALID', 'an outpatient clinic visit', pg_temp.as_institutional(pg_temp.claim()), false, NULL),
('ADMISSION_INVALID', 'admitted after the stay began, type 0', pg_temp.inpatient('{"admission_date": "2024-03-02", "admission_type": "0"}'), true,
 'error - admission_date; error - admission_type'),
('ADMISSION_INVALID', 'point of origin 7', pg_temp.inpatient('{"admission_source": "7"}'), true, 'error - admission_source'),
('ADMISSION_INVALID', 'an interim bill of a stay that began earlier', pg_temp.inpatient('{"type_of_bill": "112", "admission_date": "2024-02-25", "discharge_status": "30"}'), false, NULL),
('DISCHARGE_STATUS_INVALID', 'still a patient on a final bill', pg_temp.inpatient('{"discharge_status": "30"}'), true, 'error - discharge_status'),
('DISCHARGE_STATUS_INVALID', 'not a code', pg_temp.inpatient('{"discharge_status": "99"}'), true, 'error - discharge_status'),
('DISCHARGE_STATUS_INVALID', 'transferred to a rehabilitation facility', pg_temp.inpatient('{"discharge_status": "62"}'), false, NULL),
('PCS_INVALID', 'an O in the code', pg_temp.inpatient('{"icd10pcs_procedures": ["0SRC0OZ"]}'), true, 'error - icd10pcs_procedures'),
('PCS_INVALID', 'two codes', pg_temp.inpatient('{"icd10pcs_procedures": ["0SRC0JZ", "5A1955Z"]}'), false, NULL);

-- every rule has a case that fires it and a near miss (the audit rules in test/audit.sql)
-- (the audit rules are test/audit.sql's; the duplicate rules compare claims
-- of a table, sql/duplicates.sql and specs/duplicates_concurrent.spec)
SELECT is_empty($$SELECT rule_id FROM rule_catalog() WHERE category NOT IN ('audit', 'duplicate', 'x12') EXCEPT SELECT rule FROM cases WHERE fires$$, 'every rule has a case that fires it');
SELECT is_empty($$SELECT rule_id FROM rule_catalog() WHERE category NOT IN ('audit', 'duplicate', 'x12') EXCEPT SELECT rule FROM cases WHERE NOT fires$$, 'every rule has a near miss');
SELECT is_empty($$SELECT rule FROM cases EXCEPT SELECT rule_id FROM rule_catalog()$$, 'every case names a rule of the catalog');

-- one test per case: the issues of its rule (severity, line, field), or none
SELECT is(pg_temp.fired(rule, claim), expect,
		  format('%s %s: %s', rule, CASE WHEN fires THEN 'fires' ELSE 'does not fire' END, note))
FROM cases ORDER BY n;

-- a near miss is clean of every rule, not only of its own (but for the
-- twelve diagnoses, among which a newborn code does not fit the patient)
SELECT is_empty($$SELECT c.rule, c.note, v.rule_id FROM cases c, cleanclaim.validate(c.claim) v
				   WHERE NOT c.fires AND NOT (c.rule = 'DX_TOO_MANY' AND v.rule_id = 'DX_AGE_CONFLICT')$$,
				'the near misses have no issue at all');

-- every issue carries its rule's category, owner and hint, and a message
SELECT is_empty($$SELECT v.* FROM cases c, cleanclaim.validate(c.claim) v JOIN cleanclaim.rule_catalog() r USING (rule_id)
				   WHERE v.category IS DISTINCT FROM r.category OR v.owner IS DISTINCT FROM r.owner
				      OR v.hint IS DISTINCT FROM cleanclaim.rule_hint(v.rule_id) OR coalesce(v.message, '') = ''$$,
				'every issue has its rule''s category, owner, hint, and a message');
-- issues() gives the rows of validate(); is_clean and quality_score agree with them
SELECT is_empty($$SELECT c.n FROM cases c
				   WHERE (SELECT count(*) FROM (SELECT * FROM unnest(cleanclaim.issues(c.claim))
												EXCEPT ALL SELECT * FROM cleanclaim.validate(c.claim)) d) > 0
				      OR cardinality(cleanclaim.issues(c.claim)) <> (SELECT count(*) FROM cleanclaim.validate(c.claim))$$,
				'issues() returns the rows of validate() for every case');
SELECT is_empty($$SELECT c.n FROM cases c
				   WHERE cleanclaim.is_clean(c.claim) <> NOT EXISTS (SELECT 1 FROM cleanclaim.validate(c.claim) WHERE severity = 'error')$$,
				'is_clean() is true exactly when validate() has no error, for every case');
SELECT is_empty($$SELECT c.n FROM cases c
				   WHERE cleanclaim.quality_score(c.claim) <> greatest(0, 100 - (SELECT coalesce(sum(CASE severity WHEN 'error' THEN 25 WHEN 'warning' THEN 5 ELSE 0 END), 0)
																				 FROM cleanclaim.validate(c.claim)))$$,
				'quality_score() is 100 minus 25 per error and 5 per warning (default weights), for every case');

-- Each rule alone (every other rule switched off in rule_settings) gives the
-- same answer on its cases: with no FIELD_* rule on, the engine reads only the
-- fields the rules that are on list in the catalog, so a field a rule reads
-- but does not list would show up here as a case that no longer fires.
CREATE FUNCTION pg_temp.cases_that_change_alone() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	-- (the payers' own settings of the fixtures stay)
	FOR r IN SELECT DISTINCT rule FROM cases WHERE rule NOT LIKE 'FIELD\_%' ORDER BY 1 LOOP
		DELETE FROM cleanclaim.rule_settings WHERE payer_id IS NULL;
		INSERT INTO cleanclaim.rule_settings (rule_id, enabled)
		SELECT rule_id, rule_id = r FROM cleanclaim.rule_catalog();
		RETURN QUERY SELECT format('%s %s: %s (gives %s)', c.rule, CASE WHEN c.fires THEN 'fires' ELSE 'does not fire' END,
								   c.note, coalesce(pg_temp.fired(c.rule, c.claim), 'nothing'))
					 FROM cases c
					 WHERE c.rule = r AND pg_temp.fired(c.rule, c.claim) IS DISTINCT FROM c.expect
					   AND c.note NOT LIKE '%default (off)%';	-- that case is about the rule being off
	END LOOP;
	DELETE FROM cleanclaim.rule_settings WHERE payer_id IS NULL;
END $$;
SELECT is_empty('SELECT * FROM pg_temp.cases_that_change_alone()',
				'every rule, alone, fires on its cases as with every rule on (its needs_fields list is complete)');

SELECT * FROM finish();
ROLLBACK;
