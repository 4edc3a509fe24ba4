-- pgTAP: one claim, four forms.  Each claim is given as jsonb (the claim
-- contract), as a table row with the contract's column names and its lines
-- as jsonb, as a row with its lines as cleanclaim.claim_line[], and as a FHIR
-- R4 Claim resource written by hand after the mapping in src/claim/claim_fhir.c;
-- all four must give the same issues (rule_id, line_no, field).
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

SELECT plan(53);

\ir fixtures.psql

-- The base claim as a FHIR R4 Claim: a contained Patient (name, birth date,
-- gender); the billing provider a contained Organization (NPI and tax id
-- among its identifiers, its work address), whose taxonomy is the
-- qualification of its care team entry; care team (primary = rendering,
-- referring, by NPI identifier); the focal insurance a contained Coverage
-- (subscriberId = member id, relationship self with no subscriber named, so
-- the patient is the subscriber); diagnoses with sequence, items with
-- productOrService, quantity, net, servicedDate, diagnosisSequence and
-- locationCodeableConcept (place of service per item; the first item's is
-- the claim's).
CREATE TEMP TABLE fhir_base AS SELECT '{
  "resourceType": "Claim",
  "id": "C-100",
  "identifier": [{"system": "urn:example:claims", "value": "C-100"}],
  "status": "active",
  "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
  "use": "claim",
  "patient": {"reference": "#pat1"},
  "contained": [
    {"resourceType": "Patient", "id": "pat1", "name": [{"use": "official", "family": "RIVERA", "given": ["ANA"]}],
     "birthDate": "1970-05-15", "gender": "female"},
    {"resourceType": "Organization", "id": "org1", "name": "Maple Avenue Clinic",
     "identifier": [
       {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "TAX"}]},
        "system": "urn:oid:2.16.840.1.113883.4.4", "value": "84-1234567"},
       {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NPI"}]},
        "system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
     "address": [{"use": "work", "line": ["1200 Maple Ave", "Ste 300"], "city": "Denver", "state": "CO", "postalCode": "80202-1234"}]},
    {"resourceType": "Coverage", "id": "cov1", "status": "active", "subscriberId": "M1001", "beneficiary": {"reference": "#pat1"},
     "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "self"}]},
     "payor": [{"identifier": {"value": "MCR01"}}]}
  ],
  "billablePeriod": {"start": "2024-03-04", "end": "2024-03-04"},
  "created": "2024-03-20",
  "insurer": {"identifier": {"value": "MCR01"}},
  "provider": {"reference": "#org1"},
  "priority": {"coding": [{"code": "normal"}]},
  "careTeam": [
    {"sequence": 1, "role": {"coding": [{"code": "primary"}]},
     "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1558598797"}}},
    {"sequence": 2, "role": {"coding": [{"code": "referring"}]},
     "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"}}},
    {"sequence": 3, "provider": {"reference": "#org1"},
     "qualification": {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207Q00000X"}]}}
  ],
  "diagnosis": [
    {"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}},
    {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]}}
  ],
  "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "#cov1"}}],
  "item": [
    {"sequence": 1, "diagnosisSequence": [1, 2],
     "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "99213"}]},
     "servicedDate": "2024-03-04",
     "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]},
     "quantity": {"value": 1}, "net": {"value": 125.00, "currency": "USD"}},
    {"sequence": 2, "diagnosisSequence": [1],
     "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "85025"}]},
     "servicedDate": "2024-03-04",
     "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]},
     "quantity": {"value": 1}, "net": {"value": 25.00, "currency": "USD"}}
  ],
  "total": {"value": 150.00, "currency": "USD"}
}'::jsonb AS fhir;
CREATE FUNCTION pg_temp.fhir(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql
	AS $$ SELECT fhir || patch FROM fhir_base $$;
-- a FHIR claim with elements of its contained resource of this id replaced
CREATE FUNCTION pg_temp.contained(fhir jsonb, id text, patch jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT fhir || jsonb_build_object('contained',
		(SELECT jsonb_agg(CASE WHEN r->>'id' = id THEN r || patch ELSE r END ORDER BY n)
		 FROM jsonb_array_elements(fhir->'contained') WITH ORDINALITY e(r, n))) $$;

-- issues as "RULE line field", sorted (the forms may read fields in another order)
CREATE FUNCTION pg_temp.issue_text(i cleanclaim.issue[]) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(concat_ws(' ', x.rule_id, coalesce(x.line_no::text, '-'), coalesce(x.field, '-')), ', '
							   ORDER BY x.rule_id, x.line_no NULLS FIRST, x.field), '')
	FROM unnest(i) x $$;

-- The claims: contract jsonb, the same claim in FHIR, and the issues expected.
CREATE TEMP TABLE forms (n serial, name text, claim jsonb, fhir jsonb, expect text);

INSERT INTO forms (name, claim, fhir, expect) VALUES
('clean', pg_temp.claim(), pg_temp.fhir(), ''),

('NPI errors',
 pg_temp.claim('{"billing_npi": "1234567890", "rendering_npi": "1558598798", "referring_npi": "12455"}'),
 pg_temp.contained(pg_temp.fhir('{"careTeam": [
				  {"sequence": 1, "role": {"coding": [{"code": "primary"}]},
				   "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1558598798"}}},
				  {"sequence": 2, "role": {"coding": [{"code": "referring"}]},
				   "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "12455"}}},
				  {"sequence": 3, "provider": {"reference": "#org1"},
				   "qualification": {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207Q00000X"}]}}]}'),
				   'org1', '{"identifier": [{"type": {"coding": [{"code": "TAX"}]}, "value": "84-1234567"},
											{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567890"}]}'),
 'NPI_BILLING_INVALID - billing_npi, NPI_RENDERING_INVALID - referring_npi, NPI_RENDERING_INVALID - rendering_npi'),

-- the FHIR diagnoses are listed out of sequence order: sequence 1 is the
-- principal (the external cause code, sequence 5, is not)
('diagnosis errors',
 pg_temp.line(pg_temp.line(pg_temp.claim('{"diagnoses": ["E11", "Q99.9", "M17.10", "E11", "W01.0XXA"]}'), 1, '{"dx_pointers": [1, 6]}'), 2, '{"dx_pointers": [3]}'),
 pg_temp.fhir('{"diagnosis": [
				  {"sequence": 5, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "W01.0XXA"}]}},
				  {"sequence": 3, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "M17.10"}]}},
				  {"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11"}]}},
				  {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Q99.9"}]}},
				  {"sequence": 4, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11"}]}}],
				"item": [
				  {"sequence": 1, "diagnosisSequence": [1, 6], "productOrService": {"coding": [{"code": "99213"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 125.00}},
				  {"sequence": 2, "diagnosisSequence": [3], "productOrService": {"coding": [{"code": "85025"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 25.00}}]}'),
 'DX_DUPLICATE - diagnoses, DX_INVALID - diagnoses, DX_NOT_BILLABLE - diagnoses, DX_NOT_BILLABLE - diagnoses, DX_POINTER_INVALID 1 dx_pointers, DX_UNSPECIFIED - diagnoses'),

('procedure errors',
 pg_temp.line(pg_temp.line(pg_temp.claim(), 1, '{"procedure": "99201"}'), 2, '{"procedure": "99215", "units": 0}'),
 pg_temp.fhir('{"item": [
				  {"sequence": 1, "diagnosisSequence": [1, 2], "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "99201"}]},
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 125.00}},
				  {"sequence": 2, "diagnosisSequence": [1], "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "99215"}]},
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 0}, "net": {"value": 25.00}}]}'),
 'PROC_INVALID 1 procedure, PROC_INVALID 2 procedure, UNITS_INVALID 2 units'),

('modifiers',
 pg_temp.lines('{"diagnoses": ["M17.11", "M17.12"]}', '{"procedure": "20610", "modifiers": ["ZZ", "RT"], "dx_pointers": [2]}',
			   '{"procedure": "20610", "modifiers": ["LT", "RT"], "charge": 50}'),
 pg_temp.fhir('{"diagnosis": [
				  {"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"code": "M17.11"}]}},
				  {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"code": "M17.12"}]}}],
				"item": [
				  {"sequence": 1, "diagnosisSequence": [2], "productOrService": {"coding": [{"code": "20610"}]},
				   "modifier": [{"coding": [{"code": "ZZ"}]}, {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "RT"}]}],
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}},
				  {"sequence": 2, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "20610"}]},
				   "modifier": [{"coding": [{"code": "LT"}]}, {"coding": [{"code": "RT"}]}],
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 50}}],
				"total": {"value": 150}}'),
 'MOD_CONFLICT 2 modifiers, MOD_INVALID 1 modifiers, MOD_LATERALITY_DX 1 modifiers'),

