-- pgTAP: two claims of the public X12 samples (../shared/data/x12, read in
-- place), a professional one (837P) and an institutional one (837I), read by
-- hand into the claim contract: each is complete (no CLAIM_INCOMPLETE), the
-- rules that fire on it as written are those its age explains (ICD-9 codes,
-- dates of 2005 and 2006, made-up NPIs, a taxonomy code of before NUCC's
-- X), and brought up to date as a billing office would, it is clean.  The
-- mapping below is a hand-written reading of these two files, segment by
-- segment, not an X12 reader; read_837(), the reader in C, is checked against
-- them at the end, and every 837 sample is read by it.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT :'data_dir' = '' AS no_data \gset
\if :no_data
SELECT plan(1);
SELECT skip('no shared data (set CLEANCLAIM_DATA): the X12 samples are not there to read', 1);
\else
SELECT plan(19);

\ir fixtures.psql
-- only the real code sets here (the fixtures' payers, places of service and
-- rule settings stay)
DELETE FROM icd10cm_codes;
DELETE FROM hcpcs_codes;
DELETE FROM mce_edits;
DELETE FROM ncci_ptp;
DELETE FROM mue;
DELETE FROM type_of_bill_codes;
DELETE FROM revenue_codes;
-- the code sets, read in place: ICD-10-CM FY2025 (still current: the claims
-- brought up to date are of 2026), OPPS Addendum B of April 2026, the
-- type-of-bill and revenue code lists
\set f :data_dir '/icd10cm/icd10cm_fy2025_april.csv'
\set content `cat :'f'`
SELECT count(*) FROM load_icd10cm_order(:'content', 'FY2025', '2024-10-01', '2025-09-30') \g /dev/null
SELECT count(*) FROM mark_release_current('icd10cm_codes', 'FY2025') \g /dev/null
\set f :data_dir '/hcpcs/opps_addendum_b_2026_04_codes.csv'
\set content `cat :'f'`
SELECT count(*) FROM load_hcpcs_opps_addendum_b(:'content', '2026-04', '2026-04-01', '2026-06-30') \g /dev/null
\set f :data_dir '/code_sets/type_of_bill_codes.csv'
\set content `cat :'f'`
SELECT count(*) FROM load_type_of_bill_codes(:'content', 'bfd') \g /dev/null
\set f :data_dir '/code_sets/revenue_center_codes.csv'
\set content `cat :'f'`
SELECT count(*) FROM load_revenue_codes(:'content', 'bfd') \g /dev/null
\unset content
-- the samples' payers
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES
	('999996666', 'KEY INSURANCE COMPANY (X12 sample)', 'commercial', 365),
	('7452723', 'LOCAL INSURANCE COMPANY (X12 sample)', 'commercial', 365);

-- A file as segments (terminator ~, elements *), each with its position; the
-- component separator is ISA16 (the 837I sample declares : and writes >,
-- so both are taken).
CREATE FUNCTION pg_temp.segments(content text)
RETURNS TABLE (n bigint, id text, e text[], c text) LANGUAGE sql AS $$
	SELECT s.n, (string_to_array(s.seg, '*'))[1], string_to_array(s.seg, '*'), '[' || substr(content, 105, 1) || '>]'
	FROM regexp_split_to_table(btrim(content, E' \r\n'), '~\s*') WITH ORDINALITY s(seg, n)
	WHERE s.seg <> '' $$;
-- element i of the first segment with this id (and, when given, this first
-- element) at or after position from_n; components split off with part
CREATE FUNCTION pg_temp.el(segs jsonb, seg_id text, qualifier text, i int, from_n bigint DEFAULT 0)
RETURNS text LANGUAGE sql AS $$
	SELECT s->'e'->>(i - 1) FROM jsonb_array_elements(segs) s
	WHERE s->>'id' = seg_id AND (qualifier IS NULL OR s->'e'->>1 = qualifier) AND (s->>'n')::bigint >= from_n
	ORDER BY (s->>'n')::bigint LIMIT 1 $$;
