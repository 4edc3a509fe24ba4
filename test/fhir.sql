-- pgTAP: how the FHIR R4 reader (src/claim/claim_fhir.c) finds what a Claim's
-- references name.  A Reference is not an identifier: the billing NPI, tax
-- id, address and taxonomy, the payer, the member, the subscriber and the
-- patient are read from the resources the references lead to (contained,
-- in the Bundle the claim comes in, through a PractitionerRole, or in a
-- conditional reference's search string); a reference that leads nowhere
-- leaves the value missing, never invalid.  Also the institutional claim
-- (CARIN-style supportingInfo, revenue codes, ICD-10-PCS, the attending
-- provider) and shapes that must not crash.  All resources are written for
-- this suite; the reference data is test/fixtures.psql's.
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

SELECT plan(38);

\ir fixtures.psql

-- The base claim of fixtures.psql as a FHIR Claim whose references are all
-- local: the patient, the payer, the billing provider (NPI, tax id and a
-- practice-number identifier; a work address), the rendering practitioner
-- and the coverage are contained resources.  The billing provider's taxonomy
-- is the qualification of its care team entry; the coverage names no
-- subscriber and the relationship is self, so the patient is the subscriber.
-- Item 2 is dated by servicedPeriod.
CREATE TEMP TABLE fhir_pro AS SELECT '{
  "resourceType": "Claim",
  "id": "clm-pro-1",
  "identifier": [{"system": "urn:example:claims", "value": "C-100"}],
  "status": "active",
  "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
  "use": "claim",
  "patient": {"reference": "#pat-1"},
  "billablePeriod": {"start": "2024-03-04", "end": "2024-03-04"},
  "created": "2024-03-20",
  "insurer": {"reference": "#payer-1", "display": "Medicare test carrier"},
  "provider": {"reference": "#org-1"},
  "priority": {"coding": [{"code": "normal"}]},
  "contained": [
    {"resourceType": "Patient", "id": "pat-1", "name": [{"use": "official", "family": "RIVERA", "given": ["ANA"]}],
     "birthDate": "1970-05-15", "gender": "female"},
    {"resourceType": "Organization", "id": "payer-1", "name": "Medicare test carrier",
     "identifier": [{"type": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType", "code": "payerid"}]},
                     "value": "MCR01"}]},
    {"resourceType": "Organization", "id": "org-1", "name": "Maple Avenue Clinic",
     "identifier": [
       {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PRN"}]}, "value": "MAC-0042"},
       {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "TAX"}]},
        "system": "urn:oid:2.16.840.1.113883.4.4", "value": "84-1234567"},
       {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NPI"}]},
        "system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
     "address": [{"use": "work", "line": ["1200 Maple Ave", "Ste 300"], "city": "Denver", "state": "CO", "postalCode": "80202-1234"}]},
    {"resourceType": "Practitioner", "id": "prac-r", "name": [{"family": "OKAFOR", "given": ["CHIDI"]}],
     "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1558598797"}]},
    {"resourceType": "Coverage", "id": "cov-1", "status": "active", "subscriberId": "M1001",
     "beneficiary": {"reference": "#pat-1"}, "payor": [{"reference": "#payer-1"}],
     "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "self"}]}}
  ],
  "careTeam": [
    {"sequence": 1, "provider": {"reference": "#prac-r"},
     "role": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole", "code": "rendering"}]}},
    {"sequence": 2, "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"}},
     "role": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole", "code": "referring"}]}},
    {"sequence": 3, "provider": {"reference": "#org-1"},
     "qualification": {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207Q00000X"}]}}
  ],
  "diagnosis": [
    {"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}},
    {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]}}
  ],
  "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "#cov-1"}}],
  "item": [
    {"sequence": 1, "careTeamSequence": [1], "diagnosisSequence": [1, 2],
     "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "99213"}]},
     "servicedDate": "2024-03-04",
     "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]},
     "quantity": {"value": 1}, "net": {"value": 125.00, "currency": "USD"}},
    {"sequence": 2, "careTeamSequence": [1], "diagnosisSequence": [1],
     "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "85025"}]},
     "servicedPeriod": {"start": "2024-03-04", "end": "2024-03-04"},
     "locationCodeableConcept": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "code": "11"}]},
     "quantity": {"value": 1}, "net": {"value": 25.00, "currency": "USD"}}
  ],
  "total": {"value": 150.00, "currency": "USD"}
}'::jsonb AS fhir;

