-- pgTAP: the loaders on the NCCI PTP and MUE fixtures of test/fixtures
-- (written by hand in the CMS export layouts: the real files are not
-- available) and on the real public files of ../shared/data, read in place
-- with psql backquotes.  The expected counts are computed from the files
-- with awk, independently of the loaders, and match SOURCES.md.  The tests on
-- the real files are skipped, with the reason, when that folder is absent.
-- Last, a role that is not a superuser loads with only INSERT, UPDATE and
-- DELETE on the tables.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

\set fixtures :repo_dir/test/fixtures
\set ncci `cat :'fixtures'/ncci_ptp_sample.csv`
\set ncci_bad `cat :'fixtures'/ncci_ptp_malformed.csv`
\set mue `cat :'fixtures'/mue_practitioner_sample.csv`
\set mue_bad `cat :'fixtures'/mue_malformed.csv`
-- edits of the fixture: lines that start with a code, less the one deleted on its effective date
\set ncci_edits `awk -F, '/^[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z],/ && $4 != $5' :'fixtures'/ncci_ptp_sample.csv | wc -l`
\set mue_codes `grep -c '^[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z],' :'fixtures'/mue_practitioner_sample.csv`

SELECT :'data_dir' <> '' AS have_data \gset
\if :have_data
\set icd_file :data_dir/icd10cm/icd10cm_fy2025_april.csv
\set anweb_file :data_dir/hcpcs/HCPC2020_ANWEB_w_disclaimer.txt
\set opps_file :data_dir/hcpcs/opps_addendum_b_2026_04_codes.csv
\set mce_file :data_dir/mce/MCE_Simple_Code_Edits_v37.txt
\set pos_file :data_dir/code_sets/place_of_service_codes.csv
\set icd `cat :'icd_file'`
\set anweb `iconv -f WINDOWS-1252 -t UTF-8 :'anweb_file'`
\set anweb_reference `cat :'data_dir'/hcpcs/hcpcs2020_level2_codes.csv`
\set opps `cat :'opps_file'`
\set mce `cat :'mce_file'`
\set pos `cat :'pos_file'`
-- the first three CSV columns of the order file are never quoted
\set icd_codes `tail -n +2 :'icd_file' | wc -l`
\set icd_billable `awk -F, 'NR > 1 && $3 == 1' :'icd_file' | wc -l`
-- the ANWEB records follow a 9-line disclaimer; record id in position 11
\set anweb_codes `awk 'NR > 9 && substr($0, 11, 1) == "3"' :'anweb_file' | wc -l`
\set anweb_modifiers `awk 'NR > 9 && substr($0, 11, 1) == "7"' :'anweb_file' | wc -l`
\set anweb_codes_terminated `awk 'NR > 9 && substr($0, 11, 1) == "3" && substr($0, 285, 8) ~ /^[0-9]+$/' :'anweb_file' | wc -l`
\set anweb_modifiers_terminated `awk 'NR > 9 && substr($0, 11, 1) == "7" && substr($0, 285, 8) ~ /^[0-9]+$/' :'anweb_file' | wc -l`
\set opps_codes `tail -n +2 :'opps_file' | wc -l`
\set opps_level2 `awk -F, '$2 == "HCPCS_L2"' :'opps_file' | wc -l`
-- MCE: diagnosis rows by edit type, as "type=count,type=count,"
\set mce_counts `awk -F'\t' 'NR > 1 && $6 == "D" { n[$5]++ } END { for (t in n) printf "%s=%d,", t, n[t] }' :'mce_file'`
\set mce_procedures `awk -F'\t' 'NR > 1 && $6 == "P"' :'mce_file' | wc -l`
\set pos_codes `awk -F, 'NR > 1 && $1 ~ /^[0-9][0-9]$/ && $2 != "UNASSIGNED"' :'pos_file' | wc -l`
\endif

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT plan(48);