CREATE FUNCTION pg_temp.pos(segs jsonb, seg_id text, qualifier text) RETURNS bigint LANGUAGE sql AS $$
	SELECT min((s->>'n')::bigint) FROM jsonb_array_elements(segs) s
	WHERE s->>'id' = seg_id AND (qualifier IS NULL OR s->'e'->>1 = qualifier) $$;
CREATE FUNCTION pg_temp.x12_date(d text) RETURNS text LANGUAGE sql AS $$
	SELECT to_char(to_date(left(d, 8), 'YYYYMMDD'), 'YYYY-MM-DD') $$;
-- the diagnoses of the HI segments, principal first: qualifier BK/ABK, then BF/ABF
CREATE FUNCTION pg_temp.diagnoses(segs jsonb, sep text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_agg((regexp_split_to_array(x.el, sep))[2] ORDER BY p.n, x.k)
	FROM jsonb_array_elements(segs) s, LATERAL jsonb_array_elements_text(s->'e') WITH ORDINALITY x(el, k),
		 LATERAL (SELECT (s->>'n')::bigint AS n) p
	WHERE s->>'id' = 'HI' AND x.k > 1 AND (regexp_split_to_array(x.el, sep))[1] IN ('BK', 'ABK', 'BF', 'ABF') $$;

-- the 837P: demo.example1.837 (005010X222A2), a dependent (PAT*19) seen twice
\set f :data_dir '/x12/linuxforhealth_x12/837_005010X222A2/demo.example1.837'
\set x12 `cat :'f'`
CREATE TEMP TABLE p837 AS
SELECT jsonb_agg(jsonb_build_object('n', n, 'id', id, 'e', to_jsonb(e)) ORDER BY n) AS segs, min(c) AS sep
FROM pg_temp.segments(:'x12');
CREATE TEMP TABLE professional AS
WITH b AS (SELECT segs, sep, pg_temp.pos(segs, 'NM1', '85') AS billing, pg_temp.pos(segs, 'NM1', 'QC') AS patient FROM p837),
	 lines AS (
	SELECT jsonb_agg(jsonb_build_object(
			'line_no', s->'e'->>1,
			'procedure', (regexp_split_to_array(pg_temp.el(b.segs, 'SV1', NULL, 2, (s->>'n')::bigint), b.sep))[2],
			'charge', pg_temp.el(b.segs, 'SV1', NULL, 3, (s->>'n')::bigint),
			'units', pg_temp.el(b.segs, 'SV1', NULL, 5, (s->>'n')::bigint),
			'dx_pointers', to_jsonb(regexp_split_to_array(pg_temp.el(b.segs, 'SV1', NULL, 8, (s->>'n')::bigint), b.sep)),
			'service_date', pg_temp.x12_date(pg_temp.el(b.segs, 'DTP', '472', 4, (s->>'n')::bigint)))
			ORDER BY (s->>'n')::bigint) AS lines
	FROM b, jsonb_array_elements(b.segs) s WHERE s->>'id' = 'LX')
SELECT jsonb_build_object(
	'claim_id', pg_temp.el(segs, 'CLM', NULL, 2), 'claim_type', 'professional',
	'payer_id', pg_temp.el(segs, 'NM1', 'PR', 10), 'member_id', pg_temp.el(segs, 'NM1', 'IL', 10),
	'subscriber_last_name', pg_temp.el(segs, 'NM1', 'IL', 4), 'subscriber_first_name', pg_temp.el(segs, 'NM1', 'IL', 5),
	'patient_relationship', coalesce(pg_temp.el(segs, 'PAT', NULL, 2), nullif(pg_temp.el(segs, 'SBR', NULL, 3), '')),
	'patient_last_name', pg_temp.el(segs, 'NM1', 'QC', 4), 'patient_first_name', pg_temp.el(segs, 'NM1', 'QC', 5),
	'patient_birth_date', pg_temp.x12_date(pg_temp.el(segs, 'DMG', NULL, 3, patient)),
	'patient_sex', pg_temp.el(segs, 'DMG', NULL, 4, patient),
	'billing_npi', pg_temp.el(segs, 'NM1', '85', 10), 'billing_taxonomy', pg_temp.el(segs, 'PRV', 'BI', 4),
	'billing_address', pg_temp.el(segs, 'N3', NULL, 2, billing), 'billing_city', pg_temp.el(segs, 'N4', NULL, 2, billing),
	'billing_state', pg_temp.el(segs, 'N4', NULL, 3, billing), 'billing_zip', pg_temp.el(segs, 'N4', NULL, 4, billing),
	'billing_tax_id', pg_temp.el(segs, 'REF', 'EI', 3),
	'place_of_service', (regexp_split_to_array(pg_temp.el(segs, 'CLM', NULL, 6), sep))[1],
	'frequency_code', (regexp_split_to_array(pg_temp.el(segs, 'CLM', NULL, 6), sep))[3],
	'submitted_on', pg_temp.x12_date(pg_temp.el(segs, 'BHT', NULL, 5)),
	'total_charge', pg_temp.el(segs, 'CLM', NULL, 3),
	'diagnoses', pg_temp.diagnoses(segs, sep), 'lines', (SELECT lines FROM lines)) AS claim
FROM b;

SELECT is((SELECT count(*) FROM professional, validate(claim) v WHERE v.rule_id = 'CLAIM_INCOMPLETE'), 0::bigint,
		  '837P demo.example1: read by hand, the claim has every element the 837P requires');
SELECT is((SELECT string_agg(DISTINCT v.rule_id || ' ' || v.severity, ', ') FROM professional, validate(claim) v),
		  'DX_INVALID error, SERVICE_DATES_INVALID error, TAXONOMY_INVALID error',
		  '837P demo.example1: as written, its ICD-9 codes, its 2006 dates and its taxonomy of before the NUCC X are what fire');
-- (V7389 reads as an ICD-10-CM code, V73.89, which no release loaded covers in 2006)
SELECT is((SELECT string_agg(v.value, ', ' ORDER BY v.value) FROM professional, validate(claim) v WHERE v.rule_id = 'DX_INVALID'),
		  '0340', '837P demo.example1: its principal diagnosis is ICD-9 (strep sore throat)');
-- brought up to date: the ICD-10-CM codes of the same conditions (J02.0,
-- Z11.59), the visits in May 2026, sent a week after, a NUCC taxonomy code
CREATE TEMP TABLE professional_now AS
SELECT claim || '{"diagnoses": ["J02.0", "Z11.59"], "submitted_on": "2026-05-18", "billing_taxonomy": "207Q00000X"}'
	   || jsonb_build_object('lines', (SELECT jsonb_agg(l || jsonb_build_object('service_date',
										   CASE WHEN l->>'service_date' = '2006-10-03' THEN '2026-05-04' ELSE '2026-05-11' END)
										   ORDER BY n)
									   FROM jsonb_array_elements(claim->'lines') WITH ORDINALITY e(l, n))) AS claim
FROM professional;
SELECT is((SELECT string_agg(v.rule_id || ': ' || v.message, '; ') FROM professional_now, validate(claim) v), NULL,
		  '837P demo.example1, brought up to date: clean, no issue at all');
SELECT ok((SELECT is_clean(claim) FROM professional_now), '837P demo.example1, brought up to date: is_clean');

-- the 837I: ppo-repriced-claim.837i (005010X223A3), a hospital outpatient
-- visit (131) of a dependent (PAT*19), two audiology lines
\set f :data_dir '/x12/linuxforhealth_x12/837_005010X223A3/ppo-repriced-claim.837i'
\set x12 `cat :'f'`
CREATE TEMP TABLE i837 AS
SELECT jsonb_agg(jsonb_build_object('n', n, 'id', id, 'e', to_jsonb(e)) ORDER BY n) AS segs, min(c) AS sep
FROM pg_temp.segments(:'x12');
CREATE TEMP TABLE institutional AS
WITH b AS (SELECT segs, sep, pg_temp.pos(segs, 'NM1', '85') AS billing, pg_temp.pos(segs, 'NM1', 'QC') AS patient,
				  pg_temp.pos(segs, 'CLM', NULL) AS clm FROM i837),
	 lines AS (
	SELECT jsonb_agg(jsonb_build_object(
			'line_no', s->'e'->>1,
			'revenue_code', pg_temp.el(b.segs, 'SV2', NULL, 2, (s->>'n')::bigint),
			'procedure', (regexp_split_to_array(pg_temp.el(b.segs, 'SV2', NULL, 3, (s->>'n')::bigint), b.sep))[2],
			'charge', pg_temp.el(b.segs, 'SV2', NULL, 4, (s->>'n')::bigint),
			'units', pg_temp.el(b.segs, 'SV2', NULL, 6, (s->>'n')::bigint),
			'service_date', pg_temp.x12_date(pg_temp.el(b.segs, 'DTP', '472', 4, (s->>'n')::bigint)))
			ORDER BY (s->>'n')::bigint) AS lines
	FROM b, jsonb_array_elements(b.segs) s WHERE s->>'id' = 'LX')
SELECT jsonb_build_object(
	'claim_id', pg_temp.el(segs, 'CLM', NULL, 2), 'claim_type', 'institutional',
	'payer_id', pg_temp.el(segs, 'NM1', 'PR', 10), 'member_id', pg_temp.el(segs, 'NM1', 'IL', 10),
	'subscriber_last_name', pg_temp.el(segs, 'NM1', 'IL', 4), 'subscriber_first_name', pg_temp.el(segs, 'NM1', 'IL', 5),
	'patient_relationship', coalesce(pg_temp.el(segs, 'PAT', NULL, 2), nullif(pg_temp.el(segs, 'SBR', NULL, 3), '')),
	'patient_last_name', pg_temp.el(segs, 'NM1', 'QC', 4), 'patient_first_name', pg_temp.el(segs, 'NM1', 'QC', 5),
	'patient_birth_date', pg_temp.x12_date(pg_temp.el(segs, 'DMG', NULL, 3, patient)),
	'patient_sex', pg_temp.el(segs, 'DMG', NULL, 4, patient),
	'billing_npi', pg_temp.el(segs, 'NM1', '85', 10),
	'billing_address', pg_temp.el(segs, 'N3', NULL, 2, billing), 'billing_city', pg_temp.el(segs, 'N4', NULL, 2, billing),
	'billing_state', pg_temp.el(segs, 'N4', NULL, 3, billing), 'billing_zip', pg_temp.el(segs, 'N4', NULL, 4, billing),
	'billing_tax_id', pg_temp.el(segs, 'REF', 'EI', 3), 'billing_taxonomy', pg_temp.el(segs, 'PRV', 'BI', 4),
	'attending_npi', pg_temp.el(segs, 'NM1', '71', 10, clm),
	-- CLM05: facility type code (2 digits) and frequency: the type of bill
	'type_of_bill', (regexp_split_to_array(pg_temp.el(segs, 'CLM', NULL, 6), sep))[1] || (regexp_split_to_array(pg_temp.el(segs, 'CLM', NULL, 6), sep))[3],
	'service_from', pg_temp.x12_date(split_part(pg_temp.el(segs, 'DTP', '434', 4), '-', 1)),
	'service_to', pg_temp.x12_date(split_part(pg_temp.el(segs, 'DTP', '434', 4), '-', 2)),
	'admission_date', pg_temp.x12_date(pg_temp.el(segs, 'DTP', '435', 4)),
	'admission_type', pg_temp.el(segs, 'CL1', NULL, 2), 'admission_source', pg_temp.el(segs, 'CL1', NULL, 3),
	'discharge_status', pg_temp.el(segs, 'CL1', NULL, 4),
	'submitted_on', pg_temp.x12_date(pg_temp.el(segs, 'BHT', NULL, 5)),
	'total_charge', pg_temp.el(segs, 'CLM', NULL, 3),
	'diagnoses', pg_temp.diagnoses(segs, sep), 'lines', (SELECT lines FROM lines)) AS claim
FROM b;

SELECT is((SELECT count(*) FROM institutional, validate(claim) v WHERE v.rule_id = 'CLAIM_INCOMPLETE'), 0::bigint,
		  '837I ppo-repriced-claim: read by hand, the claim has every element the 837I requires');
SELECT is((SELECT string_agg(DISTINCT v.rule_id || ' ' || v.severity, ', ') FROM institutional, validate(claim) v),
		  'DX_INVALID error, NPI_BILLING_INVALID error, NPI_RENDERING_INVALID error, SERVICE_DATES_INVALID error',
		  '837I ppo-repriced-claim: as written, its ICD-9 codes, its 2005 dates and its made-up NPIs are what fire');
SELECT is((SELECT string_agg(v.field || ' ' || v.value, ', ' ORDER BY v.field) FROM institutional, validate(claim) v
		   WHERE v.rule_id LIKE 'NPI%'),
		  'attending_npi 5544332211, billing_npi 1257234346', '837I ppo-repriced-claim: the two NPIs fail their check digit');
-- brought up to date: the ICD-10-CM codes of the same conditions (H69.83
-- Eustachian tube disorder, both ears; H90.0 conductive hearing loss, both ears),
-- valid NPIs, the visit in May 2026
CREATE TEMP TABLE institutional_now AS
SELECT claim || '{"diagnoses": ["H69.83", "H90.0"], "billing_npi": "1245319599", "attending_npi": "1558598797",
				  "service_from": "2026-05-04", "service_to": "2026-05-04",
				  "admission_date": "2026-05-04", "submitted_on": "2026-05-11"}'
	   || jsonb_build_object('lines', (SELECT jsonb_agg(l || '{"service_date": "2026-05-04"}' ORDER BY n)
									   FROM jsonb_array_elements(claim->'lines') WITH ORDINALITY e(l, n))) AS claim