-- the professional claim with top-level elements replaced
CREATE FUNCTION pg_temp.pro(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql
	AS $$ SELECT fhir || patch FROM fhir_pro $$;
-- a claim with elements of its contained resource of this id replaced (or the resource added)
CREATE FUNCTION pg_temp.contained(claim jsonb, id text, patch jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT claim || jsonb_build_object('contained',
		CASE WHEN claim->'contained' @> jsonb_build_array(jsonb_build_object('id', id))
			 THEN (SELECT jsonb_agg(CASE WHEN r->>'id' = id THEN r || patch ELSE r END ORDER BY n)
				   FROM jsonb_array_elements(claim->'contained') WITH ORDINALITY e(r, n))
			 ELSE coalesce(claim->'contained', '[]') || jsonb_build_array(jsonb_build_object('id', id) || patch) END) $$;
-- a Bundle of this type: the claim first, then the other entries (each {fullUrl, resource})
CREATE FUNCTION pg_temp.bundle(type text, claim_url text, claim jsonb, VARIADIC entries jsonb[]) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_build_object('resourceType', 'Bundle', 'id', 'bdl-1', 'type', type,
							  'entry', jsonb_build_array(jsonb_build_object('fullUrl', claim_url, 'resource', claim))
									   || coalesce((SELECT jsonb_agg(e ORDER BY n) FROM unnest(entries) WITH ORDINALITY u(e, n)), '[]')) $$;

-- issues as "RULE line field", sorted
CREATE FUNCTION pg_temp.issue_text(claim jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(concat_ws(' ', x.rule_id, coalesce(x.line_no::text, '-'), coalesce(x.field, '-')), ', '
							   ORDER BY x.rule_id, x.line_no NULLS FIRST, x.field), '')
	FROM unnest(cleanclaim.issues(claim)) x $$;
-- issues with the value read, as "RULE line field=value", sorted: what the reader found
CREATE FUNCTION pg_temp.found(claim jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(format('%s %s %s=%s', v.rule_id, coalesce(v.line_no::text, '-'), v.field, coalesce(v.value, '')), ', '
							   ORDER BY v.rule_id, v.line_no NULLS FIRST, v.field, v.value), '')
	FROM cleanclaim.validate(claim) v $$;
-- the fields CLAIM_INCOMPLETE names, sorted
CREATE FUNCTION pg_temp.incomplete(claim jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(v.field, ', ' ORDER BY v.field), '')
	FROM cleanclaim.validate(claim) v WHERE v.rule_id = 'CLAIM_INCOMPLETE' $$;
-- every issue row (rule, severity, line, field, value, message), to compare a FHIR claim with its contract twin
CREATE FUNCTION pg_temp.rows(claim jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(concat_ws(' | ', v.rule_id, v.severity, v.line_no, v.field, v.value, v.message), E'\n'
							   ORDER BY v.rule_id, v.line_no NULLS FIRST, v.field, v.value), '')
	FROM cleanclaim.validate(claim) v $$;
-- the error a statement raises, as "SQLSTATE: message / detail / hint"
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	state text; msg text; detail text; hint text;
BEGIN
	EXECUTE statement;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN format('%s: %s / %s / %s', state, msg, detail, hint);
END $$;

-- ===== local references: contained resources =====

SELECT is(pg_temp.issue_text(pg_temp.pro()), '',
		  'contained resources: the claim is complete and clean (billing NPI, tax id, address, taxonomy, payer, member, subscriber and patient read through #id references)');


-- what was read, made visible by values the rules reject: the NPI is the
-- identifier typed NPI (no system), the tax id the one typed TAX (another
-- system), whatever their positions (identifier[0] is a practice number
-- shaped like an NPI); the address is the work one, not the old one listed
-- first, its two lines joined; the taxonomy is the NUCC coding of the
-- provider's care team qualification (after another system's)
SELECT is(pg_temp.rows(pg_temp.contained(pg_temp.pro('{"careTeam": [
			{"sequence": 1, "provider": {"reference": "#prac-r"}, "role": {"coding": [{"code": "rendering"}]}},
			{"sequence": 2, "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"}},
			 "role": {"coding": [{"code": "referring"}]}},
			{"sequence": 3, "provider": {"reference": "#org-1"},
			 "qualification": {"coding": [{"system": "urn:example:specialty", "code": "41"},
										  {"system": "http://nucc.org/provider-taxonomy", "code": "207Q0000"}]}}]}'),
		  'org-1', '{"identifier": [
			  {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PRN"}]}, "value": "1245319599"},
			  {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NPI"}]}, "value": "1558598798"},
			  {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "TAX"}]},
			   "system": "https://example.org/fed-tax-number", "value": "11-1111111"}],
			"address": [{"use": "old", "line": ["9 Old Mill Rd"], "city": "Aurora", "state": "QQ", "postalCode": "80010"},
						{"use": "work", "line": ["PO Box 12", "Dept 4"], "city": "Denver", "state": "ZZ", "postalCode": "80202"}]}')),
		  pg_temp.rows(pg_temp.claim('{"billing_npi": "1558598798", "billing_tax_id": "11-1111111", "billing_address": "PO Box 12 Dept 4",
									   "billing_state": "ZZ", "billing_zip": "80202", "billing_taxonomy": "207Q0000"}')),
		  'identifiers mixing PRN, NPI and TAX are told apart by system and type, not position; the work address, its lines joined; the NUCC qualification: the same issues as the contract claim with those values');

-- the issue's second form: "#p1", a contained Practitioner that carries the
-- NPI (and its tax id, address and NUCC qualification); the care team entry
-- of org-1 is another provider's (another resource, another NPI) and gives no
-- taxonomy here
SELECT is(pg_temp.found(pg_temp.contained(pg_temp.pro('{"provider": {"reference": "#p1"}}'), 'p1',
		  '{"resourceType": "Practitioner", "name": [{"family": "LINDQVIST", "given": ["ELSA"]}],
			"identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "2000000002"},
						   {"system": "urn:oid:2.16.840.1.113883.4.4", "value": "84-1234567"}],
			"address": [{"line": ["1200 Maple Ave"], "city": "Denver", "state": "CO", "postalCode": "80202-1234"}],
			"qualification": [{"code": {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207QA0505"}]}}]}')),
		  'TAXONOMY_INVALID - billing_taxonomy=207QA0505',
		  'provider "#p1": the contained Practitioner''s NPI, tax id (urn:oid system) and address are read, its qualification is the taxonomy');

-- ===== references into a Bundle =====

-- a collection Bundle: every reference a urn:uuid, every resource an entry
CREATE TEMP TABLE fhir_bundles AS SELECT 'uuid'::text AS name, pg_temp.bundle('collection', 'urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000001',
	pg_temp.pro('{"patient": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000002"},
				  "insurer": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000003"},
				  "provider": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000004"},
				  "careTeam": [
					{"sequence": 1, "provider": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000005"},
					 "role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claimcareteamrole", "code": "primary"}]}},
					{"sequence": 2, "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"}},
					 "role": {"coding": [{"code": "referring"}]}},
					{"sequence": 3, "provider": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000004"},
					 "qualification": {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207Q00000X"}]}}],
				  "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000006"}}]}') - 'contained',
	'{"fullUrl": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000002",
	  "resource": {"resourceType": "Patient", "id": "6f1c2a9e-0b3d-4c5e-8f70-000000000002",
				   "name": [{"use": "usual", "family": "RIVERA", "given": ["ANA"]}], "birthDate": "1970-05-15", "gender": "female"}}',
	'{"fullUrl": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000003",
	  "resource": {"resourceType": "Organization", "identifier": [{"system": "urn:example:payers", "value": "MCR01"}]}}',
	'{"fullUrl": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000004",
	  "resource": {"resourceType": "Organization", "name": "Maple Avenue Clinic",
				   "identifier": [{"system": "urn:example:clinics", "value": "MAC-0042"},
								  {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"},
								  {"system": "urn:oid:2.16.840.1.113883.4.4", "value": "84-1234567"}],
				   "address": [{"line": ["1200 Maple Ave", "Ste 300"], "city": "Denver", "state": "CO", "postalCode": "80202-1234"}]}}',
	'{"fullUrl": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000005",
	  "resource": {"resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1558598797"}]}}',
	'{"fullUrl": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000006",
	  "resource": {"resourceType": "Coverage", "status": "active", "subscriberId": "M1001",
				   "subscriber": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000002"},
				   "beneficiary": {"reference": "urn:uuid:6f1c2a9e-0b3d-4c5e-8f70-000000000002"},
				   "relationship": {"coding": [{"code": "self"}]}}}') AS bundle;

