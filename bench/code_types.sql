-- Benchmark: the code types against what a user writes without them.
--   is_valid_npi(text) vs a PL/pgSQL Luhn function and a SQL regex (target: 20x PL/pgSQL)
--   text::icd10cm vs the regex check a user would write (target: faster)
--   btree index and hash join on icd10cm vs text (targets: smaller, faster)
-- On :scale x 2,000,000 rows, one core (no parallel workers).
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
SET search_path = cleanclaim, public;
\set rows ((2000000 * :scale)::int)
SELECT setseed(0.42) AS seeded \gset

-- 2M NPIs as text: random 9-digit bases starting with 1 or 2 and a random last digit (one in ten valid)
CREATE TABLE bench.npi_text AS
SELECT (1 + (random() * 2)::int % 2)::text || lpad((random() * 99999999)::int::text, 8, '0')
	   || (random() * 9)::int::text AS v
FROM generate_series(1, :rows);

CREATE FUNCTION bench.plpgsql_is_valid_npi(v text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	total int := 24;
	d int;
BEGIN
	IF v IS NULL OR v !~ '^[12][0-9]{9}$' THEN
		RETURN false;
	END IF;
	FOR i IN 1..9 LOOP
		d := substr(v, i, 1)::int;
		IF i % 2 = 1 THEN
			d := d * 2;
			IF d > 9 THEN d := d - 9; END IF;
		END IF;
		total := total + d;
	END LOOP;
	RETURN (10 - total % 10) % 10 = substr(v, 10, 1)::int;
END $$;

-- the three agree before anything is timed
SELECT count(*) FILTER (WHERE is_valid_npi(v)) AS valid_cleanclaim,
	   count(*) FILTER (WHERE bench.plpgsql_is_valid_npi(v)) AS valid_plpgsql,
	   count(*) FILTER (WHERE is_valid_npi(v) IS DISTINCT FROM bench.plpgsql_is_valid_npi(v)) AS disagreements
FROM bench.npi_text;

CALL bench.compare('is_valid_npi', 'PL/pgSQL Luhn function',
	'SELECT count(*) FILTER (WHERE bench.plpgsql_is_valid_npi(v)) FROM bench.npi_text',
	'SELECT count(*) FILTER (WHERE cleanclaim.is_valid_npi(v)) FROM bench.npi_text', 20, 1);
CALL bench.compare('is_valid_npi', 'SQL regex (shape only, no check digit)',
	$q$SELECT count(*) FILTER (WHERE v ~ '^[12][0-9]{9}$') FROM bench.npi_text$q$,
	'SELECT count(*) FILTER (WHERE cleanclaim.is_valid_npi(v)) FROM bench.npi_text', NULL);
CALL bench.compare('is_valid_npi', 'count(*) scan only (floor)',
	'SELECT count(*) FROM bench.npi_text',
	'SELECT count(*) FILTER (WHERE cleanclaim.is_valid_npi(v)) FROM bench.npi_text', NULL);

-- 2M ICD-10-CM codes as text drawn from 75,000 distinct ones with the length
-- mix of the FY2025 billable codes (7 characters: 69%, 6: 14%, 5: 10%, 4: 7%),
-- half of them written with the dot
CREATE TABLE bench.icd_pool AS
SELECT DISTINCT ON (code) code FROM (
	SELECT left(chr(65 + (random() * 25)::int) || (random() * 9)::int::text
				|| substr('0123456789ABCDEFGHJKXZ', 1 + (random() * 21)::int, 1)
				|| lpad((random() * 999)::int::text, 3, '0') || substr('ADSX', 1 + (random() * 3)::int, 1),
				CASE WHEN r < 0.69 THEN 7 WHEN r < 0.83 THEN 6 WHEN r < 0.93 THEN 5 ELSE 4 END) AS code
	FROM (SELECT random() AS r FROM generate_series(1, 90000)) g) s
LIMIT 75000;
CREATE TABLE bench.icd_text AS
SELECT CASE WHEN i % 2 = 0 AND length(p.code) > 3 THEN left(p.code, 3) || '.' || substr(p.code, 4) ELSE p.code END AS v
FROM generate_series(1, :rows) i
JOIN (SELECT code, row_number() OVER () - 1 AS n FROM bench.icd_pool) p
  ON p.n = (hashint4(i) & 2147483647) % 75000;

SELECT count(*) AS rows, count(DISTINCT v) AS distinct_texts,
	   count(*) FILTER (WHERE v !~ '^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$') AS regex_rejects,
	   count(*) FILTER (WHERE NOT is_valid_icd10cm(v)) AS cleanclaim_rejects
FROM bench.icd_text;

CALL bench.compare('text::icd10cm', 'regex check',
	$q$SELECT count(*) FILTER (WHERE v ~ '^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$') FROM bench.icd_text$q$,
	'SELECT count(v::cleanclaim.icd10cm) FROM bench.icd_text', 1);
CALL bench.compare('text::icd10cm', 'regex check (is_valid_icd10cm)',
	$q$SELECT count(*) FILTER (WHERE v ~ '^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$') FROM bench.icd_text$q$,
	'SELECT count(*) FILTER (WHERE cleanclaim.is_valid_icd10cm(v)) FROM bench.icd_text', 1);

-- index and join: the same claims with the code as text, dotted (the display
-- form EHR exports carry) or dotless (the X12 form), and as icd10cm
CREATE TABLE bench.claims_dotted AS
SELECT CASE WHEN length(v) > 3 AND v NOT LIKE '%.%' THEN left(v, 3) || '.' || substr(v, 4) ELSE v END AS dx
FROM bench.icd_text;
CREATE TABLE bench.claims_dotless AS SELECT replace(v, '.', '') AS dx FROM bench.icd_text;
CREATE TABLE bench.claims_icd AS SELECT v::icd10cm AS dx FROM bench.icd_text;
CREATE TABLE bench.codes_dotless AS SELECT code, 'description of ' || code AS title FROM bench.icd_pool;
CREATE TABLE bench.codes_icd AS SELECT code::icd10cm AS code, 'description of ' || code AS title FROM bench.icd_pool;
VACUUM ANALYZE bench.claims_dotted, bench.claims_dotless, bench.claims_icd, bench.codes_dotless, bench.codes_icd;

SET maintenance_work_mem = '256MB';
SET max_parallel_maintenance_workers = 0;
SET work_mem = '256MB';
CALL bench.compare('sort by code', 'text (dotless)',
	'SELECT count(*) FROM (SELECT dx FROM bench.claims_dotless ORDER BY dx OFFSET 0) s',
	'SELECT count(*) FROM (SELECT dx FROM bench.claims_icd ORDER BY dx OFFSET 0) s', 1);
CALL bench.compare('btree index build', 'text (dotted)',
	'DROP INDEX IF EXISTS bench.claims_dotted_dx; CREATE INDEX claims_dotted_dx ON bench.claims_dotted (dx)',
	'DROP INDEX IF EXISTS bench.claims_icd_dx; CREATE INDEX claims_icd_dx ON bench.claims_icd (dx)', NULL, 3);
CALL bench.compare('btree index build', 'text (dotless)',
	'DROP INDEX IF EXISTS bench.claims_dotless_dx; CREATE INDEX claims_dotless_dx ON bench.claims_dotless (dx)',
	'DROP INDEX IF EXISTS bench.claims_icd_dx; CREATE INDEX claims_icd_dx ON bench.claims_icd (dx)', NULL, 3);
-- a composite index (code, line number) is nearly unique, so btree deduplication
-- cannot hide the key size
ALTER TABLE bench.claims_dotted ADD COLUMN line_id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE bench.claims_icd ADD COLUMN line_id bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX claims_dotted_dx_line ON bench.claims_dotted (dx, line_id);
CREATE INDEX claims_icd_dx_line ON bench.claims_icd (dx, line_id);
CREATE UNIQUE INDEX codes_dotless_pk ON bench.codes_dotless (code);
CREATE UNIQUE INDEX codes_dotted_pk ON bench.codes_dotless ((left(code, 3) || CASE WHEN length(code) > 3 THEN '.' || substr(code, 4) ELSE '' END));
CREATE UNIQUE INDEX codes_icd_pk ON bench.codes_icd (code);

\echo
\echo Index sizes (ratio = text size / icd10cm size; above 1 means the icd10cm index is smaller)
SELECT measure, pg_size_pretty(text_bytes) AS text, pg_size_pretty(icd_bytes) AS icd10cm,
	   round(text_bytes::numeric / icd_bytes, 2) AS ratio
FROM (VALUES
	('claims btree, text dotted', pg_relation_size('bench.claims_dotted_dx'), pg_relation_size('bench.claims_icd_dx')),
	('claims btree, text dotless', pg_relation_size('bench.claims_dotless_dx'), pg_relation_size('bench.claims_icd_dx')),
	('claims (code, line) btree, text dotted', pg_relation_size('bench.claims_dotted_dx_line'), pg_relation_size('bench.claims_icd_dx_line')),
	('code table unique btree, text dotted', pg_relation_size('bench.codes_dotted_pk'), pg_relation_size('bench.codes_icd_pk')),
	('code table unique btree, text dotless', pg_relation_size('bench.codes_dotless_pk'), pg_relation_size('bench.codes_icd_pk')),
	('claims table, text dotted', pg_relation_size('bench.claims_dotted'), pg_relation_size('bench.claims_icd'))
) m(measure, text_bytes, icd_bytes);

SET enable_mergejoin = off;
SET enable_nestloop = off;
CALL bench.compare('hash join claims to code table', 'text = text (dotless)',
	'SELECT count(*) FROM bench.claims_dotless c JOIN bench.codes_dotless d ON c.dx = d.code',
	'SELECT count(*) FROM bench.claims_icd c JOIN bench.codes_icd d ON c.dx = d.code', 1);
RESET enable_mergejoin;
RESET enable_nestloop;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
CALL bench.compare('group by code (hash aggregate)', 'text (dotless)',
	'SELECT count(*) FROM (SELECT dx, count(*) FROM bench.claims_dotless GROUP BY dx) s',
	'SELECT count(*) FROM (SELECT dx, count(*) FROM bench.claims_icd GROUP BY dx) s', 1);

\echo
\echo Results (ratio = baseline time / cleanclaim time; rows = :rows)
SELECT * FROM bench.report();
