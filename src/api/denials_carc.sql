-- The loader of the CMS list of claim adjustment reason codes: their
-- descriptions into the denial dictionary (denials.sql).

-- The CMS CARC list ----------------------------------------------------------------

CREATE FUNCTION parse_carc(content text)
RETURNS TABLE (line_no bigint, line text, carc text, description text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH c AS (
		SELECT f.line_no, f.line, f.code, f.display,
			   coalesce(f.problem,
						CASE WHEN f.line_no = 1 OR f.blank THEN NULL
							 WHEN f.code = '' THEN 'The code is empty.'
							 WHEN f.code !~ '^([1-9][0-9]{0,2}|[A-Z][0-9]{1,3})$' THEN
								format('The code "%s" is not a claim adjustment reason code: 1 to 3 digits without a leading zero, or a capital letter and 1 to 3 digits.', f.code)
							 WHEN f.display = '' THEN 'The display is empty.' END) AS problem,
			   CASE WHEN f.line_no = 1 THEN 'header line'
					WHEN f.blank THEN 'blank line'
			   END AS skip
		FROM loader_code_display_lines(content, '{code,carc}', '{display,description}', true) f
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
COMMENT ON FUNCTION parse_carc(text) IS 'every line of the CMS list of claim adjustment reason codes as CSV (code,display) with the code and text load_carc() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_carc(content text, release text)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'denial_reasons';
	loaded bigint;
	skipped jsonb;
	bad_line_no bigint;
	bad_line text;
	bad_problem text;
	bad_errcode text;
BEGIN
	-- Not loader_run(): it replaces a release (deletes its rows, then
	-- inserts), and the dictionary must never lose a row or a mapping.  The
	-- CARC list merges instead: the texts of the codes on file are
	-- refreshed, the codes without a row added; the arguments, the parse,
	-- the errors and the summary are those of the other loaders.
	PERFORM loader_check_arguments(dataset, content, release, NULL, NULL, false);
	LOCK TABLE denial_reasons IN SHARE ROW EXCLUSIVE MODE;
	-- One pass: refresh the text of the codes on file, add the others
	-- unmapped, and find the first bad line; an error raised below undoes
	-- both with the statement.  Mappings are never touched.
	WITH p AS MATERIALIZED (
		SELECT * FROM parse_carc(content)
	),
	good AS (
		SELECT p.carc, p.description FROM p WHERE p.skip IS NULL AND p.problem IS NULL
	),
	upd AS (
		UPDATE denial_reasons d SET description = g.description, release = load_carc.release
		FROM good g
		WHERE d.carc = g.carc
		RETURNING 1
	),
	ins AS (
		INSERT INTO denial_reasons (carc, description, release)
		SELECT g.carc, g.description, load_carc.release
		FROM good g
		WHERE NOT EXISTS (SELECT 1 FROM denial_reasons d WHERE d.carc = g.carc)
		RETURNING 1
	)
	SELECT (SELECT count(*) FROM upd) + (SELECT count(*) FROM ins),
		   (SELECT coalesce(jsonb_object_agg(s.skip, s.n), '{}')
			FROM (SELECT p.skip, count(*) AS n FROM p WHERE p.skip IS NOT NULL GROUP BY p.skip) s),
		   b.line_no, b.line, b.problem, b.errcode
	INTO loaded, skipped, bad_line_no, bad_line, bad_problem, bad_errcode
	FROM (SELECT 1) AS one
	LEFT JOIN (SELECT p.line_no, p.line, p.problem, p.errcode FROM p WHERE p.problem IS NOT NULL
			   ORDER BY p.line_no LIMIT 1) b ON true;

	IF bad_problem IS NOT NULL OR loaded = 0 THEN
		PERFORM loader_fail(dataset, bad_line_no, bad_line, bad_problem, bad_errcode,
			'The CMS list of claim adjustment reason codes is a CSV with the header code,display, then a line per code: the code (1 to 3 digits, or a letter and 1 to 3 digits) and its text, quoted when it holds a comma.');
	END IF;
	RETURN NEXT loader_record_release(dataset, release, 'CMS CARC list (CSV)', NULL, NULL, loaded, skipped);
END
$$;
COMMENT ON FUNCTION load_carc(text, text) IS 'loads the CMS list of claim adjustment reason codes as CSV (code,display) into denial_reasons: refreshes the description of every code on file and adds the codes without a row, unmapped (category NULL); mappings, shipped or the user''s, are never changed and no row is deleted; returns the summary';
