-- The loaders of HCPCS Level II and CPT codes: the CMS alpha-numeric (ANWEB)
-- file and the CSV rendering of OPPS Addendum B (helpers in loaders.sql).

-- HCPCS Level II: the CMS alpha-numeric (ANWEB) file ---------------------

CREATE FUNCTION parse_hcpcs_anweb(content text)
RETURNS TABLE (line_no bigint, line text, record_id text, code text, description text,
			   valid_from date, valid_to date, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	-- Records are 320 characters (continuation records, and any record whose
	-- trailing blanks were cut, are shorter): code 1-5 (a modifier right-
	-- aligned in 4-5), sequence 6-10, record id 11 (3 procedure, 4 its
	-- continuation, 7 modifier, 8 its continuation), long description 12-91,
	-- add date 269-276, action effective date 277-284, termination date
	-- 285-292.  The lines before the first record are the CMS disclaimer.
	WITH l AS MATERIALIZED (
		SELECT s.line_no, s.line, rpad(s.line, 320) AS r, btrim(s.line) = '' AS blank,
			   substr(s.line, 11, 1) AS recid,
			   min(CASE WHEN s.line ~ '^[ 0-9A-Z]{5}[0-9]{5}[37]' THEN s.line_no END) OVER () AS first_record
		FROM loader_lines(content) s
	),
	g AS MATERIALIZED (
		-- each line with the first line of the record it belongs to
		SELECT l.*, btrim(substr(l.r, 1, 5)) AS code,
			   nullif(substr(l.r, 269, 8), '        ') AS add_date, nullif(substr(l.r, 277, 8), '        ') AS action_date,
			   nullif(substr(l.r, 285, 8), '        ') AS term_date,
			   max(CASE WHEN l.recid IN ('3', '7') AND NOT l.blank THEN l.line_no END) OVER (ORDER BY l.line_no) AS record_line
		FROM l
		WHERE l.line_no >= l.first_record
	),
	d AS MATERIALIZED (
		SELECT g.record_line, string_agg(rtrim(substr(g.r, 12, 80)), ' ' ORDER BY g.line_no) AS description
		FROM g
		WHERE NOT g.blank
		GROUP BY g.record_line
	),
	c AS (
		SELECT g.*, f.recid AS record_recid, f.code AS record_code, d.description,
			   coalesce(loader_date(g.add_date), loader_date(g.action_date)) AS from_date, loader_date(g.term_date) AS to_date,
			   CASE WHEN g.blank THEN NULL
					WHEN length(g.line) > 320 THEN
						format('It has %s characters; a record has 320.', length(g.line))
					WHEN length(g.line) < 11 THEN
						format('It has %s characters; a record has 320 (a continuation record at least 11).', length(g.line))
					WHEN substr(g.r, 6, 5) !~ '^[0-9]{5}$' THEN
						format('The sequence number (positions 6-10) is "%s", not 5 digits.', substr(g.r, 6, 5))
					WHEN g.recid NOT IN ('3', '4', '7', '8') THEN
						format('The record id (position 11) is "%s"; it is 3 (procedure), 4 (procedure continued), 7 (modifier) or 8 (modifier continued).', g.recid)
					WHEN g.recid IN ('3', '4') AND NOT is_valid_hcpcs(g.code) THEN
						format('The code "%s" (positions 1-5) is not a HCPCS code: %s', g.code, invalid_reason('hcpcs', g.code))
					WHEN g.recid IN ('7', '8') AND substr(g.r, 1, 5) !~ '^   [0-9A-Z]{2}$' THEN
						format('The modifier "%s" is not 2 letters or digits in positions 4-5 after 3 blanks.', substr(g.r, 1, 5))
					WHEN g.recid IN ('4', '8') AND (f.code <> g.code OR f.recid <> CASE g.recid WHEN '4' THEN '3' ELSE '7' END) THEN
						format('A continuation record (record id %s) continues the record of the same code, but line %s is a record %s of "%s".',
							   g.recid, g.record_line, f.recid, f.code)
					WHEN g.recid IN ('4', '8') THEN NULL
					WHEN g.add_date IS NOT NULL AND loader_date(g.add_date) IS NULL THEN
						format('The add date (positions 269-276) is "%s", not a date written YYYYMMDD.', g.add_date)
					WHEN g.action_date IS NOT NULL AND loader_date(g.action_date) IS NULL THEN
						format('The action effective date (positions 277-284) is "%s", not a date written YYYYMMDD.', g.action_date)
					WHEN g.term_date IS NOT NULL AND loader_date(g.term_date) IS NULL THEN
						format('The termination date (positions 285-292) is "%s", not a date written YYYYMMDD.', g.term_date)
					WHEN g.add_date IS NULL AND g.action_date IS NULL THEN
						'It has neither an add date (positions 269-276) nor an action effective date (277-284).'
					WHEN loader_date(g.term_date) < coalesce(loader_date(g.add_date), loader_date(g.action_date)) THEN
						format('The termination date %s is before the add date %s.', to_char(loader_date(g.term_date), 'YYYY-MM-DD'),
							   to_char(coalesce(loader_date(g.add_date), loader_date(g.action_date)), 'YYYY-MM-DD'))
			   END AS problem
		FROM g
		LEFT JOIN g AS f ON f.line_no = g.record_line
		LEFT JOIN d ON d.record_line = g.line_no
	),
	k AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND NOT c.blank AND c.recid IN ('3', '7') THEN c.recid || c.code END AS record_key
		FROM c
	),
	k2 AS (
		SELECT k.*, CASE WHEN k.record_key IS NOT NULL THEN min(k.line_no) OVER (PARTITION BY k.record_key) END AS first_line
		FROM k
	)
	SELECT l.line_no, l.line, k.recid,
		   CASE WHEN k.problem IS NULL AND k.recid IN ('3', '7') THEN k.code END,
		   CASE WHEN k.problem IS NULL THEN k.description END,
		   CASE WHEN k.problem IS NULL THEN k.from_date END, CASE WHEN k.problem IS NULL THEN k.to_date END,
		   CASE WHEN l.first_record IS NULL OR l.line_no < l.first_record THEN 'disclaimer line'
				WHEN l.blank THEN 'blank line' END,
		   coalesce(k.problem,
					CASE WHEN k.first_line < k.line_no THEN
						format('%s %s is already on line %s.', CASE k.recid WHEN '3' THEN 'Code' ELSE 'Modifier' END, k.code, k.first_line)
					END),
		   CASE WHEN k.problem IS NOT NULL THEN '22P02' WHEN k.first_line < k.line_no THEN '23505' END
	FROM l
	LEFT JOIN k2 AS k ON k.line_no = l.line_no
	ORDER BY l.line_no