-- a transaction Bundle with absolute fullUrls, the references relative:
-- Organization/org-7 is the entry whose fullUrl ends so (its resource has no
-- id), Patient/pat-7 the entry whose resource is that Patient (its fullUrl a
-- urn:uuid), Coverage/cov-7/_history/2 the Coverage's fullUrl; the
-- rendering practitioner is named by its full URL; the subscriber is a
-- RelatedPerson (spouse), so the patient's own name is needed too
INSERT INTO fhir_bundles SELECT 'absolute', pg_temp.bundle('transaction', 'https://fhir.example.org/r4/Claim/clm-pro-1',
	pg_temp.pro('{"patient": {"reference": "Patient/pat-7"},
				  "insurer": {"reference": "Organization/payer-7"},
				  "provider": {"reference": "Organization/org-7"},
				  "careTeam": [
					{"sequence": 1, "provider": {"reference": "https://fhir.example.org/r4/Practitioner/prac-7"},
					 "role": {"coding": [{"code": "primary"}]}},
					{"sequence": 2, "provider": {"reference": "Practitioner/prac-8"}, "role": {"coding": [{"code": "referring"}]}}],
				  "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "Coverage/cov-7/_history/2"}}]}') - 'contained',
	'{"fullUrl": "urn:uuid:2d9b7c41-5e6f-4a80-9b1c-000000000007", "request": {"method": "POST", "url": "Patient"},
	  "resource": {"resourceType": "Patient", "id": "pat-7", "name": [{"family": "RIVERA", "given": ["ANA"]}],
				   "birthDate": "1970-05-15", "gender": "female"}}',
	'{"fullUrl": "https://fhir.example.org/r4/Organization/payer-7", "request": {"method": "PUT", "url": "Organization/payer-7"},
	  "resource": {"resourceType": "Organization", "identifier": [{"value": "MCR01"}]}}',
	'{"fullUrl": "https://fhir.example.org/r4/Organization/org-7", "request": {"method": "PUT", "url": "Organization/org-7"},
	  "resource": {"resourceType": "Organization",
				   "identifier": [{"type": {"coding": [{"code": "TAX"}]}, "value": "84-1234567"},
								  {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}],
				   "address": [{"use": "billing", "line": ["1200 Maple Ave Ste 300"], "city": "Denver", "state": "CO", "postalCode": "80202-1234"}]}}',
	'{"fullUrl": "https://fhir.example.org/r4/Practitioner/prac-7",
	  "resource": {"resourceType": "Practitioner", "id": "prac-7", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1558598797"}]}}',
	'{"fullUrl": "https://fhir.example.org/r4/Practitioner/prac-8",
	  "resource": {"resourceType": "Practitioner", "id": "prac-8", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"}]}}',
	'{"fullUrl": "https://fhir.example.org/r4/Coverage/cov-7",
	  "resource": {"resourceType": "Coverage", "id": "cov-7", "status": "active",
				   "identifier": [{"type": {"coding": [{"code": "MB"}]}, "value": "M1001"}],
				   "subscriber": {"reference": "RelatedPerson/rp-7"}, "beneficiary": {"reference": "Patient/pat-7"},
				   "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "spouse"}]}}}',
	'{"fullUrl": "https://fhir.example.org/r4/RelatedPerson/rp-7",
	  "resource": {"resourceType": "RelatedPerson", "id": "rp-7", "patient": {"reference": "Patient/pat-7"},
				   "name": [{"family": "RIVERA", "given": ["JOSE"]}]}}');

SELECT is(pg_temp.issue_text(bundle), '', format('Bundle (%s references): the Claim entry is read and every reference resolves against the entries: complete and clean', name))
FROM fhir_bundles ORDER BY name DESC;

-- the NPIs come from the entries: the billing Organization's, and the
-- practitioner's for the care team and for each item's careTeamSequence
SELECT is(pg_temp.found(jsonb_set(jsonb_set(bundle, '{entry,3,resource,identifier,1,value}', '"1234567890"'),
								  '{entry,4,resource,identifier,0,value}', '"1558598798"')),
		  'NPI_BILLING_INVALID - billing_npi=1234567890, NPI_RENDERING_INVALID - rendering_npi=1558598798, NPI_RENDERING_INVALID 1 rendering_npi=1558598798, NPI_RENDERING_INVALID 2 rendering_npi=1558598798',
		  'Bundle: the billing and rendering NPIs are the entries'' (read through urn:uuid references)')
FROM fhir_bundles WHERE name = 'uuid';

-- an absolute reference is matched by its full URL: one on another server is not this Bundle's org-7
SELECT is(pg_temp.incomplete(jsonb_set(bundle, '{entry,0,resource,provider}', '{"reference": "https://other.example.net/fhir/Organization/org-7"}')),
		  'billing_address, billing_city, billing_npi, billing_state, billing_tax_id, billing_zip',
		  'Bundle: an absolute reference to another server does not resolve to an entry of the same type and id')
FROM fhir_bundles WHERE name = 'absolute';

-- ===== PractitionerRole: two hops =====

-- the provider is a PractitionerRole: its Practitioner carries the NPI, its
-- Organization the tax id and address, its specialty the NUCC taxonomy
SELECT is(pg_temp.rows(pg_temp.contained(pg_temp.contained(pg_temp.contained(pg_temp.pro('{"provider": {"reference": "#role-1"}}'),
			'role-1', '{"resourceType": "PractitionerRole", "practitioner": {"reference": "#prac-b"}, "organization": {"reference": "#org-b"},
						"code": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/practitioner-role", "code": "doctor"}]}],
						"specialty": [{"coding": [{"system": "http://snomed.info/sct", "code": "419772000"}]},
									  {"coding": [{"system": "http://nucc.org/provider-taxonomy", "code": "207R0000"}]}]}'),
			'prac-b', '{"resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1558598798"}]}'),
			'org-b', '{"resourceType": "Organization",
					   "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.4", "value": "22-2222222"}],
					   "address": [{"line": ["500 Elm St"], "city": "Denver", "state": "CO", "postalCode": "80202"}]}')),
		  pg_temp.rows(pg_temp.claim('{"billing_npi": "1558598798", "billing_tax_id": "22-2222222", "billing_taxonomy": "207R0000",
									   "billing_address": "500 Elm St", "billing_zip": "80202"}')),
		  'provider PractitionerRole: NPI from its Practitioner, tax id and address from its Organization, taxonomy from its NUCC specialty (as the contract claim with those values)');

-- ===== conditional references =====

SELECT is(pg_temp.found(pg_temp.pro('{"provider": {"reference": "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567890"}}')),
		  'CLAIM_INCOMPLETE - billing_address=, CLAIM_INCOMPLETE - billing_city=, CLAIM_INCOMPLETE - billing_state=, CLAIM_INCOMPLETE - billing_tax_id=, CLAIM_INCOMPLETE - billing_zip=, NPI_BILLING_INVALID - billing_npi=1234567890',
		  'conditional reference Practitioner?identifier=us-npi|...: the NPI is read from the string (the rest of the billing provider is not there)');
SELECT is(pg_temp.incomplete(pg_temp.pro('{"provider": {"reference": "Practitioner?identifier=http%3A%2F%2Fhl7.org%2Ffhir%2Fsid%2Fus-npi%7C1234567893&active=true"}}')),
		  'billing_address, billing_city, billing_state, billing_tax_id, billing_zip',
		  'conditional reference, URL-encoded and with another search parameter: the NPI is read');
-- a conditional reference by another identifier is the Bundle entry that carries it (Synthea's Organization references)
SELECT is(pg_temp.issue_text(jsonb_set(bundle, '{entry,0,resource,provider}', '{"reference": "Organization?identifier=urn:example:clinics|MAC-0042"}')),
		  '', 'conditional reference by another identifier: the Bundle entry with that identifier is the provider')
FROM fhir_bundles WHERE name = 'uuid';

-- ===== the issue: a reference is not an NPI =====

SELECT is(pg_temp.issue_text(pg_temp.pro('{"provider": {"reference": "Practitioner/prac-456"}}')),
		  'CLAIM_INCOMPLETE - billing_address, CLAIM_INCOMPLETE - billing_city, CLAIM_INCOMPLETE - billing_npi, CLAIM_INCOMPLETE - billing_state, CLAIM_INCOMPLETE - billing_tax_id, CLAIM_INCOMPLETE - billing_zip',
		  'provider Practitioner/prac-456 that resolves to nothing: CLAIM_INCOMPLETE names billing_npi, and there is no NPI_BILLING_INVALID for prac-456');
SELECT is((SELECT count(*) FROM cleanclaim.validate(pg_temp.pro('{"provider": {"reference": "Practitioner/prac-456"}}'))
		   WHERE rule_id = 'NPI_BILLING_INVALID' OR value = 'prac-456'), 0::bigint,
		  'provider Practitioner/prac-456: no issue reads prac-456 as a value');
SELECT is(pg_temp.incomplete(pg_temp.pro('{"provider": {"reference": "#p1"}}')),
		  'billing_address, billing_city, billing_npi, billing_state, billing_tax_id, billing_zip',
		  'provider "#p1" with no such contained resource: billing_npi missing, not invalid');
SELECT is(pg_temp.issue_text(jsonb_set(bundle, '{entry,0,resource,provider}', '{"reference": "Practitioner/prac-456"}')),
		  'CLAIM_INCOMPLETE - billing_address, CLAIM_INCOMPLETE - billing_city, CLAIM_INCOMPLETE - billing_npi, CLAIM_INCOMPLETE - billing_state, CLAIM_INCOMPLETE - billing_tax_id, CLAIM_INCOMPLETE - billing_zip',
		  'provider Practitioner/prac-456 in a Bundle without that entry: billing_npi missing')
FROM fhir_bundles WHERE name = 'absolute';
-- with CLAIM_INCOMPLETE off, the NPI rule itself says the NPI is missing (it has no value to quote)
INSERT INTO cleanclaim.rule_settings (rule_id, payer_id, enabled) VALUES ('CLAIM_INCOMPLETE', NULL, false);
SELECT is((SELECT string_agg(coalesce(value, '(none)') || ': ' || message, '; ')
		   FROM cleanclaim.validate(pg_temp.pro('{"provider": {"reference": "Practitioner/prac-456"}}')) WHERE rule_id = 'NPI_BILLING_INVALID'),
		  '(none): billing NPI is missing',
		  'CLAIM_INCOMPLETE off: NPI_BILLING_INVALID reports the billing NPI missing, not prac-456 invalid');
DELETE FROM cleanclaim.rule_settings WHERE rule_id = 'CLAIM_INCOMPLETE';

-- ===== a Bundle without a Claim =====

SELECT throws_ok($$SELECT * FROM cleanclaim.validate('{"resourceType": "Bundle", "type": "collection",
					"entry": [{"fullUrl": "urn:uuid:8a7b6c5d-0000-4000-8000-000000000001", "resource": {"resourceType": "Patient", "id": "p"}}]}'::jsonb)$$,
				 '22023', 'FHIR Bundle has no Claim entry',
				 'a Bundle without a Claim entry is refused with 22023, as a resource that is not a Claim');
SELECT is(pg_temp.error_of($$SELECT cleanclaim.is_clean('{"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "ExplanationOfBenefit"}}, {"search": {"mode": "match"}}]}'::jsonb)$$),
		  '22023: FHIR Bundle has no Claim entry / cleanclaim reads the first Claim resource among a Bundle''s entries; none of this Bundle''s entries (2) is one. / Pass a Bundle with a Claim entry, a resource with "resourceType": "Claim", or a claim object without resourceType.',
		  'the error says what was expected (errdetail) and what to pass (errhint)');
SELECT is(pg_temp.error_of($$SELECT cleanclaim.issues(b) FROM (VALUES ('{"resourceType": "Bundle", "type": "collection"}'::jsonb),
								('{"resourceType": "Bundle", "entry": {"resource": {"resourceType": "Claim"}}}'::jsonb)) v(b)$$),
		  '22023: FHIR Bundle has no Claim entry / cleanclaim reads the first Claim resource among a Bundle''s entries; none of this Bundle''s entries (0) is one. / Pass a Bundle with a Claim entry, a resource with "resourceType": "Claim", or a claim object without resourceType.',
		  'a Bundle with no entry list (none, or an object) has no Claim either');

-- unknown elements: the Bundle's own (as Bundle.<element>) and the Claim's
SELECT is((SELECT string_agg(message, '; ' ORDER BY message) FROM cleanclaim.validate(jsonb_set(bundle,
			'{entry,0,resource}', (bundle #> '{entry,0,resource}') - 'billablePeriod' || '{"billablePeriods": {"start": "2024-03-04"}}')
			|| '{"identifier": {"value": "B-1"}, "timestamp": "2024-03-20T10:00:00Z", "meta": {}, "link": [], "totl": 6}') WHERE rule_id = 'FIELD_UNKNOWN'),
		  'unknown field "Bundle.totl": did you mean "Bundle.total"?; unknown field "billablePeriods": did you mean "billablePeriod"?',
		  'Bundle: its unknown elements are reported as Bundle.<element>, its Claim''s as before')
FROM fhir_bundles WHERE name = 'uuid';

-- ===== the subscriber and the patient =====

-- the subscriber a contained RelatedPerson, the relationship spouse (01):
-- the patient's own name is required then, and read
CREATE FUNCTION pg_temp.spouse(rp_name jsonb, patient_names jsonb) RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.contained(pg_temp.contained(pg_temp.contained(pg_temp.pro(), 'cov-1',
			'{"subscriber": {"reference": "#rp-1"},
			  "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "spouse"}]}}'),
		'rp-1', jsonb_build_object('resourceType', 'RelatedPerson', 'patient', '{"reference": "#pat-1"}'::jsonb, 'name', jsonb_build_array(rp_name))),
		'pat-1', jsonb_build_object('name', patient_names)) $$;
SELECT is(pg_temp.issue_text(pg_temp.spouse('{"family": "RIVERA", "given": ["JOSE"]}', '[{"use": "official", "family": "RIVERA", "given": ["ANA"]}]')),
		  '', 'subscriber RelatedPerson, relationship spouse: complete (relationship 01, the subscriber''s and the patient''s names read)');
SELECT is(pg_temp.rows(pg_temp.spouse('{"family": "Rivera3", "given": ["JOSE"]}',
									  '[{"use": "nickname", "given": ["Annie9"]}, {"use": "official", "family": "RIVERA", "given": ["Ana1", "M"]}]')),
		  pg_temp.rows(pg_temp.claim('{"patient_relationship": "01", "subscriber_last_name": "Rivera3", "subscriber_first_name": "JOSE",
									   "patient_last_name": "RIVERA", "patient_first_name": "Ana1"}')),
		  'subscriber RelatedPerson, relationship spouse: 01, the RelatedPerson''s name is the subscriber''s, the patient''s official name (given[0]) the patient''s');
SELECT is(pg_temp.rows(pg_temp.contained(pg_temp.pro(), 'pat-1', '{"name": [{"use": "official", "family": "Rivera7", "given": ["ANA"]}]}')),
		  pg_temp.rows(pg_temp.claim('{"subscriber_last_name": "Rivera7"}')),
		  'relationship self and no subscriber named: the patient''s name is the subscriber''s');
SELECT is(pg_temp.rows(pg_temp.contained(pg_temp.spouse('{"family": "RIVERA", "given": ["JOSE"]}', '[{"family": "RIVERA", "given": ["ANA"]}]'),
										 'cov-1', '{"relationship": {"coding": [
											{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "spouse"},
											{"system": "https://codesystem.x12.org/005010/1069", "code": "18"}]}}')),
		  pg_temp.rows(pg_temp.claim('{"subscriber_first_name": "JOSE", "patient_last_name": "RIVERA", "patient_first_name": "ANA"}')),
		  'relationship with an X12 coding (18) beside the HL7 one (spouse): the X12 code wins');
SELECT is_empty($$SELECT c FROM unnest(ARRAY['self', 'spouse', 'child', 'common', 'parent', 'other', 'injured']) c,
					LATERAL cleanclaim.validate(pg_temp.contained(pg_temp.spouse('{"family": "RIVERA", "given": ["JOSE"]}', '[{"family": "RIVERA", "given": ["ANA"]}]'),
											   'cov-1', jsonb_build_object('relationship', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object('code', c)))))) v
				  WHERE v.rule_id = 'RELATIONSHIP_INVALID' AND v.value = c$$,
				'every HL7 subscriber-relationship code is mapped to an 837 code (none is passed on as it is)');
SELECT is(pg_temp.found(pg_temp.contained(pg_temp.spouse('{"family": "RIVERA", "given": ["JOSE"]}', '[{"family": "RIVERA", "given": ["ANA"]}]'),
										  'cov-1', '{"relationship": {"coding": [{"system": "urn:example:relationships", "code": "stepchild"}]}}')),
		  'RELATIONSHIP_INVALID - patient_relationship=stepchild',
		  'a relationship code that cannot be mapped is passed on as it is (RELATIONSHIP_INVALID reports it)');

-- ===== payer, member, focal insurance =====

SELECT is(pg_temp.issue_text(pg_temp.pro('{"insurance": [{"sequence": 1, "focal": false, "coverage": {"reference": "#cov-0"}},
														{"sequence": 2, "focal": true, "coverage": {"reference": "#cov-1"}}]}')
							 || jsonb_build_object('contained', pg_temp.pro()->'contained' || '[{"resourceType": "Coverage", "id": "cov-0", "subscriberId": "",
									"relationship": {"coding": [{"code": "stepchild"}]}}]'::jsonb)),
		  '', 'the focal insurance is read, not the first (whose coverage has no member id)');
SELECT is(pg_temp.found(pg_temp.contained(pg_temp.pro('{"insurer": {"reference": "#payer-1", "identifier": {"value": "MCR01"}}}'), 'payer-1',
		  '{"identifier": [{"type": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType", "code": "naiccode"}]}, "value": "60054"},
						   {"type": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType", "code": "payerid"}]}, "value": "MCR99"}]}')),
		  'PAYER_UNKNOWN - payer_id=MCR99',
		  'payer id: the insurer resource''s payerid identifier comes first (before insurer.identifier and the other identifiers)');
SELECT is(pg_temp.issue_text(pg_temp.pro() - 'insurer'), '', 'no insurer: the focal Coverage''s payor names the payer');

-- ===== diagnoses and items =====

SELECT is(pg_temp.found(pg_temp.pro('{"diagnosis": [
			{"sequence": 1, "diagnosisReference": {"reference": "Condition/cond-1"}},
			{"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]}}]}')),
		  'DX_INVALID - diagnoses=',
		  'a diagnosisReference (no code in the Claim) is an empty diagnosis, reported by the rules');
SELECT is(pg_temp.issue_text(pg_temp.pro('{"diagnosis": [
			{"sequence": 1, "type": [{"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType", "code": "secondary"}]}],
			 "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z37.0"}]}},
			{"sequence": 2, "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "code": "principal"}]}],
			 "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}}]}')),
		  '', 'the diagnosis typed principal is the principal one, not the lowest sequence (Z37.0 is no principal diagnosis)');
SELECT is(pg_temp.issue_text(pg_temp.pro('{"diagnosis": [
			{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z37.0"}]}},
			{"sequence": 2, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}}]}')),
		  'DX_UNACCEPTABLE_PRIMARY - diagnoses', 'no types: the lowest sequence is the principal diagnosis');
SELECT is(pg_temp.issue_text(pg_temp.pro() || jsonb_build_object('item',
			(SELECT jsonb_agg(i - 'servicedDate' - 'servicedPeriod' ORDER BY n) FROM jsonb_array_elements(pg_temp.pro()->'item') WITH ORDINALITY e(i, n)))),
		  '', 'items with neither servicedDate nor servicedPeriod have no date of their own: the claim''s billablePeriod serves');

-- ===== the institutional claim (CARIN-style) =====

-- an inpatient stay: type by its claim-type coding (not the first), type of
-- bill, admission period, admission type, point of origin and discharge
-- status in supportingInfo, NUBC revenue codes (the room line's
-- productOrService is a data-absent-reason), an ICD-10-PCS procedure, the
-- attending physician by an identifier typed npi without a system
CREATE TEMP TABLE fhir_inst AS SELECT '{
  "resourceType": "Claim",
  "id": "clm-inst-1",
  "identifier": [{"system": "urn:example:claims", "value": "I-200"}],
  "status": "active",
  "type": {"coding": [{"system": "https://bluebutton.cms.gov/resources/codesystem/eob-type", "code": "INPATIENT"},
                      {"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "institutional"}]},
  "subType": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType", "code": "inpatient"}]},
  "use": "claim",
  "patient": {"reference": "#pat-2"},
  "billablePeriod": {"start": "2024-03-01", "end": "2024-03-04"},
  "created": "2024-03-20",
  "insurer": {"reference": "#payer-2"},
  "provider": {"reference": "#hosp-1"},
  "priority": {"coding": [{"code": "normal"}]},
  "contained": [
    {"resourceType": "Patient", "id": "pat-2", "name": [{"use": "official", "family": "CHEN", "given": ["WEI"]}],
     "birthDate": "1958-11-02", "gender": "male"},
    {"resourceType": "Organization", "id": "payer-2", "identifier": [{"value": "MCR01"}]},
    {"resourceType": "Organization", "id": "hosp-1", "name": "Front Range General",
     "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1245319599"},
                    {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "TAX"}]}, "value": "84-7654321"}],
     "address": [{"use": "work", "line": ["4000 Colfax Ave"], "city": "Denver", "state": "CO", "postalCode": "80206-2121"}]},
    {"resourceType": "Coverage", "id": "cov-2", "status": "active", "subscriberId": "M3003", "beneficiary": {"reference": "#pat-2"},
     "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "self"}]}}
  ],
  "careTeam": [
    {"sequence": 1, "responsible": true,
     "provider": {"identifier": {"type": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType", "code": "npi"}]},
                                 "value": "1558598797"}},
     "role": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole", "code": "attending"}]}}
  ],
  "supportingInfo": [
    {"sequence": 1, "category": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType", "code": "clmrecvddate"}]},
     "timingDate": "2024-03-21"},
    {"sequence": 2, "category": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType", "code": "admissionperiod"}]},
     "timingPeriod": {"start": "2024-03-01", "end": "2024-03-04"}},
    {"sequence": 3, "category": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType", "code": "typeofbill"}]},
     "code": {"coding": [{"system": "https://www.nubc.org/CodeSystem/TypeOfBill", "code": "0111"}]}},
    {"sequence": 4, "category": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType", "code": "admtype"}]},
     "code": {"coding": [{"system": "https://www.nubc.org/CodeSystem/PriorityTypeOfAdmitOrVisit", "code": "3"}]}},
    {"sequence": 5, "category": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType", "code": "pointoforigin"}]},
     "code": {"coding": [{"system": "https://www.nubc.org/CodeSystem/PointOfOrigin", "code": "1"}]}},
    {"sequence": 6, "category": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType", "code": "discharge-status"}]},
     "code": {"coding": [{"system": "https://www.nubc.org/CodeSystem/PatDischargeStatus", "code": "01"}]}}
  ],
  "diagnosis": [
    {"sequence": 1, "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "code": "principal"}]}],
     "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]}},
    {"sequence": 2, "type": [{"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType", "code": "other"}]}],
     "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]}}
  ],
  "procedure": [
    {"sequence": 1, "date": "2024-03-02",
     "type": [{"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimProcedureType", "code": "principal"}]}],
     "procedureCodeableConcept": {"coding": [{"system": "http://www.cms.gov/Medicare/Coding/ICD10", "code": "0DTJ4ZZ"}]}}
  ],
  "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "#cov-2"}}],
  "item": [
    {"sequence": 1, "revenue": {"coding": [{"system": "https://www.nubc.org/CodeSystem/RevenueCodes", "code": "0120"}]},
     "productOrService": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "not-applicable"}]},
     "servicedPeriod": {"start": "2024-03-01", "end": "2024-03-03"}, "quantity": {"value": 3}, "net": {"value": 3000.00}},
    {"sequence": 2, "revenue": {"coding": [{"system": "https://www.nubc.org/CodeSystem/RevenueCodes", "code": "0300"}]},
     "productOrService": {"coding": [{"system": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "85025"}]},
     "servicedDate": "2024-03-02", "quantity": {"value": 1}, "net": {"value": 25.00}}
  ],
  "total": {"value": 3025.00, "currency": "USD"}
}'::jsonb AS fhir;
CREATE FUNCTION pg_temp.inst(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql
	AS $$ SELECT fhir || patch FROM fhir_inst $$;
-- the institutional claim with supportingInfo n (0-based) replaced
CREATE FUNCTION pg_temp.inst_info(n int, info jsonb) RETURNS jsonb LANGUAGE sql
	AS $$ SELECT jsonb_set(fhir, ARRAY['supportingInfo', n::text], info) FROM fhir_inst $$;

SELECT is(pg_temp.issue_text(pg_temp.inst()), '',
		  'institutional claim (CARIN-style): complete and clean, no CLAIM_INCOMPLETE');
-- what was read, made visible: codes the rules reject; the revenue code is
-- the NUBC coding (not the first); the ICD-10-PCS list skips the ICD-9
-- procedure and the procedureReference and is in sequence order
SELECT is(pg_temp.found(jsonb_set(jsonb_set(jsonb_set(jsonb_set(pg_temp.inst('{"procedure": [
			{"sequence": 3, "procedureReference": {"reference": "Procedure/proc-9"}},
			{"sequence": 2, "procedureCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-pcs", "code": "0DTJ4Z"}]}},
			{"sequence": 1, "procedureCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-9-cm", "code": "47.01"}]}},
			{"sequence": 4, "procedureCodeableConcept": {"coding": [{"system": "http://www.cms.gov/Medicare/Coding/ICD10", "code": "0DTJ4ZZ"}]}}]}'),
			'{supportingInfo,3,code}', '{"coding": [{"code": "7"}]}'),
			'{supportingInfo,4,code}', '{"coding": [{"code": "3"}]}'),
			'{supportingInfo,5,code}', '{"coding": [{"code": "99"}]}'),
			'{item,0,revenue}', '{"coding": [{"system": "https://bluebutton.cms.gov/resources/variables/rev_cntr", "code": "0120"},
											 {"system": "https://www.nubc.org/CodeSystem/RevenueCodes", "code": "012"}]}')),
		  'ADMISSION_INVALID - admission_source=3, ADMISSION_INVALID - admission_type=7, DISCHARGE_STATUS_INVALID - discharge_status=99, PCS_INVALID - icd10pcs_procedures=0DTJ4Z, REVENUE_CODE_INVALID 1 revenue_code=012',
		  'institutional: admtype, pointoforigin and discharge-status codes, the NUBC revenue coding and the ICD-10-PCS procedures (by system, in sequence order) are read');
