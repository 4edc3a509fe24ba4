-- Hand-written demo claims, in the claim contract of DESIGN.md (jsonb).  Each
-- carries the kind of mistake that gets real claims rejected or denied.
CREATE SCHEMA demo;
CREATE TABLE demo.claims (claim_id text PRIMARY KEY, story text, claim jsonb NOT NULL);

-- the payers the demo claims go to, and one payer's own rule
INSERT INTO cleanclaim.payers (payer_id, name, payer_type, timely_filing_days) VALUES
	('MCR01', 'Medicare Part B (demo)', 'medicare', 365),
	('BCX22', 'Commercial plan (demo)', 'commercial', 90);
INSERT INTO cleanclaim.rule_settings (rule_id, payer_id, params, note) VALUES
	('NDC_REQUIRED', 'BCX22', '{"prefixes": ["J"], "codes": ["Q0138"]}', 'the plan wants NDCs on these too');

-- a few NCCI and MUE edits written for the demo (the CMS files are not public data here)
INSERT INTO cleanclaim.ncci_ptp (column1, column2, modifier_indicator, valid_from) VALUES
	('27236', '27130', 0, '2020-01-01'), ('99214', '36415', 1, '2020-01-01'), ('11042', '97597', 1, '2020-01-01');
INSERT INTO cleanclaim.mue (code, max_units, adjudication_indicator, valid_from) VALUES
	('36415', 1, 2, '2020-01-01'), ('J1885', 8, 3, '2020-01-01'), ('99213', 1, 2, '2020-01-01');

INSERT INTO demo.claims VALUES
('C1001', 'clean office visit',
 '{"claim_id": "C1001", "claim_type": "professional", "payer_id": "MCR01", "member_id": "1EG4TE5MK73",
   "patient_birth_date": "1950-03-14", "patient_sex": "F", "billing_npi": "1234567893", "rendering_npi": "1558598797",
   "place_of_service": "11", "frequency_code": "1", "service_from": "2026-10-05", "service_to": "2026-10-05",
   "submitted_on": "2026-10-07", "total_charge": 145.00, "diagnoses": ["E11.9", "I10"],
   "lines": [{"line_no": 1, "procedure": "99213", "units": 1, "charge": 145.00, "service_date": "2026-10-05", "dx_pointers": [1, 2]}]}'),
('C1002', 'billing NPI with a wrong check digit',
 '{"claim_id": "C1002", "claim_type": "professional", "payer_id": "MCR01", "member_id": "1EG4TE5MK74",
   "patient_birth_date": "1948-07-01", "patient_sex": "M", "billing_npi": "1234567890", "rendering_npi": "1558598797",
   "place_of_service": "11", "frequency_code": "1", "service_from": "2026-10-06", "service_to": "2026-10-06",
   "submitted_on": "2026-10-08", "total_charge": 98.00, "diagnoses": ["J06.9"],
   "lines": [{"line_no": 1, "procedure": "99212", "units": 1, "charge": 98.00, "service_date": "2026-10-06", "dx_pointers": [1]}]}'),
('C1003', 'fracture code missing its 7th character, and an ICD-9 code',
 '{"claim_id": "C1003", "claim_type": "professional", "payer_id": "BCX22", "member_id": "XQJ882211",
   "patient_birth_date": "1961-11-30", "patient_sex": "F", "billing_npi": "1245319599", "rendering_npi": "1558598797",
   "place_of_service": "23", "frequency_code": "1", "service_from": "2026-09-28", "service_to": "2026-09-28",
   "submitted_on": "2026-10-02", "total_charge": 1260.00, "diagnoses": ["S72.001", "250.00"],
   "lines": [{"line_no": 1, "procedure": "27236", "modifiers": ["RT"], "units": 1, "charge": 1260.00, "service_date": "2026-09-28", "dx_pointers": [1]}]}'),
('C1004', 'a HCPCS code that does not exist in any form, and an NDC without hyphens',
 '{"claim_id": "C1004", "claim_type": "professional", "payer_id": "BCX22", "member_id": "XQJ990001",
   "patient_birth_date": "1975-02-17", "patient_sex": "M", "billing_npi": "1245319599", "rendering_npi": "1558598797",
   "place_of_service": "11", "frequency_code": "1", "service_from": "2026-10-01", "service_to": "2026-10-01",
   "submitted_on": "2026-10-03", "total_charge": 310.00, "diagnoses": ["M17.11"],
   "lines": [{"line_no": 1, "procedure": "W1234", "units": 1, "charge": 60.00, "service_date": "2026-10-01", "dx_pointers": [1]},
             {"line_no": 2, "procedure": "J1885", "units": 2, "charge": 250.00, "service_date": "2026-10-01", "dx_pointers": [1], "ndc": "0409378901"}]}'),
