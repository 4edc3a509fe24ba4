-- The loaders of the code lists without dates: place of service, types of
-- bill and revenue codes (helpers in loaders.sql).

-- Place of service ------------------------------------------------------------

CREATE FUNCTION loader_pos_split(display text, OUT name text, OUT description text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	-- "NAME (EFFECTIVE <date>) - DESCRIPTION", "NAME - DESCRIPTION",
	-- "NAME (EFFECTIVE <date>) DESCRIPTION"; a few entries have no
	-- separator at all ("AMBULANCE<em dash>LAND A LAND VEHICLE ..."): their
	-- description starts at the first "A " or "AN " followed by a sentence.
	-- A parenthesis without a digit, as in "(PACE)", is part of the name.
	-- The date note is kept at the end of the description.
	WITH m AS (
		SELECT regexp_match(display, '^(.+?)(?:\s*\(([^()]*[0-9][^()]*)\)\s*[-\u2013\u2014]?\s*|\s*[-\u2013\u2014]\s+)(.*)$') AS sep,
			   regexp_match(display, '^(.+?)\s+(AN? .{30,})$') AS article
	)
	SELECT CASE WHEN m.sep IS NOT NULL THEN btrim(m.sep[1])
				WHEN m.article IS NOT NULL THEN btrim(m.article[1])
				ELSE btrim(display) END,
		   nullif(concat_ws(' ', nullif(btrim(coalesce(m.sep[3], m.article[2])), ''), '(' || btrim(m.sep[2]) || ')'), '')
	FROM m
$$;
COMMENT ON FUNCTION loader_pos_split(text) IS 'internal: splits a CMS place-of-service display ("PHARMACY (EFFECTIVE OCTOBER 1, 2005)- A FACILITY ...") into the name and the description (with the date note at its end)';

-- The lines of a code list as CSV with a header naming a code column and a
-- display column (the place-of-service and CARC lists): each line's code and
-- display, and what is wrong with its structure (the header, the quoting,
-- the number of fields), for the parsers to add their own checks to.
CREATE FUNCTION loader_code_display_lines(content text, code_names text[], display_names text[], multiline boolean)
RETURNS TABLE (line_no bigint, line text, blank boolean, code text, display text, problem text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH l AS MATERIALIZED (
		SELECT s.line_no, s.line, loader_csv_fields(s.line) AS fields FROM loader_lines(content) s WHERE NOT multiline
		UNION ALL
		SELECT r.line_no, r.record, loader_csv_fields(r.record) FROM loader_csv_records(content) r WHERE multiline
	),
	h AS MATERIALIZED (
		SELECT loader_header_position(l.fields, code_names) AS code_at,
			   loader_header_position(l.fields, display_names) AS display_at,
			   cardinality(l.fields) AS width
		FROM l WHERE l.line_no = 1
	),
	f AS (
		SELECT l.line_no, l.line, l.fields, btrim(l.line) = '' AS blank, h.width,
			   h.code_at IS NOT NULL AND h.display_at IS NOT NULL AS header_ok,
			   btrim(l.fields[h.code_at]) AS code, btrim(l.fields[h.display_at]) AS display
		FROM l CROSS JOIN h
	)
	SELECT f.line_no, f.line, f.blank, f.code, f.display,
		   CASE WHEN f.line_no = 1 THEN
					CASE WHEN NOT f.header_ok THEN 'The header lacks one of the columns code and display.' END
				WHEN NOT f.header_ok THEN 'The header (line 1) is not valid.'
				WHEN f.blank THEN NULL
				WHEN f.fields IS NULL THEN
					'Its quoting is malformed: a field that starts with a double quote ends with one, and a double quote inside it is doubled.'
				WHEN cardinality(f.fields) <> f.width THEN
					format('It has %s fields; the header has %s.', cardinality(f.fields), f.width)
		   END
	FROM f
$$;
COMMENT ON FUNCTION loader_code_display_lines(text, text[], text[], boolean) IS 'internal: the lines (or, multiline, the CSV records) of a code,display CSV list with their code, display and structural problem (header, quoting, field count)';

CREATE FUNCTION parse_place_of_service(content text)
RETURNS TABLE (line_no bigint, line text, code text, name text, description text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH c AS (
		SELECT f.line_no, f.line, f.code, f.display,
			   coalesce(f.problem,
						CASE WHEN f.line_no = 1 OR f.blank THEN NULL
							 WHEN f.code ~ '^[0-9]{2}$' AND f.display = '' THEN 'The display is empty.' END) AS problem,
			   CASE WHEN f.line_no = 1 THEN 'header line'
					WHEN f.blank THEN 'blank line'
					WHEN f.code !~ '^[0-9]{2}$' THEN 'not a two-digit code'
					WHEN upper(f.display) = 'UNASSIGNED' THEN 'unassigned code'
			   END AS skip
		FROM loader_code_display_lines(content, '{code}', '{display}', false) f
	),
	d AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.skip IS NULL THEN min(c.line_no) OVER (PARTITION BY c.problem IS NULL AND c.skip IS NULL, c.code) END AS first_line
		FROM c
	)
	SELECT d.line_no, d.line, CASE WHEN d.first_line IS NOT NULL THEN d.code END, s.name, s.description, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already on line %s.', d.code, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	LEFT JOIN LATERAL loader_pos_split(CASE WHEN d.first_line IS NOT NULL THEN d.display END) s ON true
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_place_of_service(text) IS 'every line of the CMS place-of-service list as CSV (code,display) with the code, name and description load_place_of_service() would load, or why it skips the line (unassigned or not a two-digit code), or what is wrong with it; writes nothing';

CREATE FUNCTION load_place_of_service(content text, release text, valid_from date DEFAULT '1900-01-01')
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'place_of_service';
	r record;
BEGIN
	PERFORM loader_check_arguments(dataset, content, release, valid_from, NULL, true);
	r := loader_run(dataset, 'parse_place_of_service', content, release, NULL, valid_from, NULL,
		targets => '{place_of_service}',
		columns => ARRAY['code, name, description, valid_from, release'],
		select_lists => ARRAY['p.code, p.name, p.description, a.valid_from, a.release'],
		hint => 'The place-of-service list is a CSV with the header code,display, then a line per code: two digits and the display, "NAME (EFFECTIVE ...) - DESCRIPTION", quoted when it holds a comma.');
	RETURN NEXT loader_record_release(dataset, release, 'CMS place-of-service list (CSV)', valid_from, NULL, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_place_of_service(text, text, date) IS 'loads the CMS place-of-service list as CSV (code,display) as one release of place_of_service valid from valid_from, name and description split from the display, replacing that release; unassigned and non-two-digit codes are skipped; returns the summary';


-- Types of bill and revenue codes: code,display lists as CSV ---------------
-- (the CMS lists of ../shared/data/code_sets: CLM-BILL-FREQ-CD and
-- CLM-REV-CNTR-CD of the Blue Button code systems), without dates.

CREATE FUNCTION loader_code_list(content text, code_pattern text, not_a_code text)
RETURNS TABLE (line_no bigint, line text, code text, description text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH m AS (
		-- the pattern's first group is the code as stored (a type of bill without its leading 0)
		SELECT f.*, (regexp_match(upper(f.code), code_pattern))[1] AS matched
		FROM loader_code_display_lines(content, '{code}', '{display}', false) f
	),
	c AS (
		SELECT m.line_no, m.line, m.matched AS code, m.display,
			   coalesce(m.problem,
						CASE WHEN m.line_no = 1 OR m.blank THEN NULL
							 WHEN m.matched IS NOT NULL AND m.display = '' THEN 'The display is empty.' END) AS problem,
			   CASE WHEN m.line_no = 1 THEN 'header line'
					WHEN m.blank THEN 'blank line'
					WHEN m.matched IS NULL THEN not_a_code
			   END AS skip
		FROM m
	),
	d AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.skip IS NULL THEN min(c.line_no) OVER (PARTITION BY c.problem IS NULL AND c.skip IS NULL, c.code) END AS first_line
		FROM c
	)
	SELECT d.line_no, d.line, CASE WHEN d.first_line IS NOT NULL THEN d.code END,
		   CASE WHEN d.first_line IS NOT NULL THEN d.display END, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already on line %s.', d.code, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION loader_code_list(text, text, text) IS 'internal: the lines of a code,display CSV list with the code (upper case, the first group of code_pattern) and description of each line whose code matches code_pattern, the reason not_a_code for the others, or what is wrong with the line';

CREATE FUNCTION loader_load_code_list(dataset text, parser text, source_format text, hint text,
									  content text, release text, valid_from date)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	PERFORM loader_check_arguments(dataset, content, release, valid_from, NULL, true);
	r := loader_run(dataset, parser::regproc, content, release, NULL, valid_from, NULL,
		targets => ARRAY[dataset::regclass],
		columns => ARRAY['code, description, valid_from, release'],
		select_lists => ARRAY['p.code, p.description, a.valid_from, a.release'],
		hint => hint);
	RETURN NEXT loader_record_release(dataset, release, source_format, valid_from, NULL, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION loader_load_code_list(text, text, text, text, text, text, date) IS 'internal: loads a code,description list with parser (one of the parse_* functions over loader_code_list) as one release of dataset (a table with code, description, valid_from and release) valid from valid_from, replacing that release; returns the summary';

CREATE FUNCTION parse_type_of_bill_codes(content text)
RETURNS TABLE (line_no bigint, line text, code text, description text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	SELECT * FROM loader_code_list(content, '^0?([1-9][1-9][0-9A-Z])$', 'not a type of bill')
$$;
COMMENT ON FUNCTION parse_type_of_bill_codes(text) IS 'every line of a list of types of bill as CSV (code,display: three characters, facility type, classification, frequency, or four with a leading 0) with the code (without its leading 0) and description load_type_of_bill_codes() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_type_of_bill_codes(content text, release text, valid_from date DEFAULT '1900-01-01')
RETURNS SETOF load_summary
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	SELECT * FROM loader_load_code_list('type_of_bill_codes', 'parse_type_of_bill_codes', 'type-of-bill list (CSV)',
		'The type-of-bill list is a CSV with the header code,display, then a line per type of bill: three characters (facility type and classification digits, then the frequency), and its display, quoted when it holds a comma.',
		content, release, valid_from)
$$;
COMMENT ON FUNCTION load_type_of_bill_codes(text, text, date) IS 'loads a list of types of bill as CSV (code,display) as one release of type_of_bill_codes valid from valid_from, replacing that release; lines whose code is not a type of bill are skipped; returns the summary';

CREATE FUNCTION parse_revenue_codes(content text)
RETURNS TABLE (line_no bigint, line text, code text, description text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	SELECT * FROM loader_code_list(content, '^([0-9]{4})$', 'not a 4-digit revenue code')
$$;
COMMENT ON FUNCTION parse_revenue_codes(text) IS 'every line of a list of revenue codes as CSV (code,display: four digits) with the code and description load_revenue_codes() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_revenue_codes(content text, release text, valid_from date DEFAULT '1900-01-01')
RETURNS SETOF load_summary
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	SELECT * FROM loader_load_code_list('revenue_codes', 'parse_revenue_codes', 'revenue code list (CSV)',
		'The revenue code list is a CSV with the header code,display, then a line per revenue code: four digits (0450, with its leading zero) and its display, quoted when it holds a comma.',
		content, release, valid_from)
$$;
COMMENT ON FUNCTION load_revenue_codes(text, text, date) IS 'loads a list of revenue codes as CSV (code,display) as one release of revenue_codes valid from valid_from, replacing that release; returns the summary';


