-- The loader of the ICD-10-CM code set: the CMS order file, in its fixed-width
-- or its CSV rendering (helpers and conventions in loaders.sql).

-- ICD-10-CM order file ---------------------------------------------------

CREATE FUNCTION loader_icd10cm_order_is_csv(content text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT left(content, 100) ~* '^[^[:alnum:]]{0,3}"?order_seq"?\s*,'
$$;
COMMENT ON FUNCTION loader_icd10cm_order_is_csv(text) IS 'internal: true when an ICD-10-CM order file is the CSV rendering (header order_seq,code,billable,short_desc), false for the fixed-width original';

CREATE FUNCTION loader_icd10cm_order_fixed(content text)
RETURNS TABLE (line_no bigint, line text, code text, billable boolean, description text, skip text, problem text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	WITH f AS (
		SELECT l.line_no, l.line, btrim(l.line) = '' AS blank,
			   substr(l.line, 1, 5) AS order_no, btrim(substr(l.line, 7, 7)) AS code,
			   substr(l.line, 15, 1) AS flag, rtrim(substr(l.line, 17, 60)) AS short_desc,
			   btrim(substr(l.line, 78)) AS long_desc
		FROM loader_lines(content) l
	)
	SELECT f.line_no, f.line, f.code, f.flag = '1', coalesce(nullif(f.long_desc, ''), f.short_desc),
		   CASE WHEN f.blank THEN 'blank line' END,
		   CASE WHEN f.blank THEN NULL
				WHEN length(f.line) < 17 THEN
					format('It has %s characters; a line has at least 17, up to the short description in position 17.', length(f.line))
				WHEN f.order_no !~ '^[0-9]{5}$' THEN
					format('The order number (positions 1-5) is "%s", not 5 digits.', f.order_no)
				WHEN substr(f.line, 6, 1) <> ' ' OR substr(f.line, 14, 1) <> ' ' OR substr(f.line, 16, 1) <> ' '
					 OR substr(f.line, 77, 1) NOT IN ('', ' ') THEN
					'Positions 6, 14, 16 and 77 are the blanks between the fields; one of them is not blank.'
				WHEN f.code = '' THEN 'The code (positions 7-13) is blank.'
				WHEN NOT is_valid_icd10cm(f.code) THEN
					format('The code "%s" (positions 7-13) is not an ICD-10-CM code: %s', f.code, invalid_reason('icd10cm', f.code))
				WHEN f.flag NOT IN ('0', '1') THEN
					format('The billable flag (position 15) is "%s", not 1 or 0.', f.flag)
				WHEN f.short_desc = '' THEN 'The short description (positions 17-76) is blank.'
		   END
	FROM f
$$;
COMMENT ON FUNCTION loader_icd10cm_order_fixed(text) IS 'internal: the lines of a fixed-width ICD-10-CM order file, parsed, with the skip reason or the problem of each';

CREATE FUNCTION loader_icd10cm_order_csv(content text)
RETURNS TABLE (line_no bigint, line text, code text, billable boolean, description text, skip text, problem text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	WITH l AS MATERIALIZED (
		SELECT s.line_no, s.line, loader_csv_fields(s.line) AS fields FROM loader_lines(content) s
	),
	h AS MATERIALIZED (
		SELECT loader_header_position(l.fields, '{order_seq}') AS seq_at, loader_header_position(l.fields, '{code}') AS code_at,
			   loader_header_position(l.fields, '{billable}') AS billable_at,
			   loader_header_position(l.fields, '{short_desc}') AS short_at,
			   loader_header_position(l.fields, '{long_desc,long_description}') AS long_at,
			   cardinality(l.fields) AS width
		FROM l WHERE l.line_no = 1
	),
	hh AS MATERIALIZED (
		SELECT h.*, h.code_at IS NOT NULL AND h.billable_at IS NOT NULL AND coalesce(h.short_at, h.long_at) IS NOT NULL AS header_ok
		FROM h
	),
	f AS (
		SELECT l.line_no, l.line, l.fields, btrim(l.line) = '' AS blank, h.*,
			   btrim(l.fields[h.code_at]) AS code, btrim(l.fields[h.billable_at]) AS flag,
			   coalesce(nullif(btrim(l.fields[h.long_at]), ''), btrim(l.fields[h.short_at])) AS description
		FROM l CROSS JOIN hh AS h
	)
	SELECT f.line_no, f.line, f.code, f.flag = '1', f.description,
		   CASE WHEN f.line_no = 1 THEN 'header line' WHEN f.blank THEN 'blank line' END,
		   CASE WHEN f.line_no = 1 THEN
					CASE WHEN NOT f.header_ok THEN 'The header lacks one of the columns code, billable and short_desc.' END
				WHEN NOT f.header_ok THEN 'The header (line 1) is not valid.'
				WHEN f.blank THEN NULL
				WHEN f.fields IS NULL THEN
					'Its quoting is malformed: a field that starts with a double quote ends with one, and a double quote inside it is doubled.'
				WHEN cardinality(f.fields) <> f.width THEN
					format('It has %s fields; the header has %s.', cardinality(f.fields), f.width)
				WHEN f.seq_at IS NOT NULL AND btrim(f.fields[f.seq_at]) !~ '^[0-9]+$' THEN
					format('The order_seq is "%s", not a number.', btrim(f.fields[f.seq_at]))
				WHEN f.code = '' THEN 'The code is empty.'
				WHEN NOT is_valid_icd10cm(f.code) THEN
					format('The code "%s" is not an ICD-10-CM code: %s', f.code, invalid_reason('icd10cm', f.code))
				WHEN f.flag IS DISTINCT FROM '0' AND f.flag IS DISTINCT FROM '1' THEN
					format('The billable flag is "%s", not 1 or 0.', f.flag)
				WHEN coalesce(f.description, '') = '' THEN 'The description is empty.'
		   END
	FROM f
$$;
COMMENT ON FUNCTION loader_icd10cm_order_csv(text) IS 'internal: the lines of the CSV rendering of an ICD-10-CM order file, parsed, with the skip reason or the problem of each';

CREATE FUNCTION parse_icd10cm_order(content text)
RETURNS TABLE (line_no bigint, line text, code icd10cm, billable boolean, description text,
			   skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH p AS (
		SELECT * FROM loader_icd10cm_order_csv(content) WHERE loader_icd10cm_order_is_csv(content)
		UNION ALL
		SELECT * FROM loader_icd10cm_order_fixed(content) WHERE NOT loader_icd10cm_order_is_csv(content)
	),
	k AS (
		SELECT p.*, CASE WHEN p.problem IS NULL AND p.skip IS NULL THEN p.code::icd10cm END AS valid_code
		FROM p
	),
	d AS (
		SELECT k.*, min(k.line_no) OVER (PARTITION BY k.valid_code) AS first_line
		FROM k
	)
	SELECT d.line_no, d.line, d.valid_code,
		   CASE WHEN d.valid_code IS NOT NULL THEN d.billable END, CASE WHEN d.valid_code IS NOT NULL THEN d.description END,
		   d.skip,
		   coalesce(d.problem, CASE WHEN d.valid_code IS NOT NULL AND d.first_line < d.line_no THEN
									format('Code %s is already on line %s.', d.valid_code, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02'
				WHEN d.valid_code IS NOT NULL AND d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_icd10cm_order(text) IS 'every line of an ICD-10-CM order file (fixed width, or the CSV rendering order_seq,code,billable,short_desc) with the code, billable flag and description load_icd10cm_order() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_icd10cm_order(content text, release text, valid_from date, valid_to date DEFAULT NULL)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'icd10cm_codes';
	csv constant boolean := loader_icd10cm_order_is_csv(content);
	r record;
BEGIN
	PERFORM loader_check_arguments(dataset, content, release, valid_from, valid_to, true);
	r := loader_run(dataset, 'parse_icd10cm_order', content, release, NULL, valid_from, valid_to,
		targets => '{icd10cm_codes}',
		columns => ARRAY['code, billable, description, valid_from, valid_to, release'],
		select_lists => ARRAY['p.code, p.billable, p.description, a.valid_from, a.valid_to, a.release'],
		hint => CASE WHEN csv
				THEN 'The CSV rendering of the order file has the header order_seq,code,billable,short_desc (long_desc optional), then a code a line: the code without its dot, billable 1 or 0, the description quoted when it holds a comma.'
				ELSE 'An order file line has the order number in positions 1-5, the code without its dot in 7-13, the billable flag (1 or 0) in 15, the short description in 17-76 and the long description from 78, with blanks between; the CSV rendering starts with the header order_seq,code,billable,short_desc.'
			END);
	RETURN NEXT loader_record_release(dataset, release,
									  CASE WHEN csv THEN 'ICD-10-CM order file (CSV)' ELSE 'ICD-10-CM order file' END,
									  valid_from, valid_to, r.loaded[1], r.skipped,
									  coalesce(valid_to, loader_fiscal_year_end(valid_from)));
END
$$;
COMMENT ON FUNCTION load_icd10cm_order(text, text, date, date) IS 'loads an ICD-10-CM order file (CDC/CMS fixed width, or its CSV rendering) as one release of icd10cm_codes, valid from valid_from to valid_to, replacing that release; the release covers claims to valid_to (without one, to the end of the fiscal year of valid_from) unless marked current; returns the summary';