('C1005', 'replacement claim with a referring NPI starting with 3',
 '{"claim_id": "C1005", "claim_type": "professional", "payer_id": "MCR01", "member_id": "1EG4TE5MK75",
   "patient_birth_date": "1939-05-09", "patient_sex": "F", "billing_npi": "1234567893", "rendering_npi": "1558598797",
   "referring_npi": "3234567893", "place_of_service": "11", "frequency_code": "7", "original_claim_id": "C0999",
   "service_from": "2026-09-15", "service_to": "2026-09-15", "submitted_on": "2026-10-10", "total_charge": 210.00,
   "diagnoses": ["m1a.0710", "E78.5"],
   "lines": [{"line_no": 1, "procedure": "99214", "modifiers": ["25"], "units": 1, "charge": 180.00, "service_date": "2026-09-15", "dx_pointers": [1, 2]},
             {"line_no": 2, "procedure": "3074f", "units": 1, "charge": 30.00, "service_date": "2026-09-15", "dx_pointers": [2]}]}'),
('C1006', 'two lines NCCI bundles, and units above the MUE',
 '{"claim_id": "C1006", "claim_type": "professional", "payer_id": "MCR01", "member_id": "1EG4TE5MK76",
   "patient_birth_date": "1944-01-20", "patient_sex": "M", "billing_npi": "1234567893", "rendering_npi": "1558598797",
   "place_of_service": "22", "frequency_code": "1", "service_from": "2026-10-12", "service_to": "2026-10-12",
   "submitted_on": "2026-10-14", "total_charge": 2450.00, "diagnoses": ["S72.001A", "R73.09"],
   "lines": [{"line_no": 1, "procedure": "27236", "modifiers": ["LT", "RT"], "units": 1, "charge": 2100.00, "service_date": "2026-10-12", "dx_pointers": [1]},
             {"line_no": 2, "procedure": "27130", "units": 1, "charge": 300.00, "service_date": "2026-10-12", "dx_pointers": [1]},
             {"line_no": 3, "procedure": "36415", "units": 2, "charge": 50.00, "service_date": "2026-10-12", "dx_pointers": [2]}]}'),
('C1008', 'a billing provider address on a post office box with a 5-digit ZIP, and TEST as the patient''s name',
 '{"claim_id": "C1008", "claim_type": "professional", "payer_id": "BCX22", "member_id": "XQJ441100",
   "patient_relationship": "19", "patient_last_name": "TEST", "patient_first_name": "BABY",
   "patient_birth_date": "2019-04-22", "patient_sex": "F", "billing_npi": "1245319599",
   "billing_address": "PO Box 4410", "billing_zip": "60611",
   "place_of_service": "11", "frequency_code": "1", "service_from": "2026-10-13", "service_to": "2026-10-13",
   "submitted_on": "2026-10-14", "total_charge": 98.00, "diagnoses": ["J06.9"],
   "lines": [{"line_no": 1, "procedure": "99212", "units": 1, "charge": 98.00, "service_date": "2026-10-13", "dx_pointers": [1]}]}'),
('C1009', 'an inpatient stay (837I) on a final bill, its patient said to be still in (status 30)',
 '{"claim_id": "C1009", "claim_type": "institutional", "type_of_bill": "0111", "payer_id": "MCR01", "member_id": "1EG4TE5MK77",
   "patient_birth_date": "1941-08-19", "patient_sex": "M", "billing_npi": "1234567893", "attending_npi": "1558598797",
   "admission_date": "2026-10-01", "admission_type": "1", "admission_source": "2", "discharge_status": "30",
   "service_from": "2026-10-01", "service_to": "2026-10-04", "submitted_on": "2026-10-09", "total_charge": 2525.00,
   "diagnoses": ["S72.001A", "I10"], "icd10pcs_procedures": ["0QS604Z"],
   "lines": [{"line_no": 1, "revenue_code": "0120", "units": 3, "charge": 2100.00},
             {"line_no": 2, "revenue_code": "0450", "procedure": "99284", "units": 1, "charge": 400.00, "service_date": "2026-10-01"},
             {"line_no": 3, "revenue_code": "0300", "procedure": "85025", "units": 1, "charge": 25.00, "service_date": "2026-10-01"}]}'),
('C1012', 'modifier 25 on the injection instead of the visit, and the technical component listed after the side',
 '{"claim_id": "C1012", "claim_type": "professional", "payer_id": "BCX22", "member_id": "XQJ770021",
   "patient_birth_date": "1968-06-02", "patient_sex": "F", "billing_npi": "1245319599", "rendering_npi": "1558598797",
   "place_of_service": "11", "frequency_code": "1", "service_from": "2026-10-15", "service_to": "2026-10-15",
   "submitted_on": "2026-10-16", "total_charge": 265.00, "diagnoses": ["M25.571", "J45.909"],
   "lines": [{"line_no": 1, "procedure": "99213", "units": 1, "charge": 145.00, "service_date": "2026-10-15", "dx_pointers": [1, 2]},
             {"line_no": 2, "procedure": "96372", "modifiers": ["25"], "units": 1, "charge": 40.00, "service_date": "2026-10-15", "dx_pointers": [2]},
             {"line_no": 3, "procedure": "73610", "modifiers": ["RT", "TC"], "units": 1, "charge": 80.00, "service_date": "2026-10-15", "dx_pointers": [1]}]}'),