FROM institutional;
SELECT is((SELECT string_agg(v.rule_id || ': ' || v.message, '; ') FROM institutional_now, validate(claim) v), NULL,
		  '837I ppo-repriced-claim, brought up to date: clean, no issue at all');
SELECT ok((SELECT is_clean(claim) FROM institutional_now), '837I ppo-repriced-claim, brought up to date: is_clean');

-- read_837(), the reader in C, against the hand readings above: every value
-- the hand reading takes from the file, read_837 gives the same (as text:
-- the hand reading keeps amounts as strings), and what read_837 reads beyond
-- it is listed; the claims validate the same, every rule included
CREATE FUNCTION pg_temp.flat(j jsonb, path text DEFAULT '') RETURNS SETOF text LANGUAGE sql AS $$
	SELECT CASE WHEN jsonb_typeof(v) IN ('object', 'array') THEN NULL ELSE path || k || '=' || (v #>> '{}') END
	FROM (SELECT key AS k, value AS v FROM jsonb_each(CASE WHEN jsonb_typeof(j) = 'object' THEN j ELSE '{}' END)
		  UNION ALL SELECT (n - 1)::text, e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]' END)
			   WITH ORDINALITY a(e, n)) x
	WHERE jsonb_typeof(v) NOT IN ('object', 'array')
	UNION ALL
	SELECT f FROM (SELECT key AS k, value AS v FROM jsonb_each(CASE WHEN jsonb_typeof(j) = 'object' THEN j ELSE '{}' END)
				   UNION ALL SELECT (n - 1)::text, e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]' END)
						WITH ORDINALITY a(e, n)) x,
		 LATERAL pg_temp.flat(v, path || k || '.') f
	WHERE jsonb_typeof(v) IN ('object', 'array') $$;
