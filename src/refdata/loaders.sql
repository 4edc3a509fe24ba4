
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
-- (a.release, a.setting, a.valid_from, a.valid_to).  The tables come as
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
a (release, setting, valid_from, valid_to) AS (
	VALUES ($2, $3, $4, $5)
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
		USING content, release, setting, valid_from, valid_to;
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
COMMENT ON FUNCTION loader_run(text, regproc, text, text, text, date, date, regclass[], text[], text[], text, text[], text, text) IS 'internal: the load itself, once the arguments are checked: locks the targets, deletes the release, inserts the lines parse() loads (targets[i] (columns[i]) from select_lists[i] over p, the parsed line, and a, the arguments), raises on a bad line, a collision or no data; returns the rows loaded into each target, the lines skipped by reason and the first value of column peek';


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
											 'mue/hospital,mue/dme}') THEN
		RAISE EXCEPTION 'could not delete a release: % is not a dataset of the loaders', coalesce(quote_literal(dataset), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'The datasets are icd10cm_codes, hcpcs_codes, modifiers, place_of_service, type_of_bill_codes, revenue_codes, mce_edits, ncci_ptp/practitioner, ncci_ptp/hospital, mue/practitioner, mue/hospital and mue/dme.';
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


-- NCCI procedure-to-procedure edits ---------------------------------------

CREATE FUNCTION parse_ncci_ptp(content text)
RETURNS TABLE (line_no bigint, line text, column1 hcpcs, column2 hcpcs, modifier_indicator smallint,
			   valid_from date, valid_to date, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	-- Fields: Column 1, Column 2, * (in existence prior to 1996), effective
	-- date, deletion date (* = none), modifier indicator, PTP edit rationale.
	-- The deletion date is the first date the edit no longer applies, so
	-- the edit is valid through the day before; an edit deleted on its
	-- effective date (modifier indicator 9) never applied and is skipped.
	WITH r AS MATERIALIZED (
		SELECT e.line_no, e.record, e.kind, e.skip, e.problem AS record_problem,
			   btrim(e.fields[1]) AS c1, btrim(e.fields[2]) AS c2, btrim(e.fields[3]) AS pre1996,
			   btrim(e.fields[4]) AS eff, btrim(e.fields[5]) AS del, btrim(e.fields[6]) AS modifier,
			   loader_date(btrim(e.fields[4])) AS eff_date, loader_date(btrim(e.fields[5])) AS del_date
		FROM loader_cms_edit_rows(content, '^column\s*1$', 'Column 1') e
	),
	c AS (
		SELECT r.*,
			   CASE WHEN r.kind <> 'data' THEN NULL
					WHEN r.record_problem IS NOT NULL THEN r.record_problem
					WHEN NOT is_valid_hcpcs(r.c1) THEN
						format('The column 1 code "%s" is not a HCPCS or CPT code: %s', r.c1, invalid_reason('hcpcs', r.c1))
					WHEN NOT is_valid_hcpcs(r.c2) THEN
						format('The column 2 code "%s" is not a HCPCS or CPT code: %s', r.c2, invalid_reason('hcpcs', r.c2))
					WHEN r.pre1996 NOT IN ('', '*') THEN
						format('The "in existence prior to 1996" field is "%s", not * or empty.', r.pre1996)
					WHEN r.eff_date IS NULL THEN
						format('The effective date is "%s", not a date written YYYYMMDD.', r.eff)
					WHEN r.del <> '*' AND r.del_date IS NULL THEN
						format('The deletion date is "%s", neither a date written YYYYMMDD nor * (not deleted).', r.del)
					WHEN r.del_date < r.eff_date THEN
						format('The deletion date %s is before the effective date %s.', r.del, r.eff)
					WHEN r.modifier NOT IN ('0', '1', '9') THEN
						format('The modifier indicator is "%s", not 0, 1 or 9.', r.modifier)
			   END AS problem
		FROM r
	),
	k AS (
		SELECT c.*, coalesce(c.skip, CASE WHEN c.problem IS NULL AND c.del_date = c.eff_date
										  THEN 'deleted on its effective date (never in effect)' END) AS skip_reason
		FROM c
	),
	d AS (
		SELECT k.*, k.problem IS NULL AND k.skip_reason IS NULL AS loads,
			   CASE WHEN k.problem IS NULL AND k.skip_reason IS NULL
					THEN min(k.line_no) OVER (PARTITION BY CASE WHEN k.problem IS NULL AND k.skip_reason IS NULL THEN k.c1::hcpcs END,
															CASE WHEN k.problem IS NULL AND k.skip_reason IS NULL THEN k.c2::hcpcs END,
															k.eff_date)
			   END AS first_line
		FROM k
	)
	SELECT d.line_no, d.record,
		   CASE WHEN d.loads THEN d.c1::hcpcs END, CASE WHEN d.loads THEN d.c2::hcpcs END,
		   CASE WHEN d.loads THEN d.modifier::smallint END,
		   CASE WHEN d.loads THEN d.eff_date END, CASE WHEN d.loads THEN d.del_date - 1 END,
		   d.skip_reason,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('The edit %s/%s effective %s is already on line %s.', d.c1, d.c2, d.eff, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_ncci_ptp(text) IS 'every record of a CMS NCCI PTP edit table exported as CSV (title lines, header, data; parts concatenated allowed) with the edit load_ncci_ptp() would load (valid_to = deletion date - 1), or why it skips the record, or what is wrong with it; writes nothing';

CREATE FUNCTION load_ncci_ptp(content text, release text, setting text DEFAULT 'practitioner')
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'ncci_ptp/' || coalesce(setting, '');
	r record;
BEGIN
	PERFORM loader_check_setting('ncci_ptp', setting, '{practitioner,hospital}');
	PERFORM loader_check_arguments(dataset, content, release, NULL, NULL, false);
	r := loader_run(dataset, 'parse_ncci_ptp', content, release, setting, NULL, NULL,
		targets => '{ncci_ptp}',
		columns => ARRAY['column1, column2, modifier_indicator, valid_from, valid_to, setting, release'],
		select_lists => ARRAY['p.column1, p.column2, p.modifier_indicator, p.valid_from, p.valid_to, a.setting, a.release'],
		hint => 'A PTP edit has 7 fields: the column 1 and column 2 codes, * or nothing (in existence prior to 1996), the effective date YYYYMMDD, the deletion date YYYYMMDD or *, the modifier indicator 0, 1 or 9, and the rationale; title lines come before the header line that starts with "Column 1".');
	RETURN NEXT loader_record_release(dataset, release, 'NCCI PTP edits (CSV)', NULL, NULL, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_ncci_ptp(text, text, text) IS 'loads a CMS NCCI procedure-to-procedure edit table exported as CSV, for the practitioner or hospital setting, as one release of ncci_ptp (valid from the effective date through the day before the deletion date), replacing that release of that setting; returns the summary';


-- Medically Unlikely Edits --------------------------------------------------

CREATE FUNCTION parse_mue(content text)
RETURNS TABLE (line_no bigint, line text, code hcpcs, max_units integer, adjudication_indicator smallint,
			   file_setting text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	-- Fields: HCPCS/CPT code, <setting> MUE value, MUE adjudication
	-- indicator ("2 Date of Service Edit: Policy"), MUE rationale.
	WITH r AS MATERIALIZED (
		SELECT e.line_no, e.record, e.kind, e.skip, e.problem AS record_problem,
			   CASE WHEN e.header[2] ~* 'practitioner' THEN 'practitioner'
					WHEN e.header[2] ~* 'hospital|facility' THEN 'hospital'
					WHEN e.header[2] ~* 'dme' THEN 'dme' END AS file_setting,
			   btrim(e.fields[1]) AS code, btrim(e.fields[2]) AS units, btrim(e.fields[3]) AS mai
		FROM loader_cms_edit_rows(content, '^hcpcs\s*/\s*cpt\s+code$', 'HCPCS/CPT Code') e
	),
	c AS (
		SELECT r.*,
			   CASE WHEN r.kind <> 'data' THEN NULL
					WHEN r.record_problem IS NOT NULL THEN r.record_problem
					WHEN NOT is_valid_hcpcs(r.code) THEN
						format('The code "%s" is not a HCPCS or CPT code: %s', r.code, invalid_reason('hcpcs', r.code))
					WHEN r.units !~ '^[0-9]{1,9}$' THEN
						format('The MUE value is "%s", not a whole number of units.', r.units)
					WHEN r.mai !~ '^[123]([^0-9]|$)' THEN
						format('The MUE adjudication indicator is "%s"; it starts with 1 (line edit), 2 (date of service edit: policy) or 3 (date of service edit: clinical).', r.mai)
			   END AS problem
		FROM r
	),
	k AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.kind = 'data' THEN c.code::hcpcs END AS valid_code
		FROM c
	),
	d AS (
		SELECT k.*, CASE WHEN k.valid_code IS NOT NULL THEN min(k.line_no) OVER (PARTITION BY k.valid_code) END AS first_line
		FROM k
	)
	SELECT d.line_no, d.record, d.valid_code,
		   CASE WHEN d.valid_code IS NOT NULL THEN d.units::integer END,
		   CASE WHEN d.valid_code IS NOT NULL THEN left(d.mai, 1)::smallint END,
		   d.file_setting, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already on line %s.', d.valid_code, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_mue(text) IS 'every record of a CMS MUE table exported as CSV (title lines, header, data) with the MUE load_mue() would load and the setting its header names, or why it skips the record, or what is wrong with it; writes nothing';

CREATE FUNCTION load_mue(content text, release text, valid_from date, setting text DEFAULT 'practitioner')
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'mue/' || coalesce(setting, '');
	r record;
BEGIN
	PERFORM loader_check_setting('mue', setting, '{practitioner,hospital,dme}');
	PERFORM loader_check_arguments(dataset, content, release, valid_from, NULL, true);
	r := loader_run(dataset, 'parse_mue', content, release, setting, valid_from, NULL,
		targets => '{mue}',
		columns => ARRAY['code, max_units, adjudication_indicator, valid_from, setting, release'],
		select_lists => ARRAY['p.code, p.max_units, p.adjudication_indicator, a.valid_from, a.setting, a.release'],
		peek => 'file_setting',
		hint => 'An MUE line has 4 fields: the HCPCS/CPT code, the MUE value (units), the MUE adjudication indicator starting with 1, 2 or 3, and the MUE rationale; title lines come before the header line that starts with "HCPCS/CPT Code".');
	IF r.peeked <> setting THEN
		RAISE EXCEPTION 'could not load %: the file holds the MUEs of another setting', dataset
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('Its header names the %s setting.', r.peeked),
				  HINT = format('Load it with setting => %L.', r.peeked);
	END IF;
	RETURN NEXT loader_record_release(dataset, release, 'MUE table (CSV)', valid_from, NULL, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_mue(text, text, date, text) IS 'loads a CMS Medically Unlikely Edit table exported as CSV, for the practitioner, hospital (outpatient hospital) or dme setting, as one release of mue valid from valid_from, replacing that release of that setting; returns the summary';


-- Medicare Code Editor diagnosis lists --------------------------------------

CREATE FUNCTION parse_mce(content text)
RETURNS TABLE (line_no bigint, line text, code icd10cm, edit text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH l AS MATERIALIZED (
		SELECT s.line_no, s.line, string_to_array(s.line, E'\t') AS fields FROM loader_lines(content) s
	),
	h AS MATERIALIZED (
		SELECT loader_header_position(l.fields, '{icd_version}') AS version_at,
			   loader_header_position(l.fields, '{mce_edit_type}') AS type_at,
			   loader_header_position(l.fields, '{icd_code_type}') AS code_type_at,
			   loader_header_position(l.fields, '{icd_code}') AS code_at,
			   cardinality(l.fields) AS width
		FROM l WHERE l.line_no = 1
	),
	hh AS MATERIALIZED (
		SELECT h.*, h.version_at IS NOT NULL AND h.type_at IS NOT NULL AND h.code_type_at IS NOT NULL AND h.code_at IS NOT NULL
					AS header_ok
		FROM h
	),
	-- the MCE edit types and the mce_edits value each maps to; NULL: a
	-- known edit that mce_edits does not keep
	edit_types (edit_type, edit) AS (
		VALUES ('newborn_only', 'newborn'), ('pediatric_only', 'pediatric'), ('maternity_only', 'maternity'),
			   ('adult_only', 'adult'), ('female_only', 'female'), ('male_only', 'male'),
			   ('principal_manifestation', 'manifestation'), ('principal_unacceptable', 'unacceptable_principal'),
			   ('principal_questionable_admit', 'questionable_admission'), ('noncovered_always', 'noncovered'),
			   ('noncovered_over60', 'noncovered'), ('limited_coverage', 'limited_coverage'),
			   ('wrong_performed', NULL), ('noncovered_los_96hr', NULL)
	),
	f AS (
		SELECT l.line_no, l.line, l.fields, btrim(l.line) = '' AS blank, h.*,
			   btrim(l.fields[h.version_at]) AS version, btrim(l.fields[h.type_at]) AS edit_type,
			   upper(btrim(l.fields[h.code_type_at])) AS code_type, btrim(l.fields[h.code_at]) AS code,
			   e.edit_type IS NOT NULL AS known, e.edit
		FROM l CROSS JOIN hh AS h
		LEFT JOIN edit_types e ON e.edit_type = lower(btrim(l.fields[h.type_at]))
	),
	c AS (
		SELECT f.*,
			   CASE WHEN f.line_no = 1 THEN
						CASE WHEN NOT f.header_ok THEN
							'The header lacks one of the tab-separated columns ICD_Version, MCE_Edit_Type, ICD_Code_Type and ICD_Code.' END
					WHEN NOT f.header_ok THEN 'The header (line 1) is not valid.'
					WHEN f.blank THEN NULL
					WHEN cardinality(f.fields) <> f.width THEN
						format('It has %s tab-separated fields; the header has %s.', cardinality(f.fields), f.width)
					WHEN f.version <> '10' THEN
						format('ICD_Version is "%s"; only ICD-10 lists can be loaded.', f.version)
					WHEN NOT f.known THEN
						format('The edit type "%s" is unknown.', f.edit_type)
					WHEN f.code_type NOT IN ('D', 'P') THEN
						format('ICD_Code_Type is "%s", not D (diagnosis) or P (procedure).', f.code_type)
					WHEN f.code_type = 'D' AND NOT is_valid_icd10cm(f.code) THEN
						format('The diagnosis code "%s" is not an ICD-10-CM code: %s', f.code, invalid_reason('icd10cm', f.code))
			   END AS problem,
			   CASE WHEN f.line_no = 1 THEN 'header line'
					WHEN f.blank THEN 'blank line'
					WHEN f.code_type = 'P' THEN 'procedure code (ICD_Code_Type P)'
					WHEN f.known AND f.edit IS NULL THEN 'edit type not kept: ' || f.edit_type
			   END AS skip
		FROM f
	),
	k AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.skip IS NULL THEN c.code::icd10cm END AS valid_code
		FROM c
	),
	d AS (
		SELECT k.*, CASE WHEN k.valid_code IS NOT NULL THEN min(k.line_no) OVER (PARTITION BY k.valid_code, k.edit) END AS first_line
		FROM k
	)
	SELECT d.line_no, d.line, d.valid_code, CASE WHEN d.valid_code IS NOT NULL THEN d.edit END, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already listed for the %s edit on line %s.', d.valid_code, d.edit, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_mce(text) IS 'every line of the tab-separated MCE code edit lists (MCE_Version, ICD_Version, MCE_Section, MCE_Subsection, MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc) with the diagnosis and edit load_mce() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_mce(content text, release text, valid_from date, valid_to date DEFAULT NULL)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'mce_edits';
	r record;
BEGIN
	PERFORM loader_check_arguments(dataset, content, release, valid_from, valid_to, true);
	r := loader_run(dataset, 'parse_mce', content, release, NULL, valid_from, valid_to,
		targets => '{mce_edits}',
		columns => ARRAY['code, edit, valid_from, valid_to, release'],
		select_lists => ARRAY['p.code, p.edit, a.valid_from, a.valid_to, a.release'],
		hint => 'The MCE lists are tab-separated with the header MCE_Version, ICD_Version, MCE_Section, MCE_Subsection, MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc; the edit types are Newborn_Only, Pediatric_Only, Maternity_Only, Adult_Only, Female_Only, Male_Only, Principal_Manifestation, Principal_Unacceptable, Principal_Questionable_Admit, Noncovered_Always, Noncovered_Over60, Limited_Coverage, Wrong_Performed and Noncovered_LOS_96hr.');
	RETURN NEXT loader_record_release(dataset, release, 'MCE code edit lists (tab-separated)', valid_from, valid_to, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_mce(text, text, date, date) IS 'loads the tab-separated Medicare Code Editor lists (diagnosis rows only) as one release of mce_edits, valid from valid_from to valid_to, replacing that release; procedure rows and the edits mce_edits does not keep are skipped; returns the summary';


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


-- Marking a release current ---------------------------------------------

CREATE FUNCTION mark_release_current(dataset text, release text, current boolean DEFAULT true)
RETURNS SETOF releases
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	known text;
BEGIN
	IF dataset IS NULL OR release IS NULL OR current IS NULL THEN
		RAISE EXCEPTION 'mark_release_current() needs a dataset, a release and true or false'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'SELECT * FROM cleanclaim.mark_release_current(''icd10cm_codes'', ''FY2025'');';
	END IF;
	RETURN QUERY
	UPDATE releases r SET current = mark_release_current.current
	WHERE r.dataset = mark_release_current.dataset AND r.release = mark_release_current.release
	RETURNING r.*;
	IF NOT FOUND THEN
		SELECT string_agg(quote_literal(r.release), ', ' ORDER BY r.loaded_at) INTO known
		FROM releases r WHERE r.dataset = mark_release_current.dataset;
		RAISE EXCEPTION 'there is no release % of %', quote_literal(release), quote_literal(dataset)
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = CASE WHEN known IS NULL THEN format('No release of %s is loaded.', quote_literal(dataset))
								ELSE format('The releases of %s are %s.', quote_literal(dataset), known) END,
				  HINT = 'The releases loaded are listed in cleanclaim.releases (dataset, release).';
	END IF;
END
$$;
COMMENT ON FUNCTION mark_release_current(text, text, boolean) IS 'marks a loaded release of a code set current (or, with false, no longer): claims dated after its covers_to are then checked against it, as if it had no end, until a newer release is loaded; returns the release''s row';
