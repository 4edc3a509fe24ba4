-- What cleanclaim makes of the demo claims.
\pset pager off
\pset null ''
SET search_path = cleanclaim, public;

\echo
\echo '== Reference data the rules read'
SELECT dataset, release, rows_loaded, valid_from, valid_to FROM releases ORDER BY dataset;
SELECT (SELECT count(*) FROM icd10cm_codes) AS icd10cm_codes, (SELECT count(*) FROM hcpcs_codes) AS hcpcs_codes,
	   (SELECT count(*) FROM modifiers) AS modifiers, (SELECT count(*) FROM mce_edits) AS mce_edits,
	   (SELECT count(*) FROM place_of_service) AS places_of_service, (SELECT count(*) FROM ncci_ptp) AS ncci_pairs,
	   (SELECT count(*) FROM mue) AS mue_codes, (SELECT count(*) FROM payers) AS payers;

\echo
\echo '== The hand-written claims, scrubbed: is each clean, its quality score, its story'
SELECT claim_id, is_clean(claim) AS clean, quality_score(claim) AS score, story
FROM demo.claims ORDER BY claim_id;

\echo
\echo '== Every issue on them, with the team that owns the fix (validate(), one row per issue)'
SELECT c.claim_id, i.severity, i.rule_id, i.owner, i.line_no AS line, i.message
FROM demo.claims c, LATERAL validate(c.claim) i
ORDER BY c.claim_id, i.severity, i.rule_id, i.line_no;

\echo
\echo '== ... and how to fix the errors (the hint of each rule that fired)'
SELECT DISTINCT i.rule_id, i.hint
FROM demo.claims c, LATERAL validate(c.claim) i WHERE i.severity = 'error' ORDER BY 1;

\echo
\echo '== The scrub trigger: the billing system writes the claims into an inbox; scrub(''annotate'') holds the dirty ones'
-- a column for every field of the claim contract (cleanclaim.claim_fields()), and the three the trigger writes
SELECT format('CREATE TABLE demo.inbox (%s, scrub_status text, scrub_score numeric, scrub_issues jsonb)',
			  string_agg(format('%I %s', field, CASE WHEN field = 'claim_id' THEN 'text PRIMARY KEY'
													 WHEN kind = 'date' THEN 'date' WHEN kind = 'number' THEN 'numeric'
													 WHEN kind LIKE 'list%' THEN 'jsonb' ELSE 'text' END), ', '))
FROM claim_fields() WHERE level = 'claim' \gexec
-- duplicates on: a claim is compared with those already in the inbox (by the index on its key)
CREATE INDEX ON demo.inbox (member_id, billing_npi, service_from);
CREATE TRIGGER scrub BEFORE INSERT OR UPDATE ON demo.inbox FOR EACH ROW
	EXECUTE FUNCTION cleanclaim.scrub('annotate', 'issues=scrub_issues', 'score=scrub_score', 'status=scrub_status',
									  'duplicates=on');
INSERT INTO demo.inbox
SELECT r.* FROM demo.claims c, LATERAL jsonb_populate_record(NULL::demo.inbox, c.claim) r
WHERE NOT c.claim ? 'resourceType' ORDER BY c.claim_id;
SELECT claim_id, scrub_status AS status, scrub_score AS score, jsonb_array_length(scrub_issues) AS issues,
	   scrub_issues -> 0 ->> 'message' AS first_issue
FROM demo.inbox ORDER BY claim_id;