\set f :data_dir '/x12/linuxforhealth_x12/837_005010X222A2/demo.example1.837'
\set x12 `cat :'f'`
CREATE TEMP TABLE professional_read AS SELECT claim FROM read_837(:'x12');
SELECT is((SELECT count(*) FROM (SELECT pg_temp.flat(claim) FROM professional EXCEPT SELECT pg_temp.flat(claim) FROM professional_read) x),
		  0::bigint, '837P demo.example1: read_837 gives every value the hand reading takes from the file');
SELECT is((SELECT string_agg(x, ', ' ORDER BY x) FROM (SELECT pg_temp.flat(claim) FROM professional_read
		   EXCEPT SELECT pg_temp.flat(claim) FROM professional) d(x)),
		  'service_from=2006-10-03, service_to=2006-10-10',
		  '837P demo.example1: and the claim''s dates of service besides, from its lines');
SELECT is((SELECT array_agg(v.rule_id || ' ' || v.severity || ' ' || coalesce(v.field, '') || ' ' || coalesce(v.value, '') ORDER BY 1)
		   FROM professional_read, validate(claim, true) v),
		  (SELECT array_agg(v.rule_id || ' ' || v.severity || ' ' || coalesce(v.field, '') || ' ' || coalesce(v.value, '') ORDER BY 1)
		   FROM professional, validate(claim || jsonb_build_object('service_from', '2006-10-03', 'service_to', '2006-10-10'), true) v),
		  '837P demo.example1: read by read_837, it validates as the hand reading does');
