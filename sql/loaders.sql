-- The loaders, on small files written for this test in each official layout
-- (fixed-width records are built with rpad so that every field sits at its
-- position): a good load, its summary and its rows; reloading a release
-- replaces it; a second release coexists; every malformed line stops the load
-- with its line number, and nothing is half-loaded; bad arguments raise 22023.
SET search_path = cleanclaim, public;
\set SHOW_CONTEXT never

-- what a reader of releases sees, without the load time
CREATE VIEW pg_temp.loaded AS
SELECT dataset, release, source, valid_from, valid_to, covers_to, current, rows_loaded, loaded_by = current_user AS by_me
FROM releases ORDER BY dataset, release;

--
-- ICD-10-CM order file, fixed width: order number 1-5, code 7-13, billable
-- flag 15, short description 17-76, long description from 78
--
CREATE FUNCTION pg_temp.order_line(n int, code text, billable text, short text, long text) RETURNS text
LANGUAGE sql AS $$ SELECT lpad(n::text, 5, '0') || ' ' || rpad(code, 7) || ' ' || billable || ' ' || rpad(short, 60) || ' ' || long $$;
SELECT concat_ws(E'\n',
	pg_temp.order_line(1, 'A00', '0', 'Sample category', 'Sample category'),
	pg_temp.order_line(2, 'A000', '1', 'Sample code, a title with a comma',
					   'Sample code, a title with a comma'),
	pg_temp.order_line(3, 'H6691', '1', 'Sample condition, unspecified, right ear', 'Sample condition, unspecified, right ear'),
	pg_temp.order_line(4, 'S72001A', '1', 'Sample injury of unsp part of right femur, init',
					   'Sample injury of unspecified part of right femur, initial encounter, a long title that goes on'),
	'',
	pg_temp.order_line(5, 'Z3A20', '1', 'Sample code with a short title only', '')) || E'\n' AS icd_fixed \gset
-- the layout, position by position
SELECT substr(l, 1, 5) AS "1-5", substr(l, 6, 1) AS "6", substr(l, 7, 7) AS "7-13", substr(l, 15, 1) AS "15",
	   rtrim(substr(l, 17, 60)) AS "17-76", substr(l, 77, 1) AS "77", substr(l, 78) AS "78-"
FROM regexp_split_to_table(:'icd_fixed', E'\n') AS l WHERE l <> '';

SELECT * FROM load_icd10cm_order(:'icd_fixed', 'FY2024', '2023-10-01', '2024-09-30');
SELECT code, billable, description, valid_from, valid_to, release, laterality, unspecified
FROM icd10cm_codes ORDER BY code, valid_from;

-- reloading the release replaces its rows (no duplicates)
SELECT * FROM load_icd10cm_order(:'icd_fixed', 'FY2024', '2023-10-01', '2024-09-30');
SELECT release, count(*) FROM icd10cm_codes GROUP BY release ORDER BY release;

-- the CSV rendering (byte order mark, CRLF, header order_seq,code,billable,short_desc)
-- as a second release: both coexist
SELECT * FROM load_icd10cm_order(
	E'\uFEFForder_seq,code,billable,short_desc\r\n1,A00,0,Sample category\r\n'
	'2,A000,1,"Sample code, a title with a comma"\r\n3,U071,1,Sample U code\r\n',
	'FY2025', '2024-10-01');
SELECT code, billable, description, valid_from, valid_to, release FROM icd10cm_codes ORDER BY code, valid_from;
-- with a long_desc column, the long description wins
SELECT code, description FROM parse_icd10cm_order(
	E'order_seq,code,billable,short_desc,long_desc\n1,I10,1,Sample short title,Sample long title');
SELECT * FROM pg_temp.loaded;