$$;
COMMENT ON FUNCTION parse_hcpcs_anweb(text) IS 'every line of a CMS HCPCS alpha-numeric (ANWEB) file, decoded from cp1252, with the procedure or modifier load_hcpcs_anweb() would load from it (description joined from its continuation records), or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_hcpcs_anweb(content text, release text, covers_to date DEFAULT NULL)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	r record;
	newest date;
BEGIN
	PERFORM loader_check_arguments('hcpcs_codes', content, release, NULL, NULL, false);
	r := loader_run('hcpcs_codes', 'parse_hcpcs_anweb', content, release, NULL, NULL, NULL,
		targets => '{hcpcs_codes,modifiers}',
		columns => ARRAY['code, description, valid_from, valid_to, release',
						 'modifier, description, valid_from, valid_to, release'],
		select_lists => ARRAY['p.code::hcpcs, p.description, p.valid_from, p.valid_to, a.release',
							  'p.code, p.description, p.valid_from, p.valid_to, a.release'],
		conditions => ARRAY['p.record_id = ''3''', 'p.record_id = ''7'''],
		conflict_dataset => 'hcpcs_codes and modifiers',
		hint => 'An ANWEB record has 320 characters: the code in positions 1-5 (a modifier right-aligned in 4-5), the sequence number in 6-10, the record id in 11 (3 procedure, 4 its continuation, 7 modifier, 8 its continuation), the long description in 12-91, and the add, action effective and termination dates in 269-276, 277-284 and 285-292 (YYYYMMDD or blank).');
	-- The file speaks for its quarter: that of the newest change it records,
	-- a code or modifier added, or one terminated the day before (the
	-- annual January file: January to March), unless told.
	SELECT max(greatest(x.valid_from, x.valid_to + 1)) INTO newest
	FROM (SELECT h.valid_from, h.valid_to FROM hcpcs_codes h WHERE h.release = load_hcpcs_anweb.release
		  UNION ALL
		  SELECT m.valid_from, m.valid_to FROM modifiers m WHERE m.release = load_hcpcs_anweb.release) x;
	covers_to := coalesce(covers_to, loader_quarter_end(newest));
	-- the lines skipped (the disclaimer) are reported with the codes
	RETURN NEXT loader_record_release('hcpcs_codes', release, 'HCPCS ANWEB file', NULL, NULL, r.loaded[1], r.skipped, covers_to);
	RETURN NEXT loader_record_release('modifiers', release, 'HCPCS ANWEB file', NULL, NULL, r.loaded[2], '{}', covers_to);
END
$$;
COMMENT ON FUNCTION load_hcpcs_anweb(text, text, date) IS 'loads a CMS HCPCS alpha-numeric (ANWEB) file, decoded from cp1252, as one release of hcpcs_codes (procedure records) and of modifiers (modifier records), each row valid from its add date to its termination date, replacing that release; the release covers claims to covers_to (by default the end of the quarter of the newest change the file records: an add date, or the day after a termination) unless marked current; returns the two summaries';


-- HCPCS and CPT codes: the CSV rendering of OPPS Addendum B --------------