--
-- NCCI PTP fixture
--
SELECT is((SELECT row(s.*)::text FROM load_ncci_ptp(:'ncci', '2025Q1') s),
		  row('ncci_ptp/practitioner', '2025Q1', :'ncci_edits'::bigint, 5::bigint,
			  '{"title line": 3, "header line": 1, "deleted on its effective date (never in effect)": 1}'::jsonb)::load_summary::text,
		  'the PTP fixture loads: its edits, 3 title lines, the header (5 lines with its wrapped cells), 1 edit deleted on its effective date');
SELECT is((SELECT count(*) FROM ncci_ptp WHERE release = '2025Q1' AND setting = 'practitioner'), :'ncci_edits'::bigint,
		  'every edit of the fixture is in ncci_ptp');
SELECT is((SELECT valid_to FROM ncci_ptp WHERE column1 = '36415' AND column2 = '36416'), date '2002-12-31',
		  'an edit deleted on 2003-01-01 is valid through 2002-12-31');
SELECT is((SELECT valid_to FROM ncci_ptp WHERE column1 = '29806' AND column2 = '29822'), NULL::date,
		  'an edit not deleted (*) has no end');
SELECT is((SELECT count(*) FROM ncci_ptp WHERE column1 = '64483'), 0::bigint,
		  'the edit deleted on its effective date (modifier indicator 9) is not loaded');
SELECT is((SELECT array_agg(modifier_indicator ORDER BY column1) FROM ncci_ptp WHERE column1 IN ('29806', '43239')),
		  '{1,0}'::smallint[], 'modifier indicators 1 and 0 are kept');
SELECT is((SELECT valid_from FROM ncci_ptp WHERE column1 = 'G0471'), date '2015-01-01', 'the effective date is valid_from');
SELECT is((SELECT rows_loaded FROM load_ncci_ptp(:'ncci', '2025Q1')), :'ncci_edits'::bigint, 'the release loads again');
SELECT is((SELECT count(*) FROM ncci_ptp), :'ncci_edits'::bigint, 'reloading the release replaced it: no duplicate');
SELECT is((SELECT rows_loaded FROM load_ncci_ptp(:'ncci', '2025Q1', 'hospital')), :'ncci_edits'::bigint,
		  'the hospital table of the same release loads');
SELECT is((SELECT count(DISTINCT setting) FROM ncci_ptp WHERE release = '2025Q1'), 2::bigint,
		  'the practitioner and hospital tables of a release coexist');
SELECT throws_ok(format('SELECT * FROM load_ncci_ptp(%L, %L)', :'ncci_bad', '2025Q1'), '22P02',
				 'could not load ncci_ptp/practitioner: line 5 is malformed',
				 'the malformed PTP fixture stops at line 5 (an effective date written 2009-01-01)');
SELECT is((SELECT count(*) FROM ncci_ptp WHERE setting = 'practitioner'), :'ncci_edits'::bigint,
		  'the failed load left the release as it was');

--
-- MUE fixture
--
SELECT is((SELECT row(s.*)::text FROM load_mue(:'mue', '2025Q1', '2025-01-01') s),
		  row('mue/practitioner', '2025Q1', :'mue_codes'::bigint, 4::bigint,
			  '{"title line": 3, "header line": 1}'::jsonb)::load_summary::text,
		  'the MUE fixture loads: its codes, 3 title lines and the header skipped');
SELECT is((SELECT row(max_units, adjudication_indicator, valid_from)::text FROM mue WHERE code = 'J1885'),
		  row(8, 3, date '2025-01-01')::text, 'J1885: 8 units a date of service (clinical), from valid_from');
SELECT is((SELECT adjudication_indicator FROM mue WHERE code = '88350'), 1::smallint, 'a line edit has indicator 1');
SELECT throws_ok(format('SELECT * FROM load_mue(%L, %L, %L)', :'mue_bad', '2025Q1', '2025-01-01'), '22P02',
				 'could not load mue/practitioner: line 6 is malformed', 'the malformed MUE fixture stops at line 6 (units "four")');
