-- pgTAP: the README's recipe for loading the code sets, run as written (its
-- block between <!-- load-recipe:begin --> and <!-- load-recipe:end -->,
-- the file names pointed at ../shared/data), gives no false rejection on a
-- claim dated today: a code set no release of which covers today is not
-- checked, and says why.  Inside the periods the releases cover, the codes
-- are checked.  And with only the HCPCS Level II file, CPT codes are not
-- checked, CPT modifiers are (against those the extension ships).
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
SELECT skip('no shared data (set CLEANCLAIM_DATA): the recipe''s files are not there', 1);
\else
SELECT plan(9);
\ir fixtures.psql
-- the recipe loads the code sets into empty tables (the fixtures' payers and
-- settings stay)
DELETE FROM icd10cm_codes;
DELETE FROM hcpcs_codes;
DELETE FROM modifiers WHERE NOT shipped;
DELETE FROM mce_edits;
DELETE FROM place_of_service;
DELETE FROM type_of_bill_codes;
DELETE FROM revenue_codes;
DELETE FROM ncci_ptp;
DELETE FROM mue;

-- the recipe, its file names pointed at the shared data, into a file
\set recipe_file `mktemp`
\set made `:'repo_dir'/test/recipe-from-readme :'data_dir' :'recipe_file'`
SELECT is(:'made'::text, '7', 'the README''s recipe has its seven loads');
SET search_path = public;
\o /dev/null
\i :recipe_file
\o
SET search_path = cleanclaim, public;
\set removed `rm -f :'recipe_file'`
SELECT is((SELECT string_agg(dataset || ' ' || release || ' ' || coalesce(covers_to::text, 'no end'), ', ' ORDER BY dataset, release) FROM releases),
		  'hcpcs_codes 2020 2020-03-31, hcpcs_codes 2026-04 2026-06-30, icd10cm_codes FY2025 2025-09-30, mce_edits v37 no end, modifiers 2020 2020-03-31, place_of_service 2026 no end, revenue_codes 2026 no end, type_of_bill_codes 2026 no end',
		  'the recipe loaded every code set, each covering its period');

-- a complete claim dated today, professional and institutional, with codes
-- valid today
CREATE TEMP TABLE today AS
SELECT pg_temp.dated(pg_temp.claim('{"diagnoses": ["E11.9", "I10"]}') - 'submitted_on', current_date)
	   || jsonb_build_object('lines', jsonb_build_array(
			jsonb_build_object('line_no', 1, 'procedure', '99213', 'modifiers', '["25"]'::jsonb, 'units', 1, 'charge', 125.00,
							   'service_date', current_date, 'dx_pointers', '[1, 2]'::jsonb),
			jsonb_build_object('line_no', 2, 'procedure', 'G0439', 'modifiers', '["GT"]'::jsonb, 'units', 1, 'charge', 25.00,
							   'service_date', current_date, 'dx_pointers', '[1]'::jsonb))) AS claim;
SELECT is((SELECT string_agg(rule_id || ': ' || message, '; ') FROM today, validate(claim) v WHERE v.severity = 'error'), NULL,
		  'a professional claim dated today: no error after the recipe');
SELECT is((SELECT string_agg(rule_id || ': ' || message, '; ') FROM today, validate(pg_temp.as_institutional(claim)) v
		   WHERE v.severity = 'error'), NULL,
		  'an institutional claim dated today: no error after the recipe');
-- what the code sets could not say, they say they could not
SELECT is((SELECT string_agg(DISTINCT rule_id, ', ') FROM today, validate(claim, true) v
		   WHERE v.severity = 'not_checked' AND v.message LIKE '%mark the release current%'),
		  'DX_INVALID, DX_NOT_BILLABLE, DX_UNSPECIFIED, MOD_INVALID, PROC_INVALID',
		  'on a claim dated today the code sets whose releases have ended say so, and how to go on');

-- inside the periods the releases cover, the codes are checked
SELECT is((SELECT string_agg(rule_id || ' ' || value, ', ' ORDER BY rule_id, value)
		   FROM validate(pg_temp.dated(pg_temp.claim('{"diagnoses": ["E11.9", "E11.99X"]}'), '2025-03-03')) v
		   WHERE v.rule_id LIKE 'DX%'),
		  'DX_INVALID E11.99X', 'in FY2025, a diagnosis code FY2025 does not have is invalid');
SELECT is((SELECT string_agg(rule_id || ' ' || value, ', ' ORDER BY rule_id, value)
		   FROM validate(pg_temp.dated(pg_temp.line(pg_temp.claim('{"submitted_on": "2026-05-20", "diagnoses": ["E11.9", "I10"]}'), 2,
													  '{"procedure": "99999", "modifiers": ["ZX"]}'), '2026-05-04')) v
		   WHERE v.rule_id IN ('PROC_INVALID', 'MOD_INVALID')),
		  'PROC_INVALID 99999', 'in April to June 2026, a CPT code Addendum B does not have is invalid (and ZX, a modifier of a family no release covers then, is not judged)');

-- the Level II file alone (without Addendum B): CPT codes are not checked,
-- CPT modifiers are, against those shipped, Level II codes and modifiers too
SELECT count(*) FROM delete_release('hcpcs_codes', '2026-04') \g /dev/null
CREATE TEMP TABLE q1_2020 AS
SELECT pg_temp.line(pg_temp.line(pg_temp.claim(), 1, '{"modifiers": ["25", "2Q"]}'), 2, '{"procedure": "A9998", "modifiers": ["ZZ", "LT"]}') AS claim;
SELECT is((SELECT string_agg(rule_id || ' ' || severity || coalesce(' ' || value, ''), ', ' ORDER BY rule_id, severity, value)
		   FROM q1_2020, validate(pg_temp.dated(claim, '2020-02-03') || '{"submitted_on": "2020-02-10"}', true) v
		   WHERE v.rule_id IN ('PROC_INVALID', 'MOD_INVALID')),
		  'MOD_INVALID error 2Q, MOD_INVALID error ZZ, PROC_INVALID error A9998, PROC_INVALID not_checked',
		  'with the Level II file alone: 99213 is not checked, 25 and LT are valid, 2Q (CPT), ZZ and A9998 (Level II) are not');
SELECT is((SELECT v.message FROM q1_2020, validate(pg_temp.dated(claim, '2020-02-03'), true) v
		   WHERE v.rule_id = 'PROC_INVALID' AND v.severity = 'not_checked'),
		  'not checked: no release of cleanclaim.hcpcs_codes loaded holds CPT Category I codes',
		  'the CPT code is not checked, and the reason says so');
\endif

SELECT * FROM finish();
ROLLBACK;
