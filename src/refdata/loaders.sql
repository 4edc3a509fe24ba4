
-- Loaders for the official public formats of the reference data.
--
-- Each load_<format>() takes a whole file as one text value (so that any
-- client can send it, and a role without superuser rights can load), checks
-- every line, and replaces one release of one dataset atomically: it deletes
-- the rows of that release, inserts the new ones and upserts the release's row
-- in releases, in the caller's transaction.  The first malformed line stops
-- the load with SQLSTATE 22P02 (23505 for a key repeated in the file, 22P04
-- for a file without data), a message naming the dataset and the line number,
-- a detail quoting the line and saying what is wrong, and a hint describing
-- the format; the error undoes the delete and the insert.
--
-- Each format also has a parse_<format>() function that returns every line
-- with what the loader does with it (the row it loads, or why it skips the
-- line, or the problem), without writing anything.  A loader parses once
-- (loader_run): it inserts the good lines and looks for the first bad one in
-- the same statement, then raises if it found one.
--
-- The loaders and parsers run with search_path = cleanclaim, pg_catalog,
-- pg_temp; the loader_* helpers are internal and rely on that.

CREATE TYPE load_summary AS (
	dataset text,
	release text,
	rows_loaded bigint,
	rows_skipped bigint,
	skipped jsonb
);
COMMENT ON TYPE load_summary IS 'what a loader did: the dataset (table, with the setting for ncci_ptp and mue), the release, the rows loaded, and the lines skipped, in total and by reason';


-- Helpers ---------------------------------------------------------------