-- malformed lines: the release on file stays as it was
SELECT * FROM load_icd10cm_order(concat_ws(E'\n', pg_temp.order_line(1, 'A00', '0', 'Sample category', 'Sample category'),
										   pg_temp.order_line(2, 'A000', 'x', 'Sample code', '')),
								 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(pg_temp.order_line(1, 'I1', '1', 'Sample title', ''), 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(pg_temp.order_line(1, 'A00', '0', 'Sample category', '') || E'\n00002 A000', 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order('  1   A00     0 Sample category', 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order('00001 A00     0 ', 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order('00001 A00    10 Sample category', 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(concat_ws(E'\n', pg_temp.order_line(1, 'A00', '0', 'Sample category', ''),
										   pg_temp.order_line(2, 'A00', '0', 'Sample category again', '')),
								 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(E'order_seq,code,billable,short_desc\n1,A00,0\n', 'FY2025', '2024-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(E'order_seq,code,billable,short_desc\n1,A00,0,"Sample category\n', 'FY2025', '2024-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(E'order_seq,code,billable,short_desc\n1,A00,yes,Sample category\n', 'FY2025', '2024-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(E'order_seq,code,flag,short_desc\n1,A00,0,Sample category\n', 'FY2025', '2024-10-01');
\echo :LAST_ERROR_SQLSTATE
-- a file without a single code
SELECT * FROM load_icd10cm_order(E'order_seq,code,billable,short_desc\n', 'FY2025', '2024-10-01');
\echo :LAST_ERROR_SQLSTATE
-- another release with the same dates collides with FY2025
SELECT * FROM load_icd10cm_order(E'order_seq,code,billable,short_desc\n1,A00,0,Sample category\n', 'FY2025-copy', '2024-10-01');
\echo :LAST_ERROR_SQLSTATE
-- nothing was half-loaded: the releases on file are as they were
SELECT release, count(*) FROM icd10cm_codes GROUP BY release ORDER BY release;
SELECT * FROM pg_temp.loaded;

-- bad arguments
SELECT * FROM load_icd10cm_order(:'icd_fixed', NULL, '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(:'icd_fixed', ' ', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(:'icd_fixed', 'FY2024', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(:'icd_fixed', 'FY2024', '2023-10-01', '2023-09-30');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_icd10cm_order(NULL, 'FY2024', '2023-10-01');
\echo :LAST_ERROR_SQLSTATE

--
-- HCPCS ANWEB: 320-character records; code 1-5 (modifier right-aligned in
-- 4-5), sequence 6-10, record id 11, long description 12-91, short 92-119,
-- add date 269-276, action effective date 277-284, termination date 285-292
--
CREATE FUNCTION pg_temp.anweb(code text, seq int, recid int, long text,
							  short text DEFAULT '', added text DEFAULT '', action text DEFAULT '', term text DEFAULT '')
RETURNS text LANGUAGE sql AS $$
	SELECT CASE WHEN recid IN (4, 8)
		-- continuation records end after the long description, as in the CMS file
		THEN lpad(code, 5) || lpad(seq::text, 5, '0') || recid || rpad(long, 80)
		ELSE lpad(code, 5) || lpad(seq::text, 5, '0') || recid || rpad(long, 80) || rpad(short, 28) || repeat(' ', 149)
			 || rpad(added, 8) || rpad(action, 8) || rpad(term, 8) || 'N' || repeat(' ', 27) END
$$;
SELECT concat_ws(E'\r\n',
	'Note regarding coverage and payment indicators for codes in the HCPCS Update',
	'This disclaimer, written for this test, stands for the lines CMS puts before the first record.',
	'',
	pg_temp.anweb('A0021', 100, 3, 'Sample transport service, per mile, with a description on one record',
				  'Sample transport', '19850101', '19960910'),
	pg_temp.anweb('A0080', 100, 3, 'Sample transportation, per mile, with a description long enough that it goes',
				  'Sample continued', '19820101', '20030101'),
	pg_temp.anweb('A0080', 200, 4, 'on in a continuation record'),
	pg_temp.anweb('A4466', 100, 3, 'Sample supply terminated at the end of 2016, its description on two records,',
				  'Sample terminated', '20100101', '20170101', '20161231'),
	pg_temp.anweb('A4466', 200, 4, 'each'),
	pg_temp.anweb('LT', 100, 7, 'Sample modifier on one record',
				  'Sample modifier', '19840101', '19840101'),
	pg_temp.anweb('GD', 100, 7, 'Sample modifier terminated at the end of 2019, its description on',
				  'Sample terminated modifier', '20080101', '20200101', '20191231'),
	pg_temp.anweb('GD', 200, 8, 'two records')) || E'\r\n' AS anweb \gset
SELECT length(l) AS width, substr(l, 1, 5) AS "1-5", substr(l, 11, 1) AS "11", substr(l, 269, 8) AS "269-276",
	   substr(l, 277, 8) AS "277-284", substr(l, 285, 8) AS "285-292"
FROM regexp_split_to_table(:'anweb', E'\r\n') WITH ORDINALITY AS s(l, n) WHERE n > 3 AND l <> '';

SELECT * FROM load_hcpcs_anweb(:'anweb', '2020');
SELECT code, description, valid_from, valid_to, release FROM hcpcs_codes ORDER BY code, valid_from;
-- (the CPT modifiers the extension ships are left out here: sql/rules.sql shows them)
SELECT modifier, description, valid_from, valid_to, release, shipped FROM modifiers WHERE NOT shipped ORDER BY modifier, valid_from;
-- what the loader does with each line
SELECT line_no, record_id, code, valid_from, valid_to, skip, problem FROM parse_hcpcs_anweb(:'anweb');
-- reloading replaces
SELECT * FROM load_hcpcs_anweb(:'anweb', '2020');
SELECT (SELECT count(*) FROM hcpcs_codes) AS codes, (SELECT count(*) FROM modifiers WHERE NOT shipped) AS modifiers;

-- malformed records
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19850101') || 'X', '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19850101') || E'\n' ||
							   pg_temp.anweb('A0022', 100, 5, 'Sample service', '', '19850101'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19851301'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19850101', '', '2019123'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '20200101', '', '20191231'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('W1234', 100, 3, 'Sample', '', '19850101'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19850101') || E'\n' ||
							   pg_temp.anweb('A0022', 200, 4, 'continued'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('LT', 100, 7, 'Sample modifier', '', '19840101') || E'\n' ||
							   overlay(pg_temp.anweb('RT', 100, 7, 'Sample modifier', '', '19840101') placing 'RT   ' from 1), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19850101') || E'\n' ||
							   pg_temp.anweb('A0021', 100, 3, 'Sample service', '', '19850101'), '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(E'only a disclaimer\nand no record\n', '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_anweb(:'anweb', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT (SELECT count(*) FROM hcpcs_codes) AS codes, (SELECT count(*) FROM modifiers WHERE NOT shipped) AS modifiers;

-- What the Level II file covers: its codes and modifiers (HCPCS Level II,
-- not CPT), for the quarter of the newest change it records (the sample's
-- termination of GD on 2019-12-31: January to March 2020).  A CPT code or
-- modifier is not checked against it, a claim after March 2020 neither;
-- CPT modifiers are checked against those the extension ships.
SELECT dataset, release, covers_to, current FROM releases WHERE release = '2020' ORDER BY dataset;
CREATE FUNCTION pg_temp.code_rules(d date, procedure text, modifier text) RETURNS TABLE (rule_id text, severity text, message text)
LANGUAGE sql AS $$
	SELECT v.rule_id, v.severity, v.message
	FROM cleanclaim.validate(jsonb_build_object('service_from', d, 'lines', jsonb_build_array(jsonb_build_object(
			'procedure', procedure, 'modifiers', jsonb_build_array(modifier), 'units', 1, 'charge', 10))), true) v
	WHERE v.rule_id IN ('PROC_INVALID', 'MOD_INVALID') $$;
SELECT * FROM pg_temp.code_rules('2020-02-03', '99213', '25');
SELECT * FROM pg_temp.code_rules('2020-02-03', 'A0021', 'LT');
SELECT * FROM pg_temp.code_rules('2020-02-03', 'A9999', 'ZZ');
SELECT * FROM pg_temp.code_rules('2020-02-03', '99213', '2Z');
SELECT * FROM pg_temp.code_rules('2026-12-01', 'A9999', 'ZZ');
-- the end can be given; a release marked current covers the claims after it
SELECT * FROM load_hcpcs_anweb(:'anweb', '2020', '2020-12-31');
SELECT dataset, release, covers_to, current FROM mark_release_current('modifiers', '2020');
SELECT * FROM pg_temp.code_rules('2026-12-01', 'A9999', 'ZZ');
SELECT dataset, release, covers_to, current FROM mark_release_current('modifiers', '2020', false);
-- a release loaded again keeps its mark
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_codes', '2020');
SELECT * FROM load_hcpcs_anweb(:'anweb', '2020');
SELECT dataset, release, covers_to, current FROM releases WHERE release = '2020' ORDER BY dataset;
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_codes', '2020', false);
-- marking a release that is not there, or nothing
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_codes', '2019');
\echo :LAST_ERROR_SQLSTATE
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_code', '2020');
\echo :LAST_ERROR_SQLSTATE
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_codes', NULL);
\echo :LAST_ERROR_SQLSTATE

--
-- OPPS Addendum B, CSV rendering: Level II and CPT codes of one quarter
--
SELECT E'hcpcs_code,code_level,status_indicator,payment_rate,short_descriptor_level2_only,changed_flag,source\n'
	   || E'0001U,CPT,A,,,false,2026-04\n'
	   || E'99213,CPT,V,110.12,,false,2026-04\n'
	   || E'A0021,HCPCS_L2,A,,Sample descriptor,false,2026-04\n'
	   || E'A4341\u00a0 ,HCPCS_L2,N,,Sample code with a no-break space,false,2026-04\n'
	   || E'A2001,HCPCS_L2,S1,127.14,"Sample descriptor, with a comma",false,2026-04\n'
	   || E'G9999,HCPCS_L2,D,,Sample discontinued code,true,2026-04\n' AS opps \gset
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps', '2026-04', '2026-04-01', '2026-06-30');
SELECT code, description, valid_from, valid_to, release FROM hcpcs_codes WHERE release = '2026-04' ORDER BY code;
-- a code in both releases has a row in each
SELECT code, valid_from, valid_to, release FROM hcpcs_codes WHERE code = 'A0021' ORDER BY valid_from;
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps' || E'99213,HCPCS_L2,V,,,false,2026-04\n', '2026-04', '2026-04-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps' || E'99214,Level I,V,,,false,2026-04\n', '2026-04', '2026-04-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps' || E'0001Z,CPT,L,,,false,2026-04\n', '2026-04', '2026-04-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps' || E'99213,CPT,V,,,false\n', '2026-04', '2026-04-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps' || E'99213,CPT,V,110.12,,false,2026-04\n', '2026-04', '2026-04-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_opps_addendum_b(E'code,level\n99213,CPT\n', '2026-04', '2026-04-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps', '2026-04', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT release, count(*) FROM hcpcs_codes GROUP BY release ORDER BY release;
-- Addendum B holds CPT codes: with it loaded, CPT codes of its quarter are
-- checked (99214 is not in the sample, 99213 is); a CPT Category II code
-- (3074F), a family the sample does not hold, is not; after the quarter,
-- nothing is
SELECT * FROM pg_temp.code_rules('2026-05-04', '99213', '25');
SELECT * FROM pg_temp.code_rules('2026-05-04', '99214', '25');
SELECT * FROM pg_temp.code_rules('2026-05-04', '3074F', '25');
SELECT * FROM pg_temp.code_rules('2026-07-01', '99214', '25');
-- without valid_to the release covers its quarter (April to June)
SELECT * FROM load_hcpcs_opps_addendum_b(:'opps', '2026-04', '2026-04-01');
SELECT dataset, release, valid_from, valid_to, covers_to FROM releases WHERE release = '2026-04';

--
-- NCCI PTP edits, CSV export: title lines, a header, then Column 1, Column
-- 2, * (before 1996), effective date, deletion date (* none), modifier
-- indicator, rationale.  The deletion date is the first day without the
-- edit: valid_to is the day before.
--
SELECT E'"CPT codes, descriptions and other data only are copyright 2024 American Medical Association."\n'
	   || E'Column 1,Column 2,*=in existence prior to 1996,Effective Date,Deletion Date *=no data,Modifier,PTP Edit Rationale\n'
	   || E'29806,29822,*,19960101,*,1,Misuse of column two code with column one code\n'
	   || E'36415,36416,*,19960101,20030101,0,Standards of medical / surgical practice\n'
	   || E'64483,64484,,20110101,20110101,9,Standards of medical / surgical practice\n'
	   || E'\n'
	   || E'"Part 2: CPT codes, descriptions and other data only are copyright 2024 American Medical Association."\n'
	   || E'Column 1,Column 2,*=in existence prior to 1996,Effective Date,Deletion Date *=no data,Modifier,PTP Edit Rationale\n'
	   || E'G0471,36415,,20150101,*,1,"Misuse of column two code with column one code"\n' AS ptp \gset
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q1');
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q1', 'hospital');
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q1', 'hospital');
SELECT column1, column2, modifier_indicator, valid_from, valid_to, setting, release FROM ncci_ptp ORDER BY setting, column1, column2;
SELECT line_no, column1, column2, valid_to, skip FROM parse_ncci_ptp(:'ptp');

SELECT * FROM load_ncci_ptp(:'ptp' || E'11042,97597,,20090101,*,2,Mutually exclusive procedures\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp' || E'11042,97597,,20090101,20080101,1,Mutually exclusive procedures\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp' || E'11042,97597,,20090101,,1,Mutually exclusive procedures\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp' || E'11042,97597,x,20090101,*,1,Mutually exclusive procedures\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp' || E'11042,97597,,20090101,*,1\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp' || E'0001Z,90471,,20210101,*,1,Misuse of column two code with column one code\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp' || E'29806,29822,*,19960101,*,1,Misuse of column two code with column one code\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(E'29806,29822,*,19960101,*,1,Misuse\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(E'"NCCI PTP edits"\nColumn 1,Column 2\n', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q1', 'outpatient');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q1', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT setting, release, count(*) FROM ncci_ptp GROUP BY 1, 2 ORDER BY 1, 2;

-- A quarterly PTP table repeats the edits of the quarter before: loaded as a
-- new release it collides with the old one, unless the old release is
-- deleted in the same transaction.
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q2');
\echo :LAST_ERROR_SQLSTATE
BEGIN;
SELECT delete_release('ncci_ptp/practitioner', '2025Q1');
SELECT * FROM load_ncci_ptp(:'ptp', '2025Q2');
COMMIT;
SELECT setting, release, count(*) FROM ncci_ptp GROUP BY 1, 2 ORDER BY 1, 2;
SELECT dataset, release FROM releases WHERE dataset LIKE 'ncci_ptp/%' ORDER BY 1, 2;
SELECT delete_release('mue/dme', 'no such release');
SELECT delete_release('ncci_ptp', '2025Q1');
\echo :LAST_ERROR_SQLSTATE
SELECT delete_release('ncci_ptp/hospital', NULL);
\echo :LAST_ERROR_SQLSTATE

--
-- MUE tables, CSV export: title lines, a header naming the setting, then
-- code, MUE value, adjudication indicator, rationale
--
SELECT E'"CPT codes, descriptions and other data only are copyright 2024 American Medical Association."\n'
	   || E'HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n'
	   || E'11042,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n'
	   || E'88350,4,1 Line Edit,Clinical: Data\n'
	   || E'J1885,8,3 Date of Service Edit: Clinical,Prescribing Information\n' AS mue \gset
SELECT * FROM load_mue(:'mue', '2025Q1', '2025-01-01');
SELECT * FROM load_mue(:'mue', '2025Q2', '2025-04-01');
SELECT * FROM load_mue(replace(:'mue', 'Practitioner Services', 'DME Supplier Services'), '2025Q1', '2025-01-01', 'dme');
SELECT code, max_units, adjudication_indicator, valid_from, valid_to, setting, release FROM mue ORDER BY setting, code, valid_from;

SELECT * FROM load_mue(:'mue' || E'99213,1,4 Date of Service Edit: Policy,CMS Policy\n', '2025Q1', '2025-01-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mue(:'mue' || E'99213,-1,2 Date of Service Edit: Policy,CMS Policy\n', '2025Q1', '2025-01-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mue(:'mue' || E'99213,1,2 Date of Service Edit: Policy\n', '2025Q1', '2025-01-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mue(:'mue' || E'88350,2,1 Line Edit,Clinical: Data\n', '2025Q1', '2025-01-01');
\echo :LAST_ERROR_SQLSTATE
-- the header names the practitioner setting
SELECT * FROM load_mue(:'mue', '2025Q1', '2025-01-01', 'hospital');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mue(:'mue', '2025Q1', '2025-01-01', 'facility');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mue(:'mue', '2025Q1', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT setting, release, count(*) FROM mue GROUP BY 1, 2 ORDER BY 1, 2;

--
-- MCE lists, tab-separated: diagnosis rows only, edit types mapped
--
SELECT concat_ws(E'\n',
	E'MCE_Version\tICD_Version\tMCE_Section\tMCE_Subsection\tMCE_Edit_Type\tICD_Code_Type\tICD_Code\tICD_Desc',
	E'37\t10\t4\tA\tNewborn_Only\tD\tA33\tSample newborn diagnosis',
	E'37\t10\t4\tB\tPediatric_Only\tD\tE300\tSample pediatric diagnosis',
	E'37\t10\t4\tC\tMaternity_Only\tD\tO0090\tSample maternity diagnosis',
	E'37\t10\t4\tD\tAdult_Only\tD\tJ61\tSample adult diagnosis',
	E'37\t10\t5\tA\tFemale_Only\tD\tN800\tSample female diagnosis',
	E'37\t10\t5\tB\tFemale_Only\tP\t0UT90ZZ\tSample female procedure',
	E'37\t10\t5\tC\tMale_Only\tD\tN400\tSample male diagnosis',
	E'37\t10\t6\t_\tPrincipal_Manifestation\tD\tF0280\tSample manifestation',
	E'37\t10\t8\tA\tPrincipal_Questionable_Admit\tD\tI10\tSample questionable admission',
	E'37\t10\t9\t_\tPrincipal_Unacceptable\tD\tZ3800\tSample unacceptable principal diagnosis',
	E'37\t10\t11\tA\tNoncovered_Always\tP\t0W3P8ZZ\tSample noncovered procedure',
	E'37\t10\t18\t_\tWrong_Performed\tD\tY6551\tSample wrong procedure diagnosis') AS mce \gset
SELECT * FROM load_mce(:'mce', 'v37', '2019-10-01', '2020-09-30');
SELECT code, edit, valid_from, valid_to, release FROM mce_edits ORDER BY edit, code;

SELECT * FROM load_mce(:'mce' || E'\n37\t10\t4\tA\tNewborn_Only\tD\tA33\tSample newborn diagnosis', 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(:'mce' || E'\n37\t10\t4\tE\tSenior_Only\tD\tA33\tSample newborn diagnosis', 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(:'mce' || E'\n37\t9\t4\tA\tNewborn_Only\tD\t7710\tSample ICD-9 code', 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(:'mce' || E'\n37\t10\t4\tA\tNewborn_Only\tD\tA3\tSample', 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(:'mce' || E'\n37\t10\t4\tA\tNewborn_Only\tX\tA33\tSample newborn diagnosis', 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(:'mce' || E'\n37,10,4,A,Newborn_Only,D,A33,Sample newborn diagnosis', 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(replace(:'mce', 'ICD_Code_Type', 'Code_Type'), 'v37', '2019-10-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_mce(:'mce', 'v37', '2019-10-01', '2019-09-30');
\echo :LAST_ERROR_SQLSTATE
SELECT release, count(*) FROM mce_edits GROUP BY 1;

--
-- Place of service, CSV (code,display): name and description split from the
-- display; unassigned and non-two-digit codes skipped
--
SELECT E'code,display\n'
	   || E'00,UNASSIGNED\n'
	   || E'01,"PHARMACY (EFFECTIVE OCTOBER 1, 2005)- A SAMPLE DESCRIPTION, WRITTEN FOR THIS TEST."\n'
	   || E'11,"OFFICE - SAMPLE DESCRIPTION, AFTER A DASH BETWEEN BLANKS."\n'
	   || E'23,EMERGENCY ROOM-HOSPITAL-  SAMPLE DESCRIPTION AFTER A DASH WITHOUT A BLANK BEFORE IT.\n'
	   || E'27,OUTREACH SITE/STREET (EFF. 10/1/23)\n'
	   || E'41,"AMBULANCE—LAND A SAMPLE DESCRIPTION WITHOUT A SEPARATOR, WRITTEN FOR THIS TEST."\n'
	   || E'66,PROGRAMS OF ALL INCLUSIVE CARE FOR THE ELDERLY (PACE) CENTER\n'
	   || E'~,NO DESCRIPTION AVAILABLE\n' AS pos \gset
SELECT * FROM load_place_of_service(:'pos', '2026');
SELECT code, name, description, valid_from, valid_to, release FROM place_of_service ORDER BY code;
SELECT * FROM load_place_of_service(:'pos', '2027', '2027-01-01');
SELECT release, valid_from, count(*) FROM place_of_service GROUP BY 1, 2 ORDER BY 1;

SELECT * FROM load_place_of_service(:'pos' || E'12,HOME,extra\n', '2026');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_place_of_service(:'pos' || E'11,OFFICE AGAIN\n', '2026');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_place_of_service(:'pos' || E'12,\n', '2026');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_place_of_service(E'pos,name\n11,OFFICE\n', '2026');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_place_of_service(:'pos', '2026', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT release, count(*) FROM place_of_service GROUP BY 1 ORDER BY 1;

--
-- Types of bill and revenue codes: code,display CSV lists (the CMS Blue
-- Button code systems), without dates
--
SELECT E'code,display\n111,"HOSPITAL, INPATIENT (PART A), ADMIT THROUGH DISCHARGE CLAIM"\n'
	   || E'131,"HOSPITAL, OUTPATIENT, ADMIT THROUGH DISCHARGE CLAIM"\n0117,SAMPLE CODE WITH ITS LEADING ZERO\n'
	   || E'\n~~~,NO DESCRIPTION AVAILABLE\n' AS tob \gset
SELECT * FROM load_type_of_bill_codes(:'tob', 'bfd');
SELECT code, description, valid_from, release FROM type_of_bill_codes ORDER BY code;
SELECT line_no, code, skip, problem FROM parse_type_of_bill_codes(:'tob');
SELECT * FROM load_type_of_bill_codes(E'code,display\n111,A\n111,B\n', 'bfd');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_type_of_bill_codes(E'code,display\n111,"A\n', 'bfd');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_type_of_bill_codes(E'code,display\n111,\n', 'bfd');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_type_of_bill_codes(E'code,display\n~~~,NONE\n', 'bfd');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_type_of_bill_codes(E'tob,name\n111,A\n', 'bfd');
\echo :LAST_ERROR_SQLSTATE
SELECT E'code,display\n0001,TOTAL CHARGE\n0450,EMERGENCY ROOM - GENERAL CLASSIFICATION\n450,SAMPLE CODE WITHOUT ITS LEADING ZERO\n' AS revenue \gset
SELECT * FROM load_revenue_codes(:'revenue', 'bfd', '2020-01-01');
SELECT code, description, valid_from, release FROM revenue_codes ORDER BY code;
SELECT * FROM load_revenue_codes(E'code,display\n0450,A,B\n', 'bfd');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM load_revenue_codes(:'revenue', '');
\echo :LAST_ERROR_SQLSTATE
-- the lists have no end: every claim from their valid_from on is checked against them
SELECT dataset, release, valid_from, covers_to FROM releases WHERE dataset IN ('type_of_bill_codes', 'revenue_codes') ORDER BY 1;
SELECT count(*) AS deleted FROM (SELECT delete_release('revenue_codes', 'bfd') UNION ALL SELECT delete_release('type_of_bill_codes', 'bfd')) d;

-- every release loaded above, as releases records it
SELECT * FROM pg_temp.loaded;

-- leave the reference tables as the other tests expect them: empty, but for
-- the CPT modifiers the extension ships
TRUNCATE icd10cm_codes, hcpcs_codes, place_of_service, type_of_bill_codes, revenue_codes, mce_edits, ncci_ptp, mue, releases;
DELETE FROM modifiers WHERE NOT shipped;