('NCCI and same-day edits',
 pg_temp.lines('{"diagnoses": ["M17.11"]}', '{"procedure": "27447"}', '{"procedure": "20610"}', '{"procedure": "97530"}',
			   '{"procedure": "97140"}', '{"procedure": "99213"}'),
 pg_temp.fhir('{"diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"code": "M17.11"}]}}],
				"item": [
				  {"sequence": 1, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "27447"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}},
				  {"sequence": 2, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "20610"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}},
				  {"sequence": 3, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "97530"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}},
				  {"sequence": 4, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "97140"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}},
				  {"sequence": 5, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "99213"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}}],
				"total": {"value": 500}}'),
 'EM_SAME_DAY_NO_25 5 modifiers, NCCI_PTP_MODIFIER 4 modifiers, NCCI_PTP_NEVER 2 procedure'),

('charges',
 pg_temp.line(pg_temp.claim('{"total_charge": 160}'), 2, '{"charge": 0}'),
 jsonb_set(pg_temp.fhir('{"total": {"value": 160, "currency": "USD"}}'), '{item,1,net}', '{"value": 0, "currency": "USD"}'),
 'CHARGE_NOT_POSITIVE 2 charge, CHARGE_TOTAL_MISMATCH - total_charge'),

-- line 4 carries its NDC as a second coding of productOrService
('units and drugs',
 pg_temp.lines('{}', '{"procedure": "97110", "units": 5}', '{"procedure": "J1100"}', '{"procedure": "97110", "units": 5}',
			   '{"procedure": "J1100", "units": 2, "ndc": "00009001205"}'),
 pg_temp.fhir('{"diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"code": "E11.9"}]}},
							  {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"code": "I10"}]}}],
				"item": [
				  {"sequence": 1, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "97110"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 5}, "net": {"value": 100}},
				  {"sequence": 2, "diagnosisSequence": [1], "productOrService": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J1100"}]},
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 100}},
				  {"sequence": 3, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "97110"}]}, "servicedDate": "2024-03-04",
				   "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 5}, "net": {"value": 100}},
				  {"sequence": 4, "diagnosisSequence": [1],
				   "productOrService": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J1100"},
												   {"system": "http://hl7.org/fhir/sid/ndc", "code": "00009001205"}]},
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 2}, "net": {"value": 100}}],
				"total": {"value": 400}}'),
 'LINE_DUPLICATE 3 procedure, MUE_LINE 1 units, MUE_LINE 3 units, NDC_REQUIRED 2 ndc'),