CREATE FUNCTION loader_lines(content text)
RETURNS TABLE (line_no bigint, line text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	-- one row per line, numbered from 1; a byte order mark, carriage returns
	-- before the line feeds and the line feed that ends the last line are dropped
	SELECT n, CASE WHEN right(l, 1) = E'\r' THEN left(l, -1) ELSE l END
	FROM (SELECT CASE WHEN convert_to(left(content, 1), 'UTF8') = '\xefbbbf'::bytea
					  THEN substr(content, 2) ELSE content END) AS b(c),
		 string_to_table(CASE WHEN right(c, 1) = E'\n' THEN left(c, -1) ELSE c END, E'\n')
			 WITH ORDINALITY AS s(l, n)
$$;
COMMENT ON FUNCTION loader_lines(text) IS 'internal: the lines of a file, numbered from 1, without carriage returns, byte order mark or final line feed';

CREATE FUNCTION loader_csv_records(content text)
RETURNS TABLE (line_no bigint, record text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	-- A quoted CSV field may hold line feeds (spreadsheet exports do that in
	-- header cells): a line that starts inside quotes (odd number of quotes
	-- before it) continues the record of the line before.
	SELECT min(q.line_no), string_agg(q.line, E'\n' ORDER BY q.line_no)
	FROM (SELECT p.line_no, p.line, count(*) FILTER (WHERE NOT p.inside) OVER (ORDER BY p.line_no) AS record_no
		  FROM (SELECT l.line_no, l.line,
					   (sum(l.quotes) OVER (ORDER BY l.line_no) - l.quotes) % 2 = 1 AS inside
				FROM (SELECT s.line_no, s.line, length(s.line) - length(replace(s.line, '"', '')) AS quotes
					  FROM loader_lines(content) s) l) p) q
	GROUP BY q.record_no
$$;
COMMENT ON FUNCTION loader_csv_records(text) IS 'internal: the CSV records of a file, numbered by their first line; a record whose quoted field holds line feeds spans several lines';

CREATE FUNCTION loader_csv_quoted_fields(record text)
RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT CASE WHEN record ~ '^(?:"(?:[^"]|"")*"|[^",]*)(?:,(?:"(?:[^"]|"")*"|[^",]*))*$' THEN
		ARRAY(SELECT CASE WHEN m[1] LIKE '"%' THEN replace(substr(m[1], 2, length(m[1]) - 2), '""', '"') ELSE m[1] END
			  FROM regexp_matches(',' || record, ',("(?:[^"]|"")*"|[^",]*)', 'g') AS r(m))
	END
$$;
COMMENT ON FUNCTION loader_csv_quoted_fields(text) IS 'internal: the fields of one CSV record that holds double quotes, unquoted; NULL when its quoting is malformed';

-- Not STRICT, and without a sub-select, so that the planner inlines it: most
-- records have no quote and take the fast path.
CREATE FUNCTION loader_csv_fields(record text)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN strpos(record, '"') = 0 THEN string_to_array(record, ',') ELSE loader_csv_quoted_fields(record) END
$$;
COMMENT ON FUNCTION loader_csv_fields(text) IS 'internal: the fields of one CSV record (RFC 4180), unquoted; NULL when its quoting is malformed';

CREATE FUNCTION loader_date(yyyymmdd text)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	-- Not STRICT, so that the planner inlines it.  Nested CASEs: each test
	-- runs only when the one before passed.
	SELECT CASE WHEN yyyymmdd ~ '^[0-9]{8}$' THEN
		CASE WHEN substr(yyyymmdd, 1, 4)::int >= 1 AND substr(yyyymmdd, 5, 2)::int BETWEEN 1 AND 12 THEN
			CASE WHEN substr(yyyymmdd, 7, 2)::int BETWEEN 1 AND
					  extract(day FROM make_date(substr(yyyymmdd, 1, 4)::int, substr(yyyymmdd, 5, 2)::int, 1)
									   + interval '1 month - 1 day')
				 THEN make_date(substr(yyyymmdd, 1, 4)::int, substr(yyyymmdd, 5, 2)::int, substr(yyyymmdd, 7, 2)::int)
			END
		END
	END
$$;
COMMENT ON FUNCTION loader_date(text) IS 'internal: a date written YYYYMMDD, NULL when it is not one';

CREATE FUNCTION loader_structure_problem(line_no bigint, header_ok boolean, header_problem text, blank boolean,
										 fields text[], width integer)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	-- what is wrong with a CSV line as a line, before its values: the header
	-- (line 1), a header that was not valid, quoting, the number of fields
	SELECT CASE WHEN line_no = 1 THEN CASE WHEN NOT header_ok THEN header_problem END
				WHEN NOT header_ok THEN 'The header (line 1) is not valid.'
				WHEN blank THEN NULL
				WHEN fields IS NULL THEN
					'Its quoting is malformed: a field that starts with a double quote ends with one, and a double quote inside it is doubled.'
				WHEN cardinality(fields) <> width THEN format('It has %s fields; the header has %s.', cardinality(fields), width)
		   END
$$;
COMMENT ON FUNCTION loader_structure_problem(bigint, boolean, text, boolean, text[], integer) IS 'internal: the structural problem of a line of a CSV file with a header (the header itself, a header not valid, quoting, field count), NULL when none';

CREATE FUNCTION loader_header_position(header text[], names text[])
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	-- the position of the first of names found in a header row, compared
	-- trimmed and case-insensitively
	SELECT min(h.n)::integer
	FROM unnest(header) WITH ORDINALITY AS h(name, n)
	WHERE lower(btrim(h.name)) = ANY (names)
$$;
COMMENT ON FUNCTION loader_header_position(text[], text[]) IS 'internal: the position of a column in a header row, by any of its (lower-case) names; NULL when absent';

CREATE FUNCTION loader_cms_edit_rows(content text, header_pattern text, header_name text)
RETURNS TABLE (line_no bigint, record text, fields text[], kind text, header text[], skip text, problem text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	-- The CSV exports of the CMS NCCI tables start with copyright and title
	-- lines, then a header row (its first field matches header_pattern), then
	-- the data.  A table split in parts (the practitioner PTP table comes in
	-- several files) may be sent as the parts concatenated, each with its title
	-- lines and header: a line is a title line when a header line comes
	-- before the next line that starts with something shaped like a code.
	-- The lines that are not data are skipped; a data record whose quoting
	-- or number of fields is wrong, or that no header precedes, has a
	-- problem (the format's parser checks its fields).
	WITH r AS MATERIALIZED (
		SELECT c.line_no, c.record, loader_csv_fields(c.record) AS fields
		FROM loader_csv_records(content) c
	),
	k AS MATERIALIZED (
		SELECT r.line_no, r.record, r.fields,
			   btrim(r.record, E' \t,') = '' AS blank,
			   coalesce(btrim(r.fields[1]) ~* header_pattern, false) AS is_header,
			   coalesce(btrim(r.fields[1]) ~ '^[0-9A-Za-z]{4,7}$' AND r.fields[1] ~ '[0-9]', false) AS coded
		FROM r
	),
	w AS (
		SELECT k.*,
			   min(CASE WHEN k.is_header THEN k.line_no END) OVER (ORDER BY k.line_no DESC) AS next_header,
			   min(CASE WHEN k.coded THEN k.line_no END) OVER (ORDER BY k.line_no DESC) AS next_coded
		FROM k
	),
	x AS (
		SELECT w.line_no, w.record, w.fields,
			   CASE WHEN w.blank THEN 'blank'
					WHEN w.is_header THEN 'header'
					WHEN w.next_header < coalesce(w.next_coded, w.next_header + 1) THEN 'title'
					ELSE 'data' END AS kind,
			   (SELECT k.fields FROM k WHERE k.is_header ORDER BY k.line_no LIMIT 1) AS header
		FROM w
	)
	SELECT x.line_no, x.record, x.fields, x.kind, x.header,
		   -- blank line, title line, header line
		   CASE WHEN x.kind <> 'data' THEN x.kind || ' line' END,
		   CASE WHEN x.kind <> 'data' THEN NULL
				WHEN x.fields IS NULL THEN
					'Its quoting is malformed: a field that starts with a double quote ends with one, and a double quote inside it is doubled.'
				WHEN x.header IS NULL THEN format('No header line (the line that starts with "%s") comes before it.', header_name)
				WHEN cardinality(x.fields) <> cardinality(x.header) THEN
					format('It has %s fields; the header has %s.', cardinality(x.fields), cardinality(x.header))
		   END
	FROM x
$$;
COMMENT ON FUNCTION loader_cms_edit_rows(text, text, text) IS 'internal: the records of a CMS NCCI CSV export (PTP or MUE), each marked blank, title, header or data, with the fields of the first header row (its first field matches header_pattern, header_name in messages), the reason a line that is not data is skipped, and the problem of a data record whose quoting or number of fields is wrong or that no header precedes';

CREATE FUNCTION loader_quote_line(line text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT '"' || CASE WHEN length(line) > 120 THEN left(line, 117) || '...' ELSE line END || '"'
$$;
COMMENT ON FUNCTION loader_quote_line(text) IS 'internal: a line quoted for an error detail, cut to 120 characters';

CREATE FUNCTION loader_fail(dataset text, line_no bigint, line text, problem text, errcode text, hint text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF problem IS NULL THEN
		-- no bad line, but nothing to load either: not a file of this format
		RAISE EXCEPTION 'could not load %: the file holds no data line', dataset
			USING ERRCODE = 'bad_copy_file_format', HINT = hint;
	ELSIF errcode = '23505' THEN
		RAISE EXCEPTION 'could not load %: line % repeats a key', dataset, line_no
			USING ERRCODE = errcode, DETAIL = format('Line %s is %s. %s', line_no, loader_quote_line(line), problem),
				  HINT = 'A key appears once in a release.';
	ELSE
		RAISE EXCEPTION 'could not load %: line % is malformed', dataset, line_no
			USING ERRCODE = errcode, DETAIL = format('Line %s is %s. %s', line_no, loader_quote_line(line), problem),
				  HINT = hint;
	END IF;
END
$$;
COMMENT ON FUNCTION loader_fail(text, bigint, text, text, text, text) IS 'internal: raises the error of a malformed line (22P02), a repeated key (23505) or a file without data (22P04): dataset and line number, the line and its problem, the format expected';

CREATE FUNCTION loader_check_arguments(dataset text, content text, release text,
									   valid_from date, valid_to date, valid_from_required boolean)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF content IS NULL THEN
		RAISE EXCEPTION 'could not load %: the content is null', dataset
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass the whole file as text, for example from psql: \set f `cat file` then :''f''.';
	END IF;
	IF release IS NULL OR btrim(release) = '' THEN
		RAISE EXCEPTION 'could not load %: the release is null or empty', dataset
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name the release, for example FY2025 or 2025Q2: a later load of the same release replaces it.';
	END IF;
	IF valid_from_required AND valid_from IS NULL THEN
		RAISE EXCEPTION 'could not load %: valid_from is null', dataset
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the first date the release applies to, for example 2024-10-01 for the ICD-10-CM codes of FY2025.';
	END IF;
	IF valid_to < valid_from THEN
		RAISE EXCEPTION 'could not load %: valid_to % is before valid_from %', dataset,
			to_char(valid_to, 'YYYY-MM-DD'), to_char(valid_from, 'YYYY-MM-DD')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'valid_to is the last date the release applies to (inclusive), NULL when it has no end yet.';
	END IF;
END
$$;
COMMENT ON FUNCTION loader_check_arguments(text, text, text, date, date, boolean) IS 'internal: raises 22023 for a null content, a null or empty release, a missing valid_from or a valid_to before valid_from';

CREATE FUNCTION loader_check_setting(dataset text, setting text, allowed text[])
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF setting IS NULL OR NOT setting = ANY (allowed) THEN
		RAISE EXCEPTION 'could not load %: setting % is not allowed', dataset, coalesce(quote_literal(setting), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = format('The setting is one of %s.', array_to_string(allowed, ', '));
	END IF;
END
$$;
COMMENT ON FUNCTION loader_check_setting(text, text, text[]) IS 'internal: raises 22023 when the setting is not one of those allowed';

CREATE FUNCTION loader_record_release(dataset_name text, release_name text, source_format text,
									  release_from date, release_to date, loaded bigint, skipped jsonb,
									  release_covers_to date DEFAULT NULL)
RETURNS load_summary
LANGUAGE sql VOLATILE PARALLEL UNSAFE
AS $$
	-- a release loaded again keeps its current mark
	INSERT INTO releases AS r (dataset, release, source, valid_from, valid_to, covers_to, rows_loaded)
	VALUES (dataset_name, release_name, source_format, release_from, release_to, release_covers_to, loaded)
	ON CONFLICT ON CONSTRAINT releases_pkey DO UPDATE
		SET source = excluded.source, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
			covers_to = excluded.covers_to, rows_loaded = excluded.rows_loaded, loaded_at = now(),
			loaded_by = current_user;
	SELECT dataset_name, release_name, loaded,
		   (SELECT coalesce(sum(value::bigint), 0)::bigint FROM jsonb_each_text(skipped)),
		   skipped;
$$;
COMMENT ON FUNCTION loader_record_release(text, text, text, date, date, bigint, jsonb, date) IS 'internal: upserts the row of a release in releases (the current mark of a release loaded again is kept) and returns the summary of its load';

-- The period a code-set release speaks for when the loader is not told:
-- ICD-10-CM releases run to the end of the federal fiscal year (30
-- September), HCPCS releases to the end of their quarter.
CREATE FUNCTION loader_fiscal_year_end(d date)
RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT make_date(extract(year FROM d)::int + CASE WHEN extract(month FROM d) >= 10 THEN 1 ELSE 0 END, 9, 30)
$$;
COMMENT ON FUNCTION loader_fiscal_year_end(date) IS 'internal: the 30 September that ends the federal fiscal year of a date';

CREATE FUNCTION loader_quarter_end(d date)
RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
	SELECT (date_trunc('quarter', d) + interval '3 months - 1 day')::date
$$;
COMMENT ON FUNCTION loader_quarter_end(date) IS 'internal: the last day of the calendar quarter of a date';

CREATE FUNCTION loader_release_conflict(dataset text, release text, detail text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	RAISE EXCEPTION 'could not load %: release % overlaps another release', dataset, quote_literal(release)
		USING ERRCODE = 'unique_violation', DETAIL = detail,
			  HINT = 'A release that replaces another repeats its rows: delete the other one in the same transaction, with delete_release() or cleanclaim-load --replaces.  Releases meant to coexist need their own valid_from.';
END
$$;
COMMENT ON FUNCTION loader_release_conflict(text, text, text) IS 'internal: raises 23505 when the rows of a release collide with those of another release of the same dataset';

CREATE FUNCTION loader_run(dataset text, parse regproc, content text,
						   release text, setting text, valid_from date, valid_to date,
						   targets regclass[], columns text[], select_lists text[], hint text,
						   conditions text[] DEFAULT NULL, conflict_dataset text DEFAULT NULL, peek text DEFAULT NULL,
						   extra text DEFAULT NULL,
						   OUT loaded bigint[], OUT skipped jsonb, OUT peeked text)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $$
-- What every loader does once its arguments are checked: lock the tables,
-- delete the release (of the setting, when there is one), parse the content
-- once, and in one statement insert the good lines into each table, count
-- the lines skipped by reason and find the first bad line; then raise when
-- a line is bad, the release collides with another or nothing was loaded.
-- Table i of targets gets
--   INSERT INTO targets[i] (columns[i]) SELECT select_lists[i] FROM p, a
--   WHERE <the line loads> AND conditions[i]
-- where p is the parse's row of the line and a the loader's arguments
-- (a.release, a.setting, a.valid_from, a.valid_to, and a.extra, one more
-- argument of the loader's own).  The tables come as
-- regclass and the column names are quoted here; the select lists and
-- conditions are SQL written in the loaders, never data: the content and
-- the arguments only reach the statement as parameters.  (Not SECURITY
-- DEFINER: whoever calls it directly can do no more than they could
-- without it.)
DECLARE
	target regclass;
	inserts text := '';
	counts text[] := '{}';
	column_list text;
	c text;
	bad_line_no bigint;
	bad_line text;
	bad_problem text;
	bad_errcode text;
	detail text;
BEGIN
	-- LOCK TABLE locks the tables one by one, in the order given
	EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', array_to_string(targets, ', '));
	FOREACH target IN ARRAY targets LOOP
		EXECUTE format('DELETE FROM %s t WHERE t.release = $1', target)
				|| CASE WHEN setting IS NOT NULL THEN ' AND t.setting = $2' ELSE '' END
			USING release, setting;
	END LOOP;
	FOR i IN 1 .. cardinality(targets) LOOP
		column_list := NULL;
		FOREACH c IN ARRAY string_to_array(columns[i], ',') LOOP
			column_list := concat_ws(', ', column_list, quote_ident(btrim(c)));
		END LOOP;
		inserts := inserts || format(E',\nins%s AS (\n\tINSERT INTO %s (%s)\n\tSELECT %s\n\tFROM p, a\n\tWHERE p.skip IS NULL AND p.problem IS NULL%s\n\tRETURNING 1\n)',
			i, targets[i], column_list, select_lists[i], ' AND ' || conditions[i]);
		counts := counts || format('(SELECT count(*) FROM ins%s)', i);
	END LOOP;
	-- an error raised below undoes the delete and the insert with the statement
	BEGIN
		EXECUTE format($sql$
WITH p AS MATERIALIZED (
	SELECT * FROM %s($1)
),
a (release, setting, valid_from, valid_to, extra) AS (
	VALUES ($2, $3, $4, $5, $6)
)%s
SELECT ARRAY[%s],
	   (SELECT coalesce(jsonb_object_agg(s.skip, s.n), '{}')
		FROM (SELECT p.skip, count(*) AS n FROM p WHERE p.skip IS NOT NULL GROUP BY p.skip) s),
	   %s,
	   b.line_no, b.line, b.problem, b.errcode
FROM (SELECT 1) AS one
LEFT JOIN (SELECT p.line_no, p.line, p.problem, p.errcode FROM p WHERE p.problem IS NOT NULL
		   ORDER BY p.line_no LIMIT 1) b ON true$sql$,
			parse, inserts, array_to_string(counts, ', '),
			CASE WHEN peek IS NULL THEN 'NULL::text' ELSE format('(SELECT p.%I FROM p LIMIT 1)::text', peek) END)
		INTO loaded, skipped, peeked, bad_line_no, bad_line, bad_problem, bad_errcode
		USING content, release, setting, valid_from, valid_to, extra;
	EXCEPTION WHEN unique_violation THEN
		GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
		PERFORM loader_release_conflict(coalesce(conflict_dataset, dataset), release, detail);
	END;

	-- (0 = ALL (loaded): not a row in any of the tables)
	IF bad_problem IS NOT NULL OR 0 = ALL (loaded) THEN
		PERFORM loader_fail(dataset, bad_line_no, bad_line, bad_problem, bad_errcode, hint);
	END IF;
END
$$;
COMMENT ON FUNCTION loader_run(text, regproc, text, text, text, date, date, regclass[], text[], text[], text, text[], text, text, text) IS 'internal: the load itself, once the arguments are checked: locks the targets, deletes the release, inserts the lines parse() loads (targets[i] (columns[i]) from select_lists[i] over p, the parsed line, and a, the arguments), raises on a bad line, a collision or no data; returns the rows loaded into each target, the lines skipped by reason and the first value of column peek';


-- Releases -------------------------------------------------------------------

CREATE FUNCTION delete_release(dataset text, release text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	-- "ncci_ptp/hospital": the table, then the setting
	tbl constant text := split_part(dataset, '/', 1);
	setting constant text := nullif(split_part(dataset, '/', 2), '');
	deleted bigint;
BEGIN
	IF dataset IS NULL OR NOT dataset = ANY ('{icd10cm_codes,hcpcs_codes,modifiers,place_of_service,type_of_bill_codes,'
											 'revenue_codes,mce_edits,ncci_ptp/practitioner,ncci_ptp/hospital,mue/practitioner,'
											 'mue/hospital,mue/dme,coverage_policies}') THEN
		RAISE EXCEPTION 'could not delete a release: % is not a dataset of the loaders', coalesce(quote_literal(dataset), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The datasets are icd10cm_codes, hcpcs_codes, modifiers, place_of_service, type_of_bill_codes, revenue_codes, mce_edits, ncci_ptp/practitioner, ncci_ptp/hospital, mue/practitioner, mue/hospital, mue/dme and coverage_policies.';
	END IF;
	IF release IS NULL THEN
		RAISE EXCEPTION 'could not delete a release of %: the release is null', dataset
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	EXECUTE format('LOCK TABLE %I IN SHARE ROW EXCLUSIVE MODE', tbl);
	IF setting IS NULL THEN
		EXECUTE format('DELETE FROM %I t WHERE t.release = $1', tbl) USING release;
	ELSE
		EXECUTE format('DELETE FROM %I t WHERE t.release = $1 AND t.setting = $2', tbl) USING release, setting;
	END IF;
	GET DIAGNOSTICS deleted = ROW_COUNT;
	DELETE FROM releases r WHERE r.dataset = delete_release.dataset AND r.release = delete_release.release;
	RETURN deleted;
END
$$;
COMMENT ON FUNCTION delete_release(text, text) IS 'deletes the rows of one release of a dataset loaded by a loader (icd10cm_codes, hcpcs_codes, modifiers, place_of_service, type_of_bill_codes, revenue_codes, mce_edits, ncci_ptp/<setting>, mue/<setting>) and its row in releases; returns the rows deleted.  Cumulative files (NCCI PTP, ANWEB) repeat the rows of the release before: delete it in the transaction that loads the new one';