\if :{?shared}
\if :shared
\echo
\echo '== The CMS synthetic carrier claims of ../shared/data (Synthea, RIF layout), read into the claim contract'
\echo '   (dated 2015-2020: the demo also loads the FY2025 ICD-10-CM list as release DEMO valid from 2015-10-01, so that'
\echo '   their codes are checked; without it DX_INVALID reports them as not checked: the code set loaded covers 2024-10-01 on)'
-- the extract's claims go to a payer of their own, Medicare as the RIF files know it
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES ('MCR-RIF', 'Medicare (CMS synthetic RIF extract)', 'medicare', 365);
CREATE TABLE demo.rif_claims AS
WITH lines AS (
	SELECT l.*, to_date(nullif(l.line_1st_expns_dt, ''), 'DD-Mon-YYYY') AS line_date
	FROM demo.rif_carrier l
),
claims AS (
	SELECT clm_id,
		   min(bene_id) AS bene_id, min(clm_from_dt) AS clm_from_dt, min(clm_thru_dt) AS clm_thru_dt,
		   min(nch_wkly_proc_dt) AS proc_dt, min(carr_clm_blg_npi_num) AS billing_npi, min(rfr_physn_npi) AS referring_npi,
		   min(nch_carr_clm_sbmtd_chrg_amt) AS total_charge, min(nullif(tax_num, '')) AS tax_num,
		   min(array_to_string(ARRAY[icd_dgns_cd1, icd_dgns_cd2, icd_dgns_cd3, icd_dgns_cd4, icd_dgns_cd5,
									 icd_dgns_cd6, icd_dgns_cd7, icd_dgns_cd8, icd_dgns_cd9, icd_dgns_cd10, icd_dgns_cd11,
									 icd_dgns_cd12], ',')) AS dx_list,
		   jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
				'line_no', line_num::int, 'procedure', nullif(hcpcs_cd, ''),
				-- the line's diagnosis, as its position in the claim's list
				'dx_pointers', to_jsonb(array_remove(ARRAY[array_position(ARRAY[icd_dgns_cd1, icd_dgns_cd2, icd_dgns_cd3,
					icd_dgns_cd4, icd_dgns_cd5, icd_dgns_cd6, icd_dgns_cd7, icd_dgns_cd8, icd_dgns_cd9, icd_dgns_cd10,
					icd_dgns_cd11, icd_dgns_cd12], nullif(line_icd_dgns_cd, ''))], NULL)),
				'modifiers', nullif(array_remove(ARRAY[nullif(hcpcs_1st_mdfr_cd, ''), nullif(hcpcs_2nd_mdfr_cd, '')], NULL), '{}'),
				'units', nullif(line_srvc_cnt, '')::numeric, 'charge', nullif(line_sbmtd_chrg_amt, '')::numeric,
				'service_date', line_date, 'place_of_service', nullif(line_place_of_srvc_cd, ''),
				'rendering_npi', nullif(prf_physn_npi, ''))) ORDER BY line_num::int) AS lines
	FROM lines GROUP BY clm_id
)
SELECT c.clm_id AS claim_id, jsonb_strip_nulls(jsonb_build_object(
		'claim_id', c.clm_id, 'claim_type', 'professional', 'payer_id', 'MCR-RIF', 'member_id', c.bene_id,
		'subscriber_last_name', b.bene_srnm_name, 'subscriber_first_name', b.bene_gvn_name, 'patient_relationship', '18',
		'billing_tax_id', c.tax_num,
		'patient_birth_date', to_date(b.bene_birth_dt, 'DD-Mon-YYYY'),
		'patient_sex', CASE b.bene_sex_ident_cd WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE 'U' END,
		'billing_npi', coalesce(c.billing_npi, ''), 'referring_npi', nullif(c.referring_npi, ''),
		'service_from', to_date(c.clm_from_dt, 'DD-Mon-YYYY'), 'service_to', to_date(c.clm_thru_dt, 'DD-Mon-YYYY'),
		'submitted_on', to_date(c.proc_dt, 'DD-Mon-YYYY'), 'frequency_code', '1',
		'total_charge', nullif(c.total_charge, '')::numeric,
		'diagnoses', to_jsonb(array_remove(string_to_array(c.dx_list, ','), '')),
		'lines', c.lines)) AS claim
FROM claims c LEFT JOIN demo.rif_beneficiary b ON b.bene_id = c.bene_id;

\echo
\echo '== What the extract lacks to make 837Ps: CLAIM_INCOMPLETE names each element (the RIF carrier file has no billing'
\echo '   provider street address, city or state, nor a place of service at the claim level; Synthea left most of its'
\echo '   lines without a procedure code and its claims without a billing NPI)'
SELECT i.field, count(DISTINCT c.claim_id) AS claims, count(*) AS issues, min(i.message) AS message
FROM demo.rif_claims c, LATERAL validate(c.claim) i WHERE i.rule_id = 'CLAIM_INCOMPLETE'
GROUP BY 1 ORDER BY 2 DESC, 1;

\echo
\echo '== The rest of the rules on them, as for a partial extract: the elements the extract cannot have are not required'
\echo '   (rule_settings: CLAIM_INCOMPLETE ignore, for this payer only)'
INSERT INTO rule_settings (rule_id, payer_id, params, note)
SELECT 'CLAIM_INCOMPLETE', 'MCR-RIF', jsonb_build_object('ignore', jsonb_agg(DISTINCT i.field)),
	   'the RIF carrier extract has no billing street address, city, state or claim place of service'
FROM demo.rif_claims c, LATERAL validate(c.claim) i
WHERE i.rule_id = 'CLAIM_INCOMPLETE' AND i.field IN ('billing_address', 'billing_city', 'billing_state', 'billing_zip', 'place_of_service');
SELECT payer_id, params FROM rule_settings WHERE payer_id = 'MCR-RIF';
SELECT count(*) AS claims, sum(jsonb_array_length(claim -> 'lines')) AS lines,
	   count(*) FILTER (WHERE is_clean(claim)) AS clean, round(avg(quality_score(claim))::numeric, 1) AS mean_score
FROM demo.rif_claims;

\echo
\echo '== What keeps them from going out: issues by rule and owning team (Synthea writes names with digits: Arturo47)'
SELECT i.owner, i.rule_id, i.severity, count(*) AS issues, count(DISTINCT c.claim_id) AS claims, min(i.message) AS example
FROM demo.rif_claims c, LATERAL validate(c.claim) i
GROUP BY 1, 2, 3 ORDER BY 5 DESC, 2;
\endif
\endif