-- the type of bill as subType (CMS bill type system) and the admission date
-- from a hospitalized period given as a date-time: read (the date is after
-- the statement starts, which an inpatient stay cannot be)
SELECT is(pg_temp.found(jsonb_set(jsonb_set(pg_temp.inst('{"subType": {"coding": [{"system": "https://www.cms.gov/codes/billtype", "code": "111"}]}}'),
			'{supportingInfo,1}', '{"sequence": 2, "category": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claiminformationcategory", "code": "hospitalized"}]},
									"timingPeriod": {"start": "2024-03-02T22:15:00-07:00", "end": "2024-03-04T10:00:00-07:00"}}'),
			'{supportingInfo,2}', '{"sequence": 3, "category": {"coding": [{"code": "info"}]}, "valueString": "no type of bill here"}')),
		  'ADMISSION_INVALID - admission_date=2024-03-02',
		  'institutional: type of bill from subType (https://www.cms.gov/codes/billtype), admission date from hospitalized.timingPeriod.start');
SELECT is(pg_temp.incomplete(pg_temp.inst('{"careTeam": [{"sequence": 1, "provider": {"reference": "Practitioner/att-9"},
											 "role": {"coding": [{"code": "attending"}]}}]}')),
		  'attending_npi', 'institutional: an attending physician whose reference resolves to nothing leaves attending_npi missing');