('C1010', 'only an id: not clean, and every element the 837P requires is named',
 '{"claim_id": "C1010"}'),
('C1007', 'a FHIR R4 Claim resource from an EHR, misspelled element included',
 '{"resourceType": "Claim", "id": "C1007", "status": "active",
   "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]}, "use": "claim",
   "contained": [
     {"resourceType": "Patient", "id": "pat", "name": [{"family": "Nakamura", "given": ["Emi"]}],
      "birthDate": "1958-06-02", "gender": "female"},
     {"resourceType": "Organization", "id": "org",
      "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"},
                     {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "TAX"}]},
                      "system": "urn:oid:2.16.840.1.113883.4.4", "value": "84-1234567"}],
      "name": "Maple Family Medicine",
      "address": [{"use": "billing", "line": ["1200 Maple Ave", "Ste 300"], "city": "Denver", "state": "CO", "postalCode": "80202-1234"}],
      "qualification": [{"code": {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207Q00000X"}]}}]},
     {"resourceType": "Coverage", "id": "cov", "status": "active", "subscriberId": "XQJ770044",
      "beneficiary": {"reference": "#pat"},
      "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "self"}]},
      "payor": [{"identifier": {"value": "BCX22"}}]}],
   "patient": {"reference": "#pat"},
   "insurer": {"identifier": {"value": "BCX22"}},
   "provider": {"reference": "#org"},
   "billablePeriod": {"start": "2026-10-20", "end": "2026-10-20"}, "created": "2026-10-21",
   "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "#cov"}}],
   "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "M17.11"}]}}],
   "item": [{"sequence": 1, "productOrService": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J1885"}]}, "quantity": {"value": 2},
             "net": {"value": 60.00}, "servicedDate": "2026-10-20", "diagnosisSequence": [1],
             "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]}}],
   "totl": {"value": 60.00}}');

-- What the 837 needs beyond each story, from the practice (two billing
-- providers: its address, tax id and taxonomy) and the registration (the
-- subscriber, who is the patient but for C1008's child).  C1010 gets
-- nothing: it is the claim with only an id.
UPDATE demo.claims c
SET claim = p.practice || jsonb_build_object('subscriber_last_name', n.last_name, 'subscriber_first_name', n.first_name)
			|| CASE WHEN c.claim ? 'patient_relationship' THEN '{}' ELSE '{"patient_relationship": "18"}' END::jsonb
			|| c.claim
FROM (VALUES ('C1001', 'maple', 'HARTMANN', 'RUTH'), ('C1002', 'maple', 'OKAFOR', 'CHIDI'),
			 ('C1003', 'lakeside', 'RIVERA', 'ANA'), ('C1004', 'lakeside', 'KOWALSKI', 'PIOTR'),
			 ('C1005', 'maple', 'LINDQVIST', 'INGRID'), ('C1006', 'maple', 'HASSAN', 'OMAR'),
			 ('C1008', 'lakeside', 'TEST', 'MARIA'), ('C1009', 'maple', 'MORENO', 'LUIS'),
			 ('C1012', 'lakeside', 'BAKER', 'JOAN')) n(claim_id, practice_id, last_name, first_name),
	 (VALUES ('maple', '{"billing_tax_id": "84-1234567", "billing_taxonomy": "207Q00000X", "billing_address": "1200 Maple Ave Ste 300",
						 "billing_city": "Denver", "billing_state": "CO", "billing_zip": "80202-1234"}'::jsonb),
			 ('lakeside', '{"billing_tax_id": "36-4417720", "billing_taxonomy": "207X00000X", "billing_address": "455 Lakeshore Dr",
							"billing_city": "Chicago", "billing_state": "IL", "billing_zip": "60611-4022"}')) p(practice_id, practice)
WHERE c.claim_id = n.claim_id AND p.practice_id = n.practice_id;

-- C1011: C1001 sent again by a second billing run two days later, under a
-- new claim id; validate() finds nothing wrong with it, the inbox's scrub
-- trigger (duplicates on, demo/demo.sql) finds it in the table
INSERT INTO demo.claims
SELECT 'C1011', 'the same visit as C1001, sent again by a second billing run',
	   claim || '{"claim_id": "C1011", "submitted_on": "2026-10-09"}'
FROM demo.claims WHERE claim_id = 'C1001';
