-- pgTAP: the code types against the real public code sets of ../shared/data,
-- loaded in place by test/load-shared-data into schema shared_data.  Every
-- test is skipped, with the reason, when that folder was absent.
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

SELECT plan(17);

-- Run the tests in a function, so that they can be skipped as a block.
CREATE FUNCTION pg_temp.shared_data_tests() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	file text := current_setting('data_directory') || '/cleanclaim_test_shared.bin';
BEGIN
	-- NPIs: the 3,000 sample NPIs are valid; each with its last digit changed to any other digit is not
	RETURN NEXT is((SELECT count(*) FROM shared_data.npis), 3000::bigint, 'the NPI sample has 3,000 NPIs');
	RETURN NEXT is((SELECT count(*) FROM shared_data.npis WHERE NOT is_valid_npi(npi)), 0::bigint,
				   'every sample NPI is valid');
	RETURN NEXT is((SELECT count(*) FROM shared_data.npis WHERE npi::npi::text <> npi), 0::bigint,
				   'every sample NPI reads and prints back unchanged');
	RETURN NEXT is((SELECT count(*) FROM shared_data.npis, generate_series(0, 9) d
					WHERE d::text <> right(npi, 1) AND is_valid_npi(left(npi, 9) || d)), 0::bigint,
				   'no sample NPI stays valid with its last digit changed (27,000 variants)');

	-- ICD-10-CM: every FY2025 code, billable or header, is accepted and round-trips
	RETURN NEXT is((SELECT count(*) FROM shared_data.icd10cm), 97584::bigint, 'the FY2025 order file has 97,584 codes');
	RETURN NEXT is((SELECT count(*) FROM shared_data.icd10cm WHERE NOT is_valid_icd10cm(code)), 0::bigint,
				   'every FY2025 ICD-10-CM code is accepted');
	RETURN NEXT is((SELECT count(*) FROM shared_data.icd10cm
					WHERE icd10cm_dotless(code::icd10cm) <> code
					   OR code::icd10cm::text <> CASE WHEN length(code) > 3 THEN left(code, 3) || '.' || substr(code, 4) ELSE code END
					   OR code::icd10cm::text::icd10cm <> code::icd10cm),
				   0::bigint, 'every FY2025 code round-trips through text, dotted and dotless');
	RETURN NEXT is((SELECT count(*) FROM (SELECT code, row_number() OVER (ORDER BY code COLLATE "C") AS text_rank,
											 row_number() OVER (ORDER BY code::icd10cm) AS type_rank
										  FROM shared_data.icd10cm) s WHERE text_rank <> type_rank),
				   0::bigint, 'icd10cm sorts all FY2025 codes in their text order');
	EXECUTE format('COPY (SELECT code::icd10cm FROM shared_data.icd10cm) TO %L WITH (FORMAT binary)', file);
	CREATE TEMP TABLE icd_back (code icd10cm);
	EXECUTE format('COPY icd_back FROM %L WITH (FORMAT binary)', file);
	RETURN NEXT is((SELECT count(*) FROM (SELECT code::icd10cm FROM shared_data.icd10cm
										  EXCEPT ALL SELECT code FROM icd_back) d), 0::bigint,
				   'every FY2025 code round-trips through binary COPY');

	-- HCPCS: every code of the 2020 Level II file and the April 2026 OPPS list
	RETURN NEXT is((SELECT count(DISTINCT source) FROM shared_data.hcpcs), 2::bigint, 'both HCPCS lists are loaded');
	RETURN NEXT is((SELECT count(*) FROM shared_data.hcpcs WHERE NOT is_valid_hcpcs(code)), 0::bigint,
				   'every HCPCS code of 2020 and 2026 is accepted');
	RETURN NEXT is((SELECT count(*) FROM shared_data.hcpcs WHERE code::hcpcs::text <> upper(btrim(code, E' \u00a0'))), 0::bigint,
				   'every HCPCS code round-trips through text');
	RETURN NEXT is((SELECT count(*) FROM shared_data.hcpcs
					WHERE hcpcs_kind(code::hcpcs) = 'hcpcs_level_ii' AND source = 'opps2026') > 7000, true,
				   'the 2026 list holds over 7,000 Level II codes');
	EXECUTE format('COPY (SELECT code::hcpcs FROM shared_data.hcpcs) TO %L WITH (FORMAT binary)', file);
	CREATE TEMP TABLE hcpcs_back (code hcpcs);
	EXECUTE format('COPY hcpcs_back FROM %L WITH (FORMAT binary)', file);
	RETURN NEXT is((SELECT count(*) FROM (SELECT code::hcpcs FROM shared_data.hcpcs
										  EXCEPT ALL SELECT code FROM hcpcs_back) d), 0::bigint,
				   'every HCPCS code round-trips through binary COPY');

	-- NDCs in the sample claims (Part D) and the X12 837 drug examples
	RETURN NEXT ok((SELECT count(*) FROM shared_data.ndcs) >= 20, 'NDCs found in the sample claims and X12 examples');
	RETURN NEXT is((SELECT count(*) FROM shared_data.ndcs WHERE NOT is_valid_ndc(ndc)), 0::bigint,
				   'every NDC found parses');
	RETURN NEXT is((SELECT count(*) FROM shared_data.ndcs WHERE ndc::ndc::text <> ndc), 0::bigint,
				   'every NDC found is already in the 11-digit form and prints back unchanged');
END $$;

SELECT * FROM pg_temp.shared_data_tests() WHERE to_regclass('shared_data.npis') IS NOT NULL
UNION ALL
SELECT * FROM skip('../shared/data was not found (set CLEANCLAIM_DATA): the tests on real code sets are skipped', 17)
WHERE to_regclass('shared_data.npis') IS NULL;

SELECT * FROM finish();
ROLLBACK;