-- ===== shapes that must not crash =====

CREATE TEMP TABLE odd_shapes (claim jsonb);
INSERT INTO odd_shapes VALUES
	(pg_temp.pro('{"provider": [{"reference": "#org-1"}], "patient": "Patient/1", "insurer": 5, "careTeam": {"provider": {"reference": "#prac-r"}}}')),
	(pg_temp.pro('{"provider": {"reference": 7, "identifier": [1, "x", {"system": 3, "value": []}]}}')),
	(pg_temp.pro('{"provider": {"reference": "#"}, "patient": {"reference": ""}, "insurance": "cov-1"}')),
	(pg_temp.pro('{"provider": {"reference": "Practitioner?"}, "insurer": {"reference": "Organization?identifier="}}')),
	(pg_temp.pro('{"provider": {"reference": "?identifier=|"}, "careTeam": [{"provider": {"reference": "Practitioner?identifier=%ZZ%7|%"}, "role": "primary"}]}')),
	(pg_temp.pro('{"provider": {"reference": "/"}, "patient": {"reference": "Patient/"}, "insurer": {"reference": "//_history/1"}}')),
	(pg_temp.pro('{"contained": {"resourceType": "Organization", "id": "org-1", "identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"}}}')),
	(pg_temp.pro('{"contained": [1, [2], null, {"resourceType": ["Organization"], "id": "org-1"}, {"id": 4}]}')),
	(pg_temp.contained(pg_temp.pro(), 'org-1', '{"identifier": "1234567893", "address": ["1200 Maple Ave"], "name": 5}')),
	(pg_temp.contained(pg_temp.pro(), 'org-1', '{"address": [{"line": "1200 Maple Ave", "city": ["Denver"], "state": {"code": "CO"}, "postalCode": 80202}]}')),
	(pg_temp.contained(pg_temp.pro(), 'org-1', '{"address": [{"line": [5, {"x": 1}, "Ste 3"]}, "x"]}')),
	(pg_temp.contained(pg_temp.pro(), 'pat-1', '{"name": "RIVERA", "birthDate": 19700515, "gender": ["female"]}')),
	(pg_temp.contained(pg_temp.pro(), 'pat-1', '{"name": [{"family": ["RIVERA", "X"], "given": "ANA"}, {"family": {"a": 1}, "given": [[1]]}]}')),
	(pg_temp.contained(pg_temp.pro(), 'pat-1', '{"name": [{"family": [], "given": []}]}')),
	(pg_temp.contained(pg_temp.pro(), 'cov-1', '{"subscriberId": {"value": "M1001"}, "relationship": "self", "subscriber": {"reference": "#cov-1"}}')),
	(pg_temp.contained(pg_temp.pro(), 'cov-1', '{"subscriberId": [1, {"value": 2}], "relationship": {"coding": {"code": "18"}}, "payor": "MCR01"}')),
	-- a PractitionerRole that points at itself and at a missing organization
	(pg_temp.contained(pg_temp.pro('{"provider": {"reference": "#role-x"}}'), 'role-x',
		'{"resourceType": "PractitionerRole", "practitioner": {"reference": "#role-x"}, "organization": {"reference": "#none"}, "specialty": "x"}')),
	(pg_temp.pro('{"supportingInfo": [1, {"category": "admtype", "code": "1"}, {"category": {"coding": [{"code": "admissionperiod"}]}, "timingPeriod": [1]},
							{"category": {"coding": [{"code": "typeofbill"}]}, "code": {"coding": [{"code": 111}]}}],
				   "subType": {"coding": "x"}, "type": {"coding": [null, {"system": null, "code": ["professional"]}]}}')),
	(pg_temp.pro('{"procedure": [1, null, {"sequence": "x", "procedureCodeableConcept": {"coding": [{"system": "http://www.cms.gov/Medicare/Coding/ICD10", "code": 5}]}},
							 {"sequence": 1.5, "procedureCodeableConcept": {"coding": [{"system": "http://www.cms.gov/Medicare/Coding/ICD10", "code": ""}]}}]}')),
	(pg_temp.pro('{"diagnosis": [null, {"type": "principal"}, {"type": [{"coding": [{"code": "principal"}]}], "diagnosisReference": "Condition/1"}]}')),
	(jsonb_set(pg_temp.pro(), '{item,0,revenue}', '"0120"')),
	(jsonb_set(pg_temp.pro(), '{item,0,revenue}', '{"coding": [{"code": 120}, {"code": "12345"}, "0120"]}')),
	(pg_temp.pro('{"careTeam": [{"sequence": 1, "provider": {"reference": "#prac-r"}, "role": {"coding": [{"code": "rendering"}]}, "qualification": [1]}]}')),
	(pg_temp.pro('{"provider": {"reference": "#org-1"}, "careTeam": [[[[[[[[[[[[[[[[[[[[{"provider": {"reference": "#org-1"}}]]]]]]]]]]]]]]]]]]]]}')),
	('{"resourceType": "Bundle", "entry": [1, null, {"fullUrl": 5, "resource": [1]}, {"resource": {"resourceType": "Claim", "provider": {"reference": "Organization/x"}}},
										   {"fullUrl": "Organization/x", "resource": "x"}, {"resource": {"resourceType": 3, "id": ["x"]}}]}'),
	('{"resourceType": "Bundle", "entry": [{"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Claim", "patient": {"reference": "urn:uuid:2"},
			"insurance": [{"focal": "yes", "coverage": {"reference": "urn:uuid:3"}}]}},
		{"fullUrl": "urn:uuid:2", "resource": {"resourceType": "Patient", "contained": [{"resourceType": "Patient", "id": "p"}]}},
		{"fullUrl": "urn:uuid:3", "resource": {"resourceType": "Coverage", "subscriber": {"reference": "#p"}, "relationship": {"coding": [{"code": "self"}]}}}]}');
SELECT lives_ok($$SELECT count(*) FROM odd_shapes o, cleanclaim.validate(o.claim) v$$,
				'wrong types, missing keys, arrays for objects, self-references and deep nesting: validate() answers, never crashes');

SELECT * FROM finish();
ROLLBACK;