('patient, payer and filing',
 pg_temp.claim('{"payer_id": "MCR99", "member_id": "", "patient_sex": "x", "patient_birth_date": "2024-03-05", "submitted_on": "2025-03-06"}'),
 pg_temp.contained(pg_temp.contained(pg_temp.fhir('{"insurer": {"identifier": {"value": "MCR99"}}, "created": "2025-03-06"}'),
									'pat1', '{"birthDate": "2024-03-05", "gender": "x"}'),
				   'cov1', '{"subscriberId": ""}'),
 'CLAIM_INCOMPLETE - member_id, PATIENT_BIRTH_DATE_INVALID - patient_birth_date, PATIENT_SEX_INVALID - patient_sex, PAYER_UNKNOWN - payer_id, TIMELY_FILING_EXPIRED - submitted_on'),

-- a FHIR replacement is a claim with related[]; here it does not name the claim it replaces
('replacement and place of service',
 pg_temp.claim('{"frequency_code": "7", "place_of_service": "99"}'),
 jsonb_set(jsonb_set(pg_temp.fhir('{"related": [{"relationship": {"coding": [{"code": "prior"}]}}]}'),
					 '{item,0,locationCodeableConcept}', '{"coding": [{"code": "99"}]}'),
		   '{item,1,locationCodeableConcept}', '{"coding": [{"code": "99"}]}'),
 'FREQUENCY_REF_MISSING - original_claim_id, POS_INVALID 1 place_of_service, POS_INVALID 2 place_of_service'),

