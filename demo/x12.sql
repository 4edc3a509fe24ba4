-- An 837 file, as a billing system sends it: test/fixtures/clinic.837 (ours:
-- a practice's three claims and a hospital's one, in one interchange), read
-- into the claim contract, checked as the clearinghouse and the payer will
-- check it, the 999 the clearinghouse would answer, and its claims loaded
-- into an inbox through the scrub trigger.
--   psql -f demo/x12.sql   (from the repository's folder)
\pset pager off
\pset null ''
SET search_path = cleanclaim, public;
\set x12 `cat test/fixtures/clinic.837`
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES ('RMH01', 'Rocky Mountain Health', 'commercial', 365)
ON CONFLICT DO NOTHING;

\echo
\echo '== An 837 file: its claims (read_837)'
SELECT transaction_control AS st02, clm_segment, hl_path, claim_id, claim->>'claim_type' AS claim_type,
	   claim->>'billing_npi' AS billing_npi, claim->>'total_charge' AS total_charge,
	   jsonb_array_length(claim->'lines') AS lines, diagnosis_qualifiers
FROM read_837(:'x12');

\echo
\echo '== The same file with an invalid billing NPI and a wrong segment count: what validate_837 says, and where'
SELECT claim_id, transaction_control AS st02, segment_no, segment_id, element, rule_id, message
FROM validate_837(replace(replace(:'x12', 'XX*1234567893', 'XX*1234567890'), 'SE*54*0001', 'SE*50*0001'))
ORDER BY claim_id NULLS FIRST, segment_no, rule_id;

\echo
\echo '== The 999 the clearinghouse would send back for it (ack_999)'
SELECT ack_999(replace(:'x12', 'SE*54*0001', 'SE*50*0001'));

\echo
\echo '== The file loaded into an inbox through its scrub trigger (load_837)'
CREATE TEMP TABLE x12_inbox (claim_id text PRIMARY KEY, claim_type text, payer_id text, member_id text,
	subscriber_last_name text, subscriber_first_name text, patient_relationship text, patient_last_name text,
	patient_first_name text, patient_birth_date date,
	patient_sex text, billing_npi text, billing_tax_id text, billing_taxonomy text, billing_address text,
	billing_city text, billing_state text, billing_zip text, rendering_npi text, referring_npi text,
	attending_npi text, place_of_service text, frequency_code text, type_of_bill text, original_claim_id text,
	prior_auth text, admission_date date, admission_type text, admission_source text, discharge_status text,
	service_from date, service_to date, submitted_on date, total_charge numeric, diagnoses text[],
	icd10pcs_procedures text[], lines jsonb, scrub_status text, scrub_issues jsonb);
CREATE TRIGGER scrub BEFORE INSERT ON x12_inbox FOR EACH ROW
	EXECUTE FUNCTION scrub('annotate', 'status=scrub_status', 'issues=scrub_issues');
SELECT claims_read, claims_loaded, x12_errors FROM load_837(:'x12', 'x12_inbox');
SELECT claim_id, scrub_status, i->>'rule_id' AS rule_id, i->>'message' AS message
FROM x12_inbox LEFT JOIN LATERAL jsonb_array_elements(scrub_issues) i ON true ORDER BY claim_id, 3;