SELECT throws_ok(format('SELECT * FROM load_mue(%L, %L, %L, %L)', :'mue', '2025Q1', '2025-01-01', 'dme'), '22023',
				 'could not load mue/dme: the file holds the MUEs of another setting',
				 'a practitioner table is not loaded as the DME table');
SELECT is((SELECT count(*) FROM mue), :'mue_codes'::bigint, 'the failed loads left the MUEs as they were');

--
-- The real files of ../shared/data
--
\if :have_data
-- ICD-10-CM order file, April 2025 (CSV rendering)
SELECT is((SELECT rows_loaded FROM load_icd10cm_order(:'icd', 'FY2025', '2024-10-01', '2025-09-30')), :'icd_codes'::bigint,
		  format('the FY2025 order file loads its %s codes (97,584 in SOURCES.md)', btrim(:'icd_codes')));
SELECT is((SELECT count(*) FROM icd10cm_codes WHERE billable), :'icd_billable'::bigint,
		  format('%s of them billable (74,260 in SOURCES.md)', btrim(:'icd_billable')));
SELECT is((SELECT row(billable, description, valid_from, valid_to)::text FROM icd10cm_codes WHERE code = 'A00.0'),
		  row(true, 'Cholera due to Vibrio cholerae 01, biovar cholerae', date '2024-10-01', date '2025-09-30')::text,
		  'A00.0: billable, its title, the release dates');
SELECT is((SELECT billable FROM icd10cm_codes WHERE code = 'S72.001'), false, 'S72.001 is a header (it needs a 7th character)');
SELECT is((SELECT laterality FROM icd10cm_codes WHERE code = 'S72.001A'), 'right', 'S72.001A is on the right');
SELECT is((SELECT rows_loaded FROM load_icd10cm_order(:'icd', 'FY2025', '2024-10-01', '2025-09-30')), :'icd_codes'::bigint,
		  'the order file loads again as the same release');
SELECT is((SELECT count(*) FROM icd10cm_codes), :'icd_codes'::bigint, 'and replaces it');

-- HCPCS 2020 ANWEB (cp1252, CRLF, disclaimer), against the same file parsed by the data's provider
SELECT is((SELECT array_agg(rows_loaded ORDER BY dataset) FROM load_hcpcs_anweb(:'anweb', '2020')),
		  ARRAY[:'anweb_codes'::bigint, :'anweb_modifiers'::bigint],
		  format('the 2020 ANWEB file loads %s codes and %s modifiers (6,710 and 369 in SOURCES.md)',
				 btrim(:'anweb_codes'), btrim(:'anweb_modifiers')));
SELECT is((SELECT count(*) FROM hcpcs_codes WHERE valid_to IS NOT NULL), :'anweb_codes_terminated'::bigint,
		  format('%s codes are terminated (605 in SOURCES.md)', btrim(:'anweb_codes_terminated')));
SELECT is((SELECT count(*) FROM modifiers WHERE valid_to IS NOT NULL), :'anweb_modifiers_terminated'::bigint,
		  format('%s modifiers are terminated (10 in SOURCES.md)', btrim(:'anweb_modifiers_terminated')));
SELECT is((SELECT row(valid_from, valid_to)::text FROM hcpcs_codes WHERE code = 'A4466'),
		  row(date '2010-01-01', date '2016-12-31')::text,
		  'A4466: valid from its add date through its termination date');
SELECT is((SELECT row(description, valid_from, valid_to)::text FROM modifiers WHERE modifier = 'GD'),
		  row('Units of service exceeds medically unlikely edit value and represents reasonable and necessary services',
			  date '2008-01-01', date '2019-12-31')::text,
		  'modifier GD: its description joined from two records, terminated 2019-12-31');