('authorization',
 pg_temp.lines('{"payer_id": "COMM1", "member_id": "M2002", "prior_auth": "PA-5001", "diagnoses": ["M17.11"]}',
			   '{"procedure": "27447", "modifiers": ["RT"], "charge": 2500}', '{"procedure": "20610", "charge": 300}'),
 pg_temp.contained(pg_temp.fhir('{"insurer": {"reference": "Organization/COMM1"},
				"insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "#cov1"}, "preAuthRef": ["PA-5001"]}],
				"diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"code": "M17.11"}]}}],
				"item": [
				  {"sequence": 1, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "27447"}]}, "modifier": [{"coding": [{"code": "RT"}]}],
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 2500}},
				  {"sequence": 2, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "20610"}]},
				   "servicedDate": "2024-03-04", "locationCodeableConcept": {"coding": [{"code": "11"}]}, "quantity": {"value": 1}, "net": {"value": 300}}],
				"total": {"value": 2800}}'), 'cov1', '{"subscriberId": "M2002"}'),
 'AUTH_MISMATCH - member_id, AUTH_MISMATCH 2 procedure, NCCI_PTP_NEVER 2 procedure');

-- The row forms, built from the contract jsonb: typed columns named as the
-- contract, every header field the base claim has (dates as date, the total
-- as numeric, diagnoses as text[], NPIs as text so that wrong ones can be
-- stored), lines as jsonb or as claim_line[].
CREATE TEMP TABLE claims_lines_jsonb (
	claim_id text, claim_type text, payer_id text, member_id text, subscriber_last_name text, subscriber_first_name text,
	patient_relationship text, patient_last_name text, patient_first_name text, patient_birth_date date, patient_sex text,
	billing_npi text, billing_tax_id text, billing_taxonomy text, billing_address text, billing_city text, billing_state text,
	billing_zip text, rendering_npi text, referring_npi text, place_of_service text, frequency_code text,
	original_claim_id text, prior_auth text, service_from date, service_to date, submitted_on date,
	total_charge numeric, diagnoses text[], lines jsonb, batch_id int);
CREATE TEMP TABLE claims_lines_array (
	claim_id text, claim_type text, payer_id text, member_id text, subscriber_last_name text, subscriber_first_name text,
	patient_relationship text, patient_last_name text, patient_first_name text, patient_birth_date date, patient_sex text,
	billing_npi text, billing_tax_id text, billing_taxonomy text, billing_address text, billing_city text, billing_state text,
	billing_zip text, rendering_npi text, referring_npi text, place_of_service text, frequency_code text,
	original_claim_id text, prior_auth text, service_from date, service_to date, submitted_on date,
	total_charge numeric, diagnoses text[], lines cleanclaim.claim_line[], batch_id int);
INSERT INTO claims_lines_jsonb
SELECT (jsonb_populate_record(NULL::claims_lines_jsonb, claim || jsonb_build_object('claim_id', name, 'batch_id', 7))).* FROM forms;
INSERT INTO claims_lines_array
SELECT r.claim_id, r.claim_type, r.payer_id, r.member_id, r.subscriber_last_name, r.subscriber_first_name,
	   r.patient_relationship, r.patient_last_name, r.patient_first_name, r.patient_birth_date, r.patient_sex, r.billing_npi,
	   r.billing_tax_id, r.billing_taxonomy, r.billing_address, r.billing_city, r.billing_state, r.billing_zip, r.rendering_npi,
	   r.referring_npi, r.place_of_service, r.frequency_code, r.original_claim_id, r.prior_auth, r.service_from, r.service_to,
	   r.submitted_on, r.total_charge, r.diagnoses,
	   ARRAY(SELECT jsonb_populate_record(NULL::cleanclaim.claim_line, l) FROM jsonb_array_elements(r.lines) WITH ORDINALITY e(l, i) ORDER BY i),
	   r.batch_id
FROM claims_lines_jsonb r;

SELECT is((SELECT count(*) FROM forms), 11::bigint, '11 claims in four forms');
SELECT is((SELECT count(*) FROM claims_lines_array WHERE cardinality(lines) = jsonb_array_length((SELECT claim FROM forms WHERE name = claim_id)->'lines')),
		  11::bigint, 'the claim_line[] rows hold every line');