\set f :data_dir '/x12/linuxforhealth_x12/837_005010X223A3/ppo-repriced-claim.837i'
\set x12 `cat :'f'`
CREATE TEMP TABLE institutional_read AS SELECT claim FROM read_837(:'x12');
SELECT is((SELECT string_agg(x, ', ' ORDER BY x) FROM (SELECT pg_temp.flat(claim) FROM institutional
		   EXCEPT SELECT pg_temp.flat(claim) FROM institutional_read) d(x)),
		  NULL, '837I ppo-repriced-claim: read_837 gives every value the hand reading takes from the file');
SELECT is((SELECT string_agg(x, ', ' ORDER BY x) FROM (SELECT pg_temp.flat(claim) FROM institutional_read
		   EXCEPT SELECT pg_temp.flat(claim) FROM institutional) d(x)),
		  'frequency_code=1', '837I ppo-repriced-claim: and the frequency code besides (CLM05-3)');
SELECT is((SELECT array_agg(v.rule_id || ' ' || v.severity || ' ' || coalesce(v.field, '') || ' ' || coalesce(v.value, '') ORDER BY 1)
		   FROM institutional_read, validate(claim, true) v),
		  (SELECT array_agg(v.rule_id || ' ' || v.severity || ' ' || coalesce(v.field, '') || ' ' || coalesce(v.value, '') ORDER BY 1)
		   FROM institutional, validate(claim || '{"frequency_code": "1"}', true) v),
		  '837I ppo-repriced-claim: read by read_837, it validates as the hand reading does');