SELECT is((SELECT description FROM hcpcs_codes WHERE code = 'A0080'),
		  'Non-emergency transportation, per mile - vehicle provided by volunteer (individual or organization), with no vested interest',
		  'A0080: the continuation record is joined to the description');
-- hcpcs2020_level2_codes.csv: code, long_desc, short_desc, coverage_cd, betos, tos1, add_dt, act_eff_dt, term_dt, action_cd
CREATE TEMP TABLE anweb_reference AS
SELECT f[1] AS code, f[2] AS long_desc, f[7] AS add_dt, f[8] AS act_eff_dt, f[9] AS term_dt
FROM (SELECT loader_csv_fields(line) AS f FROM loader_lines(:'anweb_reference') WHERE line_no > 1) r;
SELECT is((SELECT count(*) FROM anweb_reference r LEFT JOIN hcpcs_codes c ON c.code = r.code::hcpcs AND c.release = '2020'
		   WHERE regexp_replace(c.description, '\s+', ' ', 'g') IS DISTINCT FROM r.long_desc
			  OR c.valid_from IS DISTINCT FROM to_date(coalesce(nullif(r.add_dt, ''), r.act_eff_dt), 'YYYYMMDD')
			  OR c.valid_to IS DISTINCT FROM to_date(nullif(r.term_dt, ''), 'YYYYMMDD')), 0::bigint,
		  format('each of the %s codes of hcpcs2020_level2_codes.csv (the same file parsed by its provider) has its description (up to runs of blanks) and dates',
				 (SELECT count(*) FROM anweb_reference)));

-- OPPS Addendum B, April 2026, as a second release of hcpcs_codes
SELECT is((SELECT rows_loaded FROM load_hcpcs_opps_addendum_b(:'opps', '2026-04', '2026-04-01', '2026-06-30')),
		  :'opps_codes'::bigint, format('the OPPS April 2026 list loads its %s codes (19,059 in SOURCES.md)', btrim(:'opps_codes')));
SELECT is((SELECT count(*) FROM hcpcs_codes WHERE release = '2026-04' AND hcpcs_kind(code) = 'hcpcs_level_ii'),
		  :'opps_level2'::bigint, format('%s of them Level II (7,513 in SOURCES.md), the others CPT', btrim(:'opps_level2')));
SELECT is((SELECT count(description) FROM hcpcs_codes WHERE release = '2026-04'), :'opps_level2'::bigint,
		  'only the Level II codes have a short descriptor (none for CPT)');
SELECT is((SELECT array_agg(description ORDER BY code) FROM hcpcs_codes WHERE release = '2026-04' AND code IN ('A4341', 'G0465')),
		  ARRAY['Iduc valve pat inst repl', 'Autolog prp diab wound ulcer'],
		  'A4341 and G0465, written with a no-break space after the code, load');
SELECT is((SELECT count(DISTINCT release) FROM hcpcs_codes WHERE code = 'A4466'), 1::bigint,
		  'A4466, terminated in 2016, is only in the 2020 release');
SELECT is((SELECT count(*) FROM hcpcs_codes WHERE code = 'A0021'), 2::bigint, 'A0021 has a row in each release');

-- MCE v37
SELECT is((SELECT skipped FROM load_mce(:'mce', 'v37', '2019-10-01', '2020-09-30')),
		  jsonb_build_object('header line', 1, 'procedure code (ICD_Code_Type P)', :'mce_procedures'::int,
							 'edit type not kept: Wrong_Performed', 3),
		  'the MCE v37 lists load; procedure rows and the 3 Wrong_Performed diagnoses are skipped');