-- the jsonb form gives the issues expected
SELECT is(pg_temp.issue_text(issues(claim)), expect, format('%s: jsonb gives the issues expected', name)) FROM forms ORDER BY n;
-- the row with lines as jsonb gives the same
SELECT is(pg_temp.issue_text(issues(r)), pg_temp.issue_text(issues(f.claim)), format('%s: a row with jsonb lines gives the same issues', f.name))
FROM forms f JOIN claims_lines_jsonb r ON r.claim_id = f.name ORDER BY f.n;
-- the row with lines as claim_line[] gives the same
SELECT is(pg_temp.issue_text(issues(r)), pg_temp.issue_text(issues(f.claim)), format('%s: a row with claim_line[] lines gives the same issues', f.name))
FROM forms f JOIN claims_lines_array r ON r.claim_id = f.name ORDER BY f.n;
-- the FHIR Claim gives the same
SELECT is(pg_temp.issue_text(issues(fhir)), pg_temp.issue_text(issues(claim)), format('%s: the FHIR R4 Claim gives the same issues', name))
FROM forms ORDER BY n;

-- item.careTeamSequence names the line's rendering provider (a line NPI the
-- claim_line type could not even store)
SELECT is(pg_temp.issue_text(issues(jsonb_set(jsonb_set(pg_temp.fhir(), '{careTeam,3}',
		  '{"sequence": 4, "role": {"coding": [{"code": "assist"}]}, "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "2000000001"}}}'),
		  '{item,1,careTeamSequence}', '[4]'))),
		  pg_temp.issue_text(issues(pg_temp.line(pg_temp.claim(), 2, '{"rendering_npi": "2000000001"}'))),
		  'FHIR: item.careTeamSequence gives the line''s rendering NPI, as in the jsonb form');

-- beyond rule, line and field: every form reads the same values, so every
-- message is the same (the positions of the FHIR diagnoses are their
-- sequence order); is_clean and quality_score agree across the four forms
SELECT bag_eq($$SELECT f.name, v.message FROM forms f, cleanclaim.validate(f.claim) v$$,
			  $$SELECT r.claim_id, v.message FROM claims_lines_jsonb r, cleanclaim.validate(r) v$$,
			  'the rows with jsonb lines give the same messages as the jsonb claims');
SELECT bag_eq($$SELECT f.name, v.message FROM forms f, cleanclaim.validate(f.claim) v$$,
			  $$SELECT r.claim_id, v.message FROM claims_lines_array r, cleanclaim.validate(r) v$$,
			  'the rows with claim_line[] lines give the same messages as the jsonb claims');
SELECT bag_eq($$SELECT f.name, v.message FROM forms f, cleanclaim.validate(f.claim) v$$,
			  $$SELECT f.name, v.message FROM forms f, cleanclaim.validate(f.fhir) v$$,
			  'the FHIR Claims give the same messages as the jsonb claims');
SELECT is_empty($$SELECT f.name FROM forms f JOIN claims_lines_jsonb j ON j.claim_id = f.name JOIN claims_lines_array a ON a.claim_id = f.name
				   WHERE NOT (cleanclaim.is_clean(f.claim) = cleanclaim.is_clean(j) AND cleanclaim.is_clean(j) = cleanclaim.is_clean(a)
							  AND cleanclaim.is_clean(a) = cleanclaim.is_clean(f.fhir)
							  AND cleanclaim.quality_score(f.claim) = cleanclaim.quality_score(j)
							  AND cleanclaim.quality_score(j) = cleanclaim.quality_score(a)
							  AND cleanclaim.quality_score(a) = cleanclaim.quality_score(f.fhir))$$,
				'is_clean and quality_score are the same in the four forms');
-- a table's own columns are its business: batch_id is not reported
SELECT is_empty($$SELECT * FROM claims_lines_jsonb r, cleanclaim.validate(r, true) v WHERE v.rule_id = 'FIELD_UNKNOWN'$$,
				'a column that is no contract field and looks like none is passed over');
-- validate() over a whole table, as a report would run it
SELECT is((SELECT count(*) FROM claims_lines_array r, cleanclaim.validate(r) v),
		  (SELECT count(*) FROM forms f, cleanclaim.validate(f.claim) v),
		  'validate() over the claim_line[] table finds as many issues as over the jsonb claims');

SELECT * FROM finish();
ROLLBACK;