-- every 837 sample: its claims (the 4010 files are not read)
CREATE TEMP TABLE sample_files (file text, claims int);
\set d :data_dir '/x12/linuxforhealth_x12'
\set listing `cd :'d' && ls 837_*/* demo-file/demo.837 demo-file/demo.837i | tr '\n' ' '`
INSERT INTO sample_files SELECT f, NULL FROM unnest(string_to_array(btrim(:'listing'), ' ')) f;
CREATE FUNCTION pg_temp.claims_of(path text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	RETURN (SELECT string_agg(claim_id, ',' ORDER BY clm_segment) FROM cleanclaim.read_837(pg_read_file(path)));
END $$;
SELECT is((SELECT string_agg(file || ':' || coalesce(pg_temp.claims_of(:'d' || '/' || file), '-'), ' ' ORDER BY file) FROM sample_files),
		  '837_004010X096A1/automobile-accident.837:- 837_004010X096A1/homeowners.837:- 837_004010X096A1/institutional-ppo-repriced.837:- 837_004010X096A1/institutional.837:- 837_004010X096A1/workers-compensation.837:- 837_004010X098A1/coordination-of-benefits.837:- 837_004010X098A1/dependent-commercial-insurance-01.837:- 837_004010X098A1/dependent-commercial-insurance-02.837:- 837_004010X098A1/dependent-commercial-insurance-03.837:- 837_004010X098A1/patient-is-dependent.837:- 837_004010X098A1/patient-is-subscriber.837:- 837_005010X222A2/demo.ambulance.example5.837:051068 837_005010X222A2/demo.autoaccident.837:900000032 837_005010X222A2/demo.cob.2ndary.example4.837:125WILL 837_005010X222A2/demo.cob.example3.A.837:26407789 837_005010X222A2/demo.cob.example3.B.837:26407789 837_005010X222A2/demo.cob.example3.C.837:26407789 837_005010X222A2/demo.cob.example4.837:101KEN6055 837_005010X222A2/demo.drug.example10.1.837:CLMNO12345 837_005010X222A2/demo.drug.example10.2.837:CLMNO12345 837_005010X222A2/demo.drug.example10.3.837:CLMNO12345 837_005010X222A2/demo.example1.837:26463774 837_005010X222A2/demo.example11.837:ABC123-RI 837_005010X222A2/demo.example12.837:TS234H3 837_005010X222A2/demo.example2.837:26462967 837_005010X222A2/demo.example6.837:125WILL 837_005010X222A2/demo.example7.837:R03996273 #01 837_005010X222A2/demo.example8.837:SMI123 837_005010X222A2/demo.example9.837:153829140 837_005010X223A3/institutional-claim.837i:756048Q 837_005010X223A3/out-of-network-repriced-claim.837i:W392-49141 837_005010X223A3/ppo-repriced-claim.837i:456DFH43 837_005010X223A3/two-claims-single-provider.837i:756048Q,756049Q demo-file/demo.837:26463774 demo-file/demo.837i:756048Q',
		  'every 837 sample: the claims read_837 finds in it, by CLM01 (the 4010 files none)');
-- validate_837() reads the claims straight into the rules' model; on every
-- 5010 sample its claim issues are those of validate() on read_837's jsonb
CREATE FUNCTION pg_temp.issue_gap(path text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE x12 text := pg_read_file(path); gap bigint;
BEGIN
	SELECT count(*) INTO gap FROM (
		(SELECT claim_id, rule_id, line_no, field, severity, message FROM cleanclaim.validate_837(x12) WHERE category <> 'x12'
		 EXCEPT ALL
		 SELECT r.claim_id, v.rule_id, v.line_no, v.field, v.severity, v.message FROM cleanclaim.read_837(x12) r, cleanclaim.validate(r.claim) v)
		UNION ALL
		(SELECT r.claim_id, v.rule_id, v.line_no, v.field, v.severity, v.message FROM cleanclaim.read_837(x12) r, cleanclaim.validate(r.claim) v
		 EXCEPT ALL
		 SELECT claim_id, rule_id, line_no, field, severity, message FROM cleanclaim.validate_837(x12) WHERE category <> 'x12')) d;
	RETURN gap;
END $$;
SELECT is((SELECT string_agg(file, ', ') FROM sample_files WHERE file LIKE '%5010%' AND pg_temp.issue_gap(:'d' || '/' || file) > 0),
		  NULL, 'every 5010 sample: validate_837 finds the claim issues validate() finds on read_837''s claims, with the same messages');
-- the envelope of every 5010 sample: no slip but the component separator of
-- the files whose composites use > where their ISA16 says :
SELECT is((SELECT string_agg(file || ' ' || r, ', ' ORDER BY file)
		   FROM sample_files, LATERAL (SELECT string_agg(v.rule_id, ' ') AS r FROM cleanclaim.validate_837(pg_read_file(:'d' || '/' || file)) v
									   WHERE v.category = 'x12') x
		   WHERE file LIKE '%5010%' AND r IS NOT NULL),
		  '837_005010X222A2/demo.cob.2ndary.example4.837 X12_SEPARATOR_MISMATCH, 837_005010X222A2/demo.example11.837 X12_SEPARATOR_MISMATCH, 837_005010X222A2/demo.example12.837 X12_SEPARATOR_MISMATCH, 837_005010X222A2/demo.example6.837 X12_SEPARATOR_MISMATCH, 837_005010X222A2/demo.example9.837 X12_SEPARATOR_MISMATCH, 837_005010X223A3/out-of-network-repriced-claim.837i X12_SEPARATOR_MISMATCH, 837_005010X223A3/ppo-repriced-claim.837i X12_SEPARATOR_MISMATCH',
		  'every 5010 sample: an X12 issue only where its composites use another separator than its ISA16');
\endif

SELECT * FROM finish();
ROLLBACK;