SELECT is((SELECT string_agg(format('%s=%s', edit, n), ',' ORDER BY edit)
		   FROM (SELECT edit, count(*) AS n FROM mce_edits GROUP BY edit) l),
		  (SELECT string_agg(format('%s=%s', edit, n), ',' ORDER BY edit)
		   FROM (SELECT m.edit, sum(split_part(c, '=', 2)::int) AS n
				 FROM unnest(string_to_array(rtrim(:'mce_counts', ','), ',')) AS c
				 JOIN (VALUES ('Newborn_Only', 'newborn'), ('Pediatric_Only', 'pediatric'), ('Maternity_Only', 'maternity'),
							  ('Adult_Only', 'adult'), ('Female_Only', 'female'), ('Male_Only', 'male'),
							  ('Principal_Manifestation', 'manifestation'), ('Principal_Unacceptable', 'unacceptable_principal'),
							  ('Principal_Questionable_Admit', 'questionable_admission'), ('Noncovered_Always', 'noncovered'),
							  ('Noncovered_Over60', 'noncovered'), ('Limited_Coverage', 'limited_coverage')) AS m(edit_type, edit)
				   ON m.edit_type = split_part(c, '=', 1)
				 GROUP BY m.edit) f),
		  'every edit has as many diagnoses as the file lists for its edit types');
SELECT is((SELECT array_agg(n ORDER BY edit) FROM (SELECT edit, count(*) AS n FROM mce_edits
												  WHERE edit IN ('female', 'maternity', 'newborn') GROUP BY edit) s),
		  ARRAY[3135, 2372, 41]::bigint[], 'female 3,135, maternity 2,372, newborn 41, as in SOURCES.md');
SELECT is((SELECT edit FROM mce_edits WHERE code = 'A33'), 'newborn', 'A33 (tetanus neonatorum) is newborn-only');

-- place of service
SELECT is((SELECT rows_loaded FROM load_place_of_service(:'pos', '2026')), :'pos_codes'::bigint,
		  format('the POS list loads its %s assigned two-digit codes', btrim(:'pos_codes')));
SELECT is((SELECT array_agg(name ORDER BY code) FROM place_of_service WHERE code IN ('02', '11', '23', '41')),
		  ARRAY['TELEHEALTH', 'OFFICE', 'EMERGENCY ROOM-HOSPITAL', 'AMBULANCE—LAND'],
		  'names are split from the descriptions');
\else
SELECT skip('../shared/data was not found (set CLEANCLAIM_DATA): the loads of the real public files are skipped', 26);
\endif

--
-- A role that is not a superuser loads with INSERT, UPDATE and DELETE on the
-- tables (and USAGE on the schema); a role without them cannot.
--
CREATE ROLE cleanclaim_test_loader NOLOGIN;
CREATE ROLE cleanclaim_test_reader NOLOGIN;
GRANT USAGE ON SCHEMA cleanclaim TO cleanclaim_test_loader, cleanclaim_test_reader;
GRANT INSERT, UPDATE, DELETE ON releases, icd10cm_codes, hcpcs_codes, modifiers, place_of_service, mce_edits, ncci_ptp, mue
	TO cleanclaim_test_loader;
CREATE FUNCTION pg_temp.load_as(who name, content text) RETURNS SETOF load_summary LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('role', who, true);
	RETURN QUERY SELECT * FROM cleanclaim.load_mue(content, 'by-a-loader-role', '2025-04-01');
	PERFORM set_config('role', 'none', true);
END $$;
SELECT is((SELECT rows_loaded FROM pg_temp.load_as('cleanclaim_test_loader', :'mue')), :'mue_codes'::bigint,
		  'a role with INSERT, UPDATE and DELETE on the tables loads');
SELECT is((SELECT loaded_by FROM releases WHERE release = 'by-a-loader-role'), 'cleanclaim_test_loader'::name,
		  'releases records who loaded');
SELECT throws_ok(format('SELECT * FROM pg_temp.load_as(%L, %L)', 'cleanclaim_test_reader', :'mue'), '42501', NULL,
				 'a role that may only read the tables cannot load');

SELECT * FROM finish();
ROLLBACK;