CREATE FUNCTION parse_hcpcs_opps_addendum_b(content text)
RETURNS TABLE (line_no bigint, line text, code hcpcs, description text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH l AS MATERIALIZED (
		SELECT s.line_no, s.line, loader_csv_fields(s.line) AS fields FROM loader_lines(content) s
	),
	h AS MATERIALIZED (
		SELECT loader_header_position(l.fields, '{hcpcs_code,hcpcs}') AS code_at,
			   loader_header_position(l.fields, '{code_level}') AS level_at,
			   loader_header_position(l.fields, '{status_indicator}') AS status_at,
			   loader_header_position(l.fields, '{short_descriptor_level2_only,short_descriptor}') AS desc_at,
			   cardinality(l.fields) AS width
		FROM l WHERE l.line_no = 1
	),
	hh AS MATERIALIZED (
		SELECT h.*, h.code_at IS NOT NULL AND h.level_at IS NOT NULL AS header_ok FROM h
	),
	f AS (
		SELECT l.line_no, l.line, l.fields, btrim(l.line) = '' AS blank, h.*,
			   -- two codes of the April 2026 rendering end with a no-break space
			   btrim(l.fields[h.code_at], E' \t' || chr(160)) AS code,
			   upper(btrim(l.fields[h.level_at])) AS level, upper(btrim(l.fields[h.status_at])) AS status,
			   nullif(btrim(l.fields[h.desc_at]), '') AS description
		FROM l CROSS JOIN hh AS h
	),
	c AS (
		SELECT f.*,
			   CASE WHEN f.line_no = 1 THEN 'header line' WHEN f.blank THEN 'blank line'
					WHEN f.status = 'D' THEN 'discontinued code (status indicator D)' END AS skip,
			   CASE WHEN f.line_no = 1 THEN
						CASE WHEN NOT f.header_ok THEN 'The header lacks one of the columns hcpcs_code and code_level.' END
					WHEN NOT f.header_ok THEN 'The header (line 1) is not valid.'
					WHEN f.blank THEN NULL
					WHEN f.fields IS NULL THEN
						'Its quoting is malformed: a field that starts with a double quote ends with one, and a double quote inside it is doubled.'
					WHEN cardinality(f.fields) <> f.width THEN
						format('It has %s fields; the header has %s.', cardinality(f.fields), f.width)
					WHEN NOT is_valid_hcpcs(f.code) THEN
						format('The code "%s" is not a HCPCS or CPT code: %s', f.code, invalid_reason('hcpcs', f.code))
					WHEN f.level IS DISTINCT FROM 'HCPCS_L2' AND f.level IS DISTINCT FROM 'CPT' THEN
						format('The code_level is "%s", not HCPCS_L2 or CPT.', f.fields[f.level_at])
					WHEN (f.level = 'HCPCS_L2') <> (hcpcs_kind(f.code::hcpcs) = 'hcpcs_level_ii') THEN
						format('The code_level is %s, but %s is a %s code.', f.level, f.code,
							   CASE WHEN f.level = 'CPT' THEN 'HCPCS Level II' ELSE 'CPT' END)
			   END AS problem
		FROM f
	),
	k AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.skip IS NULL THEN c.code::hcpcs END AS valid_code
		FROM c
	),
	d AS (
		SELECT k.*, CASE WHEN k.valid_code IS NOT NULL THEN min(k.line_no) OVER (PARTITION BY k.valid_code) END AS first_line
		FROM k
	)
	SELECT d.line_no, d.line, d.valid_code, CASE WHEN d.valid_code IS NOT NULL THEN d.description END, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already on line %s.', d.valid_code, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_hcpcs_opps_addendum_b(text) IS 'every line of the CSV rendering of CMS OPPS Addendum B (hcpcs_code,code_level,status_indicator,...) with the code load_hcpcs_opps_addendum_b() would load (and the Level II short descriptor), or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_hcpcs_opps_addendum_b(content text, release text, valid_from date, valid_to date DEFAULT NULL)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'hcpcs_codes';
	r record;
BEGIN
	PERFORM loader_check_arguments(dataset, content, release, valid_from, valid_to, true);
	r := loader_run(dataset, 'parse_hcpcs_opps_addendum_b', content, release, NULL, valid_from, valid_to,
		targets => '{hcpcs_codes}',
		columns => ARRAY['code, description, valid_from, valid_to, release'],
		select_lists => ARRAY['p.code, p.description, a.valid_from, a.valid_to, a.release'],
		hint => 'The OPPS Addendum B CSV has the header hcpcs_code,code_level,status_indicator,payment_rate,short_descriptor_level2_only,changed_flag,source, then a code a line with code_level HCPCS_L2 or CPT.');
	RETURN NEXT loader_record_release(dataset, release, 'OPPS Addendum B (CSV)', valid_from, valid_to, r.loaded[1], r.skipped,
									  coalesce(valid_to, loader_quarter_end(valid_from)));
END
$$;
COMMENT ON FUNCTION load_hcpcs_opps_addendum_b(text, text, date, date) IS 'loads the CSV rendering of CMS OPPS Addendum B (Level II and CPT codes, Level II short descriptors) as one release of hcpcs_codes, valid from valid_from to valid_to, replacing that release; discontinued codes (status D) are skipped; the release covers claims to valid_to (without one, to the end of the quarter of valid_from) unless marked current; returns the summary';


